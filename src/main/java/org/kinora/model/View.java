package org.kinora.model;

/**
 * One framing of a photo, independent of the output size.
 *
 * <p>{@code centerX} and {@code centerY} are the centre of the visible rectangle as fractions
 * (0..1) of the displayed, orientation-corrected photo. {@code zoom} 1 is the largest
 * rectangle of the output's aspect ratio that fits inside the photo; zoom 2 shows half of
 * its width. Because nothing here depends on pixels or aspect, one project renders at
 * 16:9, 9:16 and 1:1 without editing its motion (see docs/decisions/0002-normalized-view.md).
 */
public record View(double centerX, double centerY, double zoom) {

    public static final double MAX_ZOOM = 20.0;
    /** {@code centerX} and {@code centerY}: fractions of the photo. */
    public static final Limits CENTER = new Limits(0.0, 1.0);
    public static final Limits ZOOM = new Limits(1.0, MAX_ZOOM);
    public static final View FULL = new View(0.5, 0.5, 1.0); // after the limits its constructor checks

    public View {
        Checks.within("view centerX", centerX, CENTER);
        Checks.within("view centerY", centerY, CENTER);
        Checks.within("view zoom", zoom, ZOOM);
    }
}
