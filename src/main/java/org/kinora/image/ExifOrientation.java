package org.kinora.image;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.IOException;
import java.nio.file.Path;

/**
 * EXIF Orientation (1-8): how the stored pixels must be turned to appear upright. ImageIO and
 * TwelveMonkeys ignore it, so the loader applies it itself.
 */
public final class ExifOrientation {

    private ExifOrientation() {
    }

    /**
     * The orientation tag of a file, 1 when it has none. A file whose metadata cannot be parsed is
     * treated as upright: the decoder, not this reader, reports a broken image.
     */
    public static int read(Path file) throws IOException {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
            for (ExifIFD0Directory dir : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
                if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                    int o = dir.getInt(ExifIFD0Directory.TAG_ORIENTATION);
                    return o >= 1 && o <= 8 ? o : 1;
                }
            }
            return 1;
        } catch (ImageProcessingException | MetadataException e) {
            return 1; // unknown container or malformed tag: no usable orientation, decode decides
        }
    }

    /** Orientations 5-8 swap width and height. */
    public static boolean swapsAxes(int orientation) {
        return orientation >= 5;
    }

    /** The upright image from the stored one. */
    public static RgbImage apply(RgbImage stored, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return stored;
        }
        return new RgbImage(apply(stored.red(), orientation), apply(stored.green(), orientation),
                apply(stored.blue(), orientation));
    }

    /** The upright plane from the stored one. */
    public static Plane apply(Plane s, int orientation) {
        int w = s.width();
        int h = s.height();
        boolean swap = swapsAxes(orientation);
        int dw = swap ? h : w;
        int dh = swap ? w : h;
        float[] src = s.data();
        float[] dst = new float[dw * dh];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                dst[y * dw + x] = src[storedIndex(orientation, x, y, w, h)];
            }
        }
        return new Plane(dw, dh, dst);
    }

    /**
     * Hands the upright picture to {@code sink} row by row, read from the stored one in place:
     * no turned copy of it is made.
     */
    static void uprightRows(CompactRgb stored, int orientation, RgbRowSink sink) {
        int sw = stored.width();
        int sh = stored.height();
        boolean swap = swapsAxes(orientation);
        int dw = swap ? sh : sw;
        int dh = swap ? sw : sh;
        float[] r = new float[dw];
        float[] g = new float[dw];
        float[] b = new float[dw];
        for (int y = 0; y < dh; y++) {
            for (int x = 0; x < dw; x++) {
                int i = storedIndex(orientation, x, y, sw, sh);
                r[x] = stored.red(i);
                g[x] = stored.green(i);
                b[x] = stored.blue(i);
            }
            sink.row(y, r, g, b);
        }
    }

    /**
     * The stored pixels a window of displayed pixels comes from: orientations only flip and
     * transpose, so a rectangle maps to a rectangle, found from two opposite corners.
     */
    static PhotoWindow storedWindow(PhotoWindow displayed, int orientation, int storedWidth, int storedHeight) {
        int a = storedIndex(orientation, displayed.x(), displayed.y(), storedWidth, storedHeight);
        int b = storedIndex(orientation, displayed.x() + displayed.width() - 1,
                displayed.y() + displayed.height() - 1, storedWidth, storedHeight);
        int ax = a % storedWidth;
        int ay = a / storedWidth;
        int bx = b % storedWidth;
        int by = b / storedWidth;
        return new PhotoWindow(Math.min(ax, bx), Math.min(ay, by), Math.abs(ax - bx) + 1, Math.abs(ay - by) + 1);
    }

    /**
     * Where displayed pixel (x, y) lies in the stored pixels, as {@code sy * storedWidth + sx}
     * (EXIF 2.3, Orientation tag). Shared by every place that turns pixels upright.
     */
    public static int storedIndex(int orientation, int x, int y, int storedWidth, int storedHeight) {
        int w = storedWidth;
        int h = storedHeight;
        return switch (orientation) {
            case 2 -> y * w + (w - 1 - x);
            case 3 -> (h - 1 - y) * w + (w - 1 - x);
            case 4 -> (h - 1 - y) * w + x;
            case 5 -> x * w + y;
            case 6 -> (h - 1 - x) * w + y;
            case 7 -> (h - 1 - x) * w + (w - 1 - y);
            case 8 -> x * w + (w - 1 - y);
            default -> y * w + x;
        };
    }
}
