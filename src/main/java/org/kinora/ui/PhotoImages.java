package org.kinora.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.kinora.image.ExifOrientation;
import org.kinora.image.PhotoInfo;
import org.kinora.image.PhotoLoader;

/**
 * Loads a photo as a JavaFX image no larger than a given size, upright by its EXIF orientation as
 * the renderer shows it. Blocking: call it on a background thread only.
 *
 * <p>JPEG and PNG decode with JavaFX's native decoder, which scales while decoding and makes a
 * thumbnail of a 20 MP JPEG three to five times faster than a full decode; that is what puts the
 * first thumbnails on screen quickly after a drop. What it cannot read (CMYK JPEG, TIFF, WebP, ...)
 * goes through the renderer's {@link PhotoLoader}. The photo's orientation always comes from
 * PhotoLoader, so the editor and the export agree on which way is up.
 */
public final class PhotoImages {

    private static final PhotoLoader LOADER = new PhotoLoader();

    private PhotoImages() {
    }

    public static Image load(Path file, int maxSize) throws IOException {
        PhotoInfo info = LOADER.probe(file); // header only; also rejects what the export cannot read
        Image fast = new Image(file.toUri().toString(), maxSize, maxSize, true, true, false);
        if (fast.isError()) {
            return SwingFXUtils.toFXImage(LOADER.thumbnail(file, maxSize), null);
        }
        return oriented(fast, info.orientation());
    }

    /** The image turned by an EXIF orientation (1..8; 1 = as stored). */
    static Image oriented(Image raw, int orientation) {
        if (orientation <= 1 || orientation > 8) {
            return raw;
        }
        boolean swaps = ExifOrientation.swapsAxes(orientation);
        int w = (int) raw.getWidth();
        int h = (int) raw.getHeight();
        int[] src = new int[w * h];
        raw.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), src, 0, w);
        int ow = swaps ? h : w;
        int oh = swaps ? w : h;
        int[] dst = new int[ow * oh];
        for (int y = 0; y < oh; y++) {
            for (int x = 0; x < ow; x++) {
                dst[y * ow + x] = src[ExifOrientation.storedIndex(orientation, x, y, w, h)];
            }
        }
        WritableImage out = new WritableImage(ow, oh);
        out.getPixelWriter().setPixels(0, 0, ow, oh, PixelFormat.getIntArgbInstance(), dst, 0, ow);
        return out;
    }
}
