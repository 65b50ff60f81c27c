package org.kinora.model;

import java.util.Objects;

/** Argument checks shared by the model's compact constructors; messages name the field. */
final class Checks {
    private Checks() {
    }

    static void inRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) { // also rejects NaN
            throw new IllegalArgumentException(field + " must be between " + fmt(min) + " and "
                    + fmt(max) + ", was " + fmt(value));
        }
    }

    static void inRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be between " + min + " and " + max
                    + ", was " + value);
        }
    }

    static void finiteNonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be zero or more, was " + fmt(value));
        }
    }

    static <T> T notNull(String field, T value) {
        return Objects.requireNonNull(value, () -> field + " is missing");
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
