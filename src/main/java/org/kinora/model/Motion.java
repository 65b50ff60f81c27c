package org.kinora.model;

/**
 * A slide's Ken Burns move from {@code start} to {@code end}.
 *
 * <p>Zoom changes linearly with eased progress. The centre moves linearly in 1/zoom, which keeps
 * one point of the picture fixed on screen while zooming: the move a camera operator makes, and
 * the one a viewer reads as a steady drift rather than a curve. A pure pan (equal zooms) moves
 * the centre linearly.
 */
public record Motion(View start, View end, Easing easing) {

    public static final Motion STILL = new Motion(View.FULL, View.FULL, Easing.LINEAR);

    public Motion {
        Checks.notNull("motion start", start);
        Checks.notNull("motion end", end);
        Checks.notNull("motion easing", easing);
    }

    /** The view at progress t (0 = start, 1 = end). */
    public View at(double t) {
        double e = easing.apply(t);
        double zoom = start.zoom() + (end.zoom() - start.zoom()) * e;
        double w = centerWeight(zoom, e);
        return new View(
                clamp01(start.centerX() + (end.centerX() - start.centerX()) * w),
                clamp01(start.centerY() + (end.centerY() - start.centerY()) * w),
                Math.max(1.0, zoom));
    }

    private double centerWeight(double zoom, double eased) {
        double inverseSpan = 1 / start.zoom() - 1 / end.zoom();
        if (Math.abs(inverseSpan) < 1e-9) {
            return eased;
        }
        return (1 / start.zoom() - 1 / zoom) / inverseSpan;
    }

    /** The same move played backwards. */
    public Motion reversed() {
        return new Motion(end, start, easing);
    }

    private static double clamp01(double v) {
        return Math.min(1.0, Math.max(0.0, v));
    }
}
