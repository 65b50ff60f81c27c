package org.kinora.cli;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.View;

/**
 * The reference slideshow every benchmark renders (shared/bench/README.md): each photo 4 s, 1 s
 * crossfades, cover (FILL), zoom 1.0 to 1.2 linearly about an anchor fixed on screen, the anchors
 * cycling through four points.
 */
final class ReferenceSlideshow {

    static final double SLIDE_SECONDS = 4.0;
    static final double CROSSFADE_SECONDS = 1.0;
    static final double END_ZOOM = 1.2;
    /** Anchors as fractions of the frame's width and height. */
    static final double[][] ANCHORS = {{0.30, 0.35}, {0.70, 0.60}, {0.65, 0.30}, {0.35, 0.65}};

    private ReferenceSlideshow() {
    }

    static Project build(List<Path> photos, OutputSettings output) throws IOException {
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            Path photo = photos.get(i).toAbsolutePath();
            Motion motion = motion(ANCHORS[i % ANCHORS.length], displayedAspect(photo), output.aspect());
            Transition out = i + 1 < photos.size() ? Transition.crossfade(CROSSFADE_SECONDS) : Transition.NONE;
            slides.add(new Slide(photo, SLIDE_SECONDS, motion, FitMode.FILL, out, ""));
        }
        return new Project(output, slides, List.of());
    }

    static OutputSettings defaultOutput(EncoderPreference encoder) {
        return new OutputSettings(1920, 1080, 30, Quality.STANDARD, encoder);
    }

    /**
     * Zoom from 1 to 1.2 keeping the photo point under screen point {@code anchor} in place: at zoom z the
     * view's centre sits (anchor - 0.5) * base * (1 - 1/z) from the middle, base being the zoom-1 rectangle's
     * size in photo fractions. {@link Motion} moves the centre linearly in 1/zoom, which keeps it fixed throughout.
     */
    static Motion motion(double[] anchor, double photoAspect, double outputAspect) {
        double ratio = outputAspect / photoAspect;
        double baseW = ratio > 1 ? 1.0 : ratio;
        double baseH = ratio > 1 ? 1.0 / ratio : 1.0;
        double shrink = 1 - 1 / END_ZOOM;
        View end = new View(0.5 + (anchor[0] - 0.5) * baseW * shrink, 0.5 + (anchor[1] - 0.5) * baseH * shrink, END_ZOOM);
        return new Motion(View.FULL, end, Easing.LINEAR);
    }

    /** Width / height as displayed, after EXIF orientation, read from the header only. */
    static double displayedAspect(Path photo) throws IOException {
        int w;
        int h;
        try (ImageInputStream in = ImageIO.createImageInputStream(photo.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IOException(photo + ": not a readable image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in);
                w = reader.getWidth(0);
                h = reader.getHeight(0);
            } finally {
                reader.dispose();
            }
        }
        return swapsAxes(orientation(photo)) ? (double) h / w : (double) w / h;
    }

    private static int orientation(Path photo) throws IOException {
        try {
            ExifIFD0Directory exif = ImageMetadataReader.readMetadata(photo.toFile())
                    .getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)
                    ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
        } catch (ImageProcessingException | MetadataException e) {
            throw new IOException(photo + ": unreadable EXIF orientation: " + e.getMessage(), e);
        }
    }

    private static boolean swapsAxes(int orientation) {
        return orientation >= 5 && orientation <= 8;
    }
}
