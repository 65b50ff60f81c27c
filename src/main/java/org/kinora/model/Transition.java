package org.kinora.model;

/** The transition from a slide into the next one; the two slides overlap for its duration. */
public record Transition(TransitionType type, double durationSeconds) {

    public static final Transition NONE = new Transition(TransitionType.CUT, 0);

    public Transition {
        Checks.notNull("transition type", type);
        Checks.finiteNonNegative("transition duration", durationSeconds);
        if (type == TransitionType.CUT) {
            durationSeconds = 0; // a cut has no overlap, whatever was asked
        }
    }

    public static Transition crossfade(double seconds) {
        return new Transition(TransitionType.CROSSFADE, seconds);
    }
}
