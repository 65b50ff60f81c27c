package org.kinora.model;

/**
 * The part of a photo a {@link View} shows, as fractions (0..1) of the displayed photo's width and
 * height, for a given photo and output aspect ratio.
 *
 * <p>Shared by the renderer and the editor so both frame a view identically. The rectangle always
 * has the output's aspect ratio in pixels; in {@code cover} mode it is kept inside the photo (the
 * centre is clamped), in {@code contain} mode zoom 1 is the smallest output-aspect rectangle that
 * holds the whole photo, and it may extend past the photo's edges.
 */
public record ViewRect(double x, double y, double width, double height) {

    public double centerX() {
        return x + width / 2;
    }

    public double centerY() {
        return y + height / 2;
    }

    /**
     * @param photoAspect displayed photo width / height
     * @param outputAspect output width / height
     * @param contain false: zoom 1 fills the frame (crop); true: zoom 1 fits the whole photo
     */
    public static ViewRect of(View view, double photoAspect, double outputAspect, boolean contain) {
        if (!(photoAspect > 0) || !(outputAspect > 0)) {
            throw new IllegalArgumentException("aspect ratios must be positive");
        }
        // Size of the zoom-1 rectangle in photo fractions.
        double ratio = outputAspect / photoAspect;
        boolean widthBound = contain ? ratio < 1 : ratio > 1;
        double baseW = widthBound ? 1.0 : ratio;
        double baseH = widthBound ? 1.0 / ratio : 1.0;
        double w = baseW / view.zoom();
        double h = baseH / view.zoom();
        double cx = clampCenter(view.centerX(), w);
        double cy = clampCenter(view.centerY(), h);
        return new ViewRect(cx - w / 2, cy - h / 2, w, h);
    }

    /** Keeps a span inside 0..1 when it fits; centres it when it is wider than the photo. */
    private static double clampCenter(double center, double span) {
        if (span >= 1.0) {
            return 0.5;
        }
        return Math.min(1.0 - span / 2, Math.max(span / 2, center));
    }
}
