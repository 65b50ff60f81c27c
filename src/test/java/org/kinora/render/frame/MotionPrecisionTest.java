package org.kinora.render.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.render.YuvFrame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sub-pixel exact motion: a pan of 0.25 output pixel per frame moves the picture by 0.25 px. */
class MotionPrecisionTest {

    private static final int W = 320;
    private static final int H = 180;

    @TempDir
    Path dir;

    /** A soft bright blob on grey: its luma centroid is a precise position measure. */
    private static BufferedImage blob(int w, int h, double cx, double cy, double sigma) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double d2 = (x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy);
                int v = (int) Math.round(60 + 180 * Math.exp(-d2 / (2 * sigma * sigma)));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        return img;
    }

    @Test
    void quarterPixelPanMovesQuarterPixelEveryFrame() throws Exception {
        // Photo 1280x720, view zoom 2: 640 photo px across 320 output px, so 2 photo px per output px.
        // 9 frames, centre moving 8 * 0.5 photo px = 4 photo px = 2 output px in total.
        Path photo = TestPhotos.writePng(blob(1280, 720, 640, 360, 12), dir.resolve("blob.png"));
        double dx = 4.0 / 1280;
        Motion pan = Frames.pan(0.5, 0.5, 0.5 + dx, 0.5, 2.0);
        Slide slide = new Slide(photo, 9.0 / 30, pan, FitMode.FILL, Transition.NONE, "");
        try (FrameRenderer r = new FrameRenderer(Frames.project(W, H, 30, List.of(slide)))) {
            assertThat(r.frameCount()).isEqualTo(9);
            YuvFrame f = new YuvFrame(W, H);
            double[] previous = null;
            for (int i = 0; i < 9; i++) {
                r.renderYuv(i, f);
                double[] c = centroid(Frames.y(f));
                if (previous != null) {
                    // The view moves right, so the picture moves left by 0.25 px.
                    assertThat(c[0] - previous[0]).as("x step into frame %d", i).isBetween(-0.27, -0.23);
                    assertThat(c[1] - previous[1]).as("y step into frame %d", i).isBetween(-0.02, 0.02);
                }
                previous = c;
            }
        }
    }

    @Test
    void quarterPixelPanAtZoomOneWithMinification() throws Exception {
        // Photo larger than the output at zoom 1 (16:9): decoded at 320 wide, pan exercises taps
        // that straddle pixels in both directions.
        Path photo = TestPhotos.writePng(blob(640, 480, 320, 240, 20), dir.resolve("blob43.png"));
        // 4:3 photo in 16:9 output: zoom 1 shows full width, 3/4 of the height; pan vertically.
        // Photo rows per output row: (0.75 * 480) / 180 = 2 (before decode scaling), so a step of
        // 0.5 photo row of the original is 0.25 output row.
        double dy = 4.0 / 480;
        Motion pan = Frames.pan(0.5, 0.5, 0.5, 0.5 + dy, 1.0);
        Slide slide = new Slide(photo, 9.0 / 30, pan, FitMode.FILL, Transition.NONE, "");
        try (FrameRenderer r = new FrameRenderer(Frames.project(W, H, 30, List.of(slide)))) {
            YuvFrame f = new YuvFrame(W, H);
            double[] previous = null;
            for (int i = 0; i < 9; i++) {
                r.renderYuv(i, f);
                double[] c = centroid(Frames.y(f));
                if (previous != null) {
                    assertThat(c[1] - previous[1]).as("y step into frame %d", i).isBetween(-0.27, -0.23);
                    assertThat(c[0] - previous[0]).as("x step into frame %d", i).isBetween(-0.02, 0.02);
                }
                previous = c;
            }
        }
    }

    /** Luma-weighted centroid above the background level, in pixels. */
    private static double[] centroid(byte[] y) {
        double background = Math.round(16 + 219 * 60 / 255.0);
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int row = 0; row < H; row++) {
            for (int x = 0; x < W; x++) {
                double v = (y[row * W + x] & 0xff) - background;
                if (v > 0) {
                    sum += v;
                    sx += v * (x + 0.5);
                    sy += v * (row + 0.5);
                }
            }
        }
        return new double[] {sx / sum, sy / sum};
    }
}
