package org.kinora.render.audio;

/**
 * The shape of every fade: a quarter sine, so a fade-out and a fade-in of the same length that
 * overlap add up to constant power (sin^2 + cos^2 = 1) and a crossfade has no dip in loudness.
 */
public final class FadeCurve {

    private FadeCurve() {
    }

    /** Gain at position x of a fade-in (0 = silent start, 1 = full level); clamped outside 0..1. */
    public static double gain(double x) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        return Math.sin(x * (Math.PI / 2));
    }
}
