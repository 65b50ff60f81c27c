package org.kinora.model;

/** How a slide's motion progresses from its start view to its end view. */
public enum Easing {
    /** Constant speed: the smoothest choice across crossfades. */
    LINEAR,
    /** Starts and ends at rest (smoothstep). */
    EASE_IN_OUT,
    /** Starts at speed and settles. */
    EASE_OUT;

    /** Maps linear progress t in 0..1 to eased progress in 0..1. */
    public double apply(double t) {
        double x = Math.min(1.0, Math.max(0.0, t));
        return switch (this) {
            case LINEAR -> x;
            case EASE_IN_OUT -> x * x * (3 - 2 * x);
            case EASE_OUT -> 1 - (1 - x) * (1 - x);
        };
    }
}
