package org.kinora.render.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoLoader;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.model.View;
import org.kinora.render.YuvFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cropped slides decode only the window of their photo their motion can show: every frame must be
 * what decoding the whole photo gives, through zooms deep enough for mip levels, pans to the
 * photo's edges, pushes (which move a slide's frame) and zoom dissolves.
 */
class ViewWindowTest {

    @TempDir
    Path dir;

    @Test
    void framesFromWindowsMatchFramesFromWholePhotos() throws Exception {
        Path portrait = TestPhotos.writeJpeg(TestPhotos.detailed(1200, 1800, 3), dir.resolve("portrait.jpg"));
        // Large enough that the deep zoom's slide keeps a mip level; the landscape decodes to an odd width.
        Path landscape = TestPhotos.writeJpeg(TestPhotos.detailed(960, 640, 5), dir.resolve("landscape.jpg"));
        Motion deepZoom = new Motion(new View(0.5, 0.5, 1.0), new View(0.8, 0.2, 2.6), Easing.EASE_IN_OUT);
        Motion toTheEdge = new Motion(new View(0.5, 0.1, 1.3), new View(0.5, 0.95, 1.3), Easing.LINEAR);
        Motion zoomOut = new Motion(new View(0.3, 0.7, 1.8), new View(0.5, 0.5, 1.0), Easing.EASE_OUT);
        List<Slide> slides = List.of(
                new Slide(portrait, 1.0, deepZoom, FitMode.FILL, new Transition(TransitionType.PUSH_LEFT, 0.4), ""),
                new Slide(landscape, 1.0, toTheEdge, FitMode.FILL, new Transition(TransitionType.ZOOM_DISSOLVE, 0.4), ""),
                new Slide(portrait, 1.0, toTheEdge, FitMode.FILL, new Transition(TransitionType.PUSH_DOWN, 0.4), ""),
                new Slide(landscape, 1.0, zoomOut, FitMode.FILL, Transition.crossfade(0.3), ""),
                new Slide(portrait, 1.0, zoomOut, FitMode.FILL, Transition.NONE, ""));
        Project p = Frames.project(320, 180, 20, slides);

        try (FrameRenderer windowed = new FrameRenderer(p, new PhotoLoader(), new PhotoCache(), true);
             FrameRenderer whole = new FrameRenderer(p, new PhotoLoader(), new PhotoCache(), false)) {
            YuvFrame a = new YuvFrame(320, 180);
            YuvFrame b = new YuvFrame(320, 180);
            long windowBytes = 0;
            long wholeBytes = 0;
            for (int i = 0; i < windowed.frameCount(); i++) {
                windowed.renderYuv(i, a);
                whole.renderYuv(i, b);
                windowBytes = Math.max(windowBytes, windowed.cache().bytesHeld());
                wholeBytes = Math.max(wholeBytes, whole.cache().bytesHeld());
                assertClose(Frames.y(a), Frames.y(b), "luma of frame " + i);
                assertClose(Frames.cb(a), Frames.cb(b), "Cb of frame " + i);
                assertClose(Frames.cr(a), Frames.cr(b), "Cr of frame " + i);
            }
            // A portrait filling a 16:9 frame shows well under half of itself.
            assertThat(windowBytes).isLessThan(wholeBytes * 3 / 4);
            // The heap estimate the render JVM is sized with covers what the cache held, without
            // asking for several times more.
            FrameRenderer.PhotoMemory estimate = new FrameRenderer(p).photoMemory();
            assertThat(estimate.cacheBytes()).isGreaterThanOrEqualTo(windowBytes).isLessThan(2 * windowBytes);
            assertThat(estimate.heapBytes()).isGreaterThanOrEqualTo(estimate.cacheBytes()).isLessThan(4 * windowBytes);
        }
    }

    private static void assertClose(byte[] a, byte[] b, String what) {
        int worst = 0;
        double se = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            worst = Math.max(worst, Math.abs(d));
            se += d * d;
        }
        double psnr = 10 * Math.log10(255.0 * 255.0 / Math.max(se / a.length, 1e-12));
        // Measured identical; one level of float rounding is allowed.
        assertThat(worst).as(what + ": largest difference").isLessThanOrEqualTo(1);
        assertThat(psnr).as(what + ": PSNR").isGreaterThan(55);
    }
}
