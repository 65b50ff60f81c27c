package org.kinora.ui;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Loads a photo as a JavaFX image no larger than a given size, turned upright by its EXIF
 * orientation (as the renderer shows it). Blocking: call it on a background thread only.
 */
public final class PhotoImages {

    private PhotoImages() {
    }

    public static Image load(Path file, int maxSize) throws IOException {
        int orientation = exifOrientation(file);
        boolean swaps = orientation >= 5 && orientation <= 8;
        Image raw = new Image(file.toUri().toString(), maxSize, maxSize, true, true, false);
        if (raw.isError()) {
            Exception e = raw.getException();
            throw new IOException(file.getFileName() + ": cannot read image"
                    + (e == null ? "" : ": " + e.getMessage()), e);
        }
        if (orientation <= 1 || orientation > 8) {
            return raw;
        }
        int w = (int) raw.getWidth();
        int h = (int) raw.getHeight();
        int[] src = new int[w * h];
        raw.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), src, 0, w);
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        int[] dst = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                int sx;
                int sy;
                switch (orientation) {
                    case 2 -> { sx = w - 1 - x; sy = y; }
                    case 3 -> { sx = w - 1 - x; sy = h - 1 - y; }
                    case 4 -> { sx = x; sy = h - 1 - y; }
                    case 5 -> { sx = y; sy = x; }
                    case 6 -> { sx = y; sy = h - 1 - x; }
                    case 7 -> { sx = w - 1 - y; sy = h - 1 - x; }
                    default -> { sx = w - 1 - y; sy = x; } // 8
                }
                dst[y * ow + x] = src[sy * w + sx];
            }
        }
        WritableImage out = new WritableImage(ow, oh);
        out.getPixelWriter().setPixels(0, 0, ow, oh, PixelFormat.getIntArgbInstance(), dst, 0, ow);
        return out;
    }

    /** EXIF orientation 1..8; 1 when the file has none. */
    static int exifOrientation(Path file) {
        try {
            Metadata md = ImageMetadataReader.readMetadata(file.toFile());
            ExifIFD0Directory d = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (d != null && d.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return d.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            }
            return 1;
        } catch (ImageProcessingException | IOException | MetadataException e) {
            // No readable metadata (PNG without EXIF, say) means no rotation, as the renderer assumes.
            return 1;
        }
    }
}
