package org.kinora.ui;

import org.kinora.model.FitMode;
import org.kinora.model.View;
import org.kinora.model.ViewRect;

/**
 * Converts between a {@link View} and the rectangle the Ken Burns editor draws over the photo,
 * using {@link ViewRect} so the editor frames a view exactly as the renderer does.
 * Rectangles are in photo fractions (0..1 of the displayed photo's width and height).
 */
public final class ViewGeometry {

    private final double photoAspect;
    private final double outputAspect;
    private final boolean contain;
    private final double baseWidth;

    public ViewGeometry(double photoAspect, double outputAspect, FitMode fit) {
        this.photoAspect = photoAspect;
        this.outputAspect = outputAspect;
        this.contain = fit.resolve(photoAspect, outputAspect) != FitMode.FILL;
        this.baseWidth = ViewRect.of(View.FULL, photoAspect, outputAspect, contain).width();
    }

    public ViewRect rectOf(View view) {
        return ViewRect.of(view, photoAspect, outputAspect, contain);
    }

    /** Width of the rectangle at zoom 1: the widest the rectangle can be. */
    public double maxWidth() {
        return baseWidth;
    }

    /** Height / width of the rectangle in photo fractions (output aspect in pixels). */
    public double heightPerWidth() {
        return photoAspect / outputAspect;
    }

    /**
     * The view whose rectangle is centred on (cx, cy) with the given width, zoom clamped to
     * 1..MAX_ZOOM. The centre stored is the one the renderer will actually use, so the view
     * round-trips through {@link #rectOf}.
     */
    public View viewFor(double cx, double cy, double width) {
        double zoom = clamp(baseWidth / Math.max(width, 1e-9), 1.0, View.MAX_ZOOM);
        ViewRect r = ViewRect.of(new View(clamp(cx, 0, 1), clamp(cy, 0, 1), zoom), photoAspect, outputAspect, contain);
        return new View(clamp(r.centerX(), 0, 1), clamp(r.centerY(), 0, 1), zoom);
    }

    /** The view after dragging its rectangle by (dx, dy) photo fractions. */
    public View moved(View view, double dx, double dy) {
        ViewRect r = rectOf(view);
        return viewFor(r.centerX() + dx, r.centerY() + dy, r.width());
    }

    /**
     * The view after dragging one corner to (px, py) while the opposite corner (ax, ay) stays
     * put; the aspect stays locked, the larger of the two implied sizes wins.
     */
    public View resized(double ax, double ay, double px, double py) {
        double w = Math.abs(px - ax);
        double h = Math.abs(py - ay);
        double width = Math.max(w, h / heightPerWidth());
        width = clamp(width, baseWidth / View.MAX_ZOOM, baseWidth);
        double height = width * heightPerWidth();
        double cx = ax + Math.signum(px - ax == 0 ? 1 : px - ax) * width / 2;
        double cy = ay + Math.signum(py - ay == 0 ? 1 : py - ay) * height / 2;
        return viewFor(cx, cy, width);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
