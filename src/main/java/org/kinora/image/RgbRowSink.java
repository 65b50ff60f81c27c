package org.kinora.image;

/**
 * Takes a picture one row at a time, top to bottom, as three float rows (sRGB, 0..255). Lets the
 * downscaler hand its rows straight to whatever keeps them, so no full-size float copy of the
 * picture has to exist in between.
 */
interface RgbRowSink {

    /** Row {@code y}; the arrays are reused for the next row. */
    void row(int y, float[] red, float[] green, float[] blue);

    /**
     * The rows given so far are void: the picture comes again from row 0 (a decoder found damage
     * half-way, and another decoder takes over). Sinks that take rows in any order ignore it.
     */
    default void restart() {
    }
}
