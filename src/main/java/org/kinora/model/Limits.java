package org.kinora.model;

/**
 * The values a number may take, and the words for one it may not. The model's constructors and
 * the project file's field checks share these, so a value is refused with the same words whether
 * code or a file asked for it. NaN and the infinities are always refused.
 *
 * @param max {@link Double#POSITIVE_INFINITY} for "no upper limit" (any finite value up from min)
 */
public record Limits(double min, double max) {

    /** Seconds, fades and other amounts that cannot be negative. */
    public static final Limits NON_NEGATIVE = new Limits(0, Double.POSITIVE_INFINITY);

    public Limits {
        if (!(min <= max)) {
            throw new IllegalArgumentException("limits " + min + ".." + max + " are empty");
        }
    }

    /** Why {@code value} is refused, e.g. "must be between 0 and 1, was 2"; null when it is allowed. */
    public String problem(double value) {
        if (value >= min && value <= max && Double.isFinite(value)) {
            return null;
        }
        if (max == Double.POSITIVE_INFINITY) {
            return "must be " + (min == 0 ? "zero" : Checks.fmt(min)) + " or more, was " + Checks.fmt(value);
        }
        return "must be between " + Checks.fmt(min) + " and " + Checks.fmt(max) + ", was " + Checks.fmt(value);
    }
}
