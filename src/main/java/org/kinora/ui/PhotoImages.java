package org.kinora.ui;

import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.kinora.image.PhotoLoader;

/**
 * Loads a photo as a JavaFX image no larger than a given size through the renderer's
 * {@link PhotoLoader}: the same decoders (CMYK JPEG, TIFF, WebP), EXIF orientation and colour
 * conversion as the export, so the editor shows the photo the way the video will.
 * Blocking: call it on a background thread only.
 */
public final class PhotoImages {

    private static final PhotoLoader LOADER = new PhotoLoader();

    private PhotoImages() {
    }

    public static Image load(Path file, int maxSize) throws IOException {
        return SwingFXUtils.toFXImage(LOADER.thumbnail(file, maxSize), null);
    }
}
