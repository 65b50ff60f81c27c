package org.kinora.model;

/** How a photo whose aspect ratio differs from the output's fills the frame. */
public enum FitMode {
    /** FILL when the photo's aspect is close to the output's, BLUR otherwise (see {@link #resolve}). */
    AUTO,
    /** Scale to cover the frame and crop the overflow. */
    FILL,
    /** Fit the whole photo on a blurred, dimmed copy of itself. */
    BLUR,
    /** Fit the whole photo on the project's background colour. */
    COLOR;

    /**
     * Photos whose aspect ratio is within this factor of the output's are cropped rather than
     * fitted: a 3:2 or 4:3 landscape photo in a 16:9 video loses little, while a portrait photo
     * in a landscape video (or the reverse) would lose most of itself.
     */
    public static final double AUTO_FILL_TOLERANCE = 1.5;

    /** The concrete mode for a photo of the given aspect in an output of the given aspect. */
    public FitMode resolve(double photoAspect, double outputAspect) {
        if (this != AUTO) {
            return this;
        }
        double ratio = Math.max(photoAspect, outputAspect) / Math.min(photoAspect, outputAspect);
        boolean sameOrientation = (photoAspect >= 1) == (outputAspect >= 1)
                || Math.abs(photoAspect - 1) < 0.05 || Math.abs(outputAspect - 1) < 0.05;
        return sameOrientation && ratio <= AUTO_FILL_TOLERANCE ? FILL : BLUR;
    }
}
