package org.kinora.image;

/**
 * A rectangle of whole pixels inside a photo at some decoded size: the part of it a slide can ever
 * show. Decoding only that part keeps a portrait photo cropped to a landscape frame (or any photo
 * whose view never reaches its edges) from being held, converted and filtered in full.
 */
public record PhotoWindow(int x, int y, int width, int height) {

    public PhotoWindow {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad window " + width + "x" + height + " at " + x + "," + y);
        }
    }

    /** Whether this window lies inside a {@code w} x {@code h} image. */
    public boolean fitsIn(int w, int h) {
        return (long) x + width <= w && (long) y + height <= h;
    }
}
