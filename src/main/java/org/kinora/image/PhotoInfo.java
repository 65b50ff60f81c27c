package org.kinora.image;

import java.nio.file.Path;

/**
 * What a photo's header says, read without decoding pixels.
 *
 * @param storedWidth width of the pixels as stored in the file
 * @param orientation EXIF orientation 1-8 (1 when absent)
 */
public record PhotoInfo(Path file, String format, int storedWidth, int storedHeight, int orientation) {

    /** Width as displayed (after orientation). */
    public int width() {
        return ExifOrientation.swapsAxes(orientation) ? storedHeight : storedWidth;
    }

    /** Height as displayed (after orientation). */
    public int height() {
        return ExifOrientation.swapsAxes(orientation) ? storedWidth : storedHeight;
    }

    public double aspect() {
        return (double) width() / height();
    }

    public long pixels() {
        return (long) storedWidth * storedHeight;
    }
}
