package org.kinora.render.frame;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.kinora.image.Bt709;
import org.kinora.image.Kernel;
import org.kinora.image.Taps;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.View;
import org.kinora.model.ViewRect;
import org.kinora.render.YuvFrame;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kinora.image.SyntheticPhoto;

/**
 * A rendered frame against a reference computed in one Lanczos-3 step straight from the
 * full-resolution photo at the exact view: the renderer's chain (subsampled decode, Lanczos to
 * working size, mip level, per-frame Catmull-Rom) must stay within 40 dB PSNR of it.
 */
class RenderQualityTest {

    private static final int W = 480;
    private static final int H = 270;
    private static final int PW = 1280;
    private static final int PH = 800;

    /** Made once: 30 waves per pixel of a 1.6 MP image take a moment. */
    private static final BufferedImage PHOTO = natural(PW, PH, 7);

    @TempDir
    Path dir;

    /** Photo-like content: a 1/f spectrum of oriented waves up to near the photo's Nyquist, and edges. */
    static BufferedImage natural(int w, int h, long seed) {
        return SyntheticPhoto.waves(w, h, seed, 30, 0.3, BufferedImage.TYPE_INT_RGB);
    }

    @ParameterizedTest(name = "zoom {0} -> {1}, frame {2}")
    @CsvSource({
        "1.0, 1.3, 0",   // first frame: 1.3x minification of the working copy (stretched kernel)
        "1.0, 1.3, 6",   // last frame: working resolution exactly, fractional position
        "1.0, 3.5, 0",   // wide zoom range: a coarser mip level at the start
        "2.2, 2.2, 3"    // a pan at zoom 2.2
    })
    void frameMatchesLanczosFromFullResolution(double z0, double z1, int frame) throws Exception {
        BufferedImage photo = PHOTO;
        Path file = TestPhotos.writePng(photo, dir.resolve("natural.png"));
        Motion motion = new Motion(new View(0.47, 0.53, z0), new View(0.55, 0.45, z1), Easing.EASE_IN_OUT);
        Slide slide = new Slide(file, 7.0 / 30, motion, FitMode.FILL, Transition.NONE, "");
        double psnr;
        try (FrameRenderer r = new FrameRenderer(Frames.project(W, H, 30, List.of(slide)))) {
            assertThat(r.frameCount()).isEqualTo(7);
            YuvFrame f = new YuvFrame(W, H);
            r.renderYuv(frame, f);
            double progress = frame / 6.0;
            ViewRect rect = ViewRect.of(motion.at(progress), (double) PW / PH, (double) W / H, false);
            double[] reference = referenceLuma(photo, rect);
            byte[] y = Frames.y(f);
            double[] rendered = new double[y.length];
            for (int i = 0; i < y.length; i++) {
                rendered[i] = y[i] & 0xff;
            }
            psnr = Frames.psnr(rendered, reference);
        }
        System.out.printf(java.util.Locale.ROOT, "zoom %.1f->%.1f frame %d: luma PSNR %.2f dB%n", z0, z1, frame, psnr);
        assertThat(psnr).as("luma PSNR against Lanczos-3 from full resolution, dB").isGreaterThanOrEqualTo(40.0);
    }

    /** Lanczos-3 (stretched to the minification) from the original pixels, then BT.709 luma. */
    private static double[] referenceLuma(BufferedImage photo, ViewRect rect) {
        int pw = photo.getWidth();
        int ph = photo.getHeight();
        double du = rect.width() * pw / W;
        double dv = rect.height() * ph / H;
        Taps cols = new Taps().compute(Kernel.LANCZOS3, pw, rect.x() * pw + 0.5 * du, du, W);
        Taps rows = new Taps().compute(Kernel.LANCZOS3, ph, rect.y() * ph + 0.5 * dv, dv, H);
        double[][] rgb = new double[3][pw * H];
        int[] line = new int[pw];
        for (int y = 0; y < H; y++) {
            for (int t = 0; t < rows.count(); t++) {
                double w = rows.weights()[y * rows.count() + t];
                photo.getRGB(0, rows.start(y) + t, pw, 1, line, 0, pw);
                for (int x = 0; x < pw; x++) {
                    rgb[0][y * pw + x] += w * (line[x] >> 16 & 0xff);
                    rgb[1][y * pw + x] += w * (line[x] >> 8 & 0xff);
                    rgb[2][y * pw + x] += w * (line[x] & 0xff);
                }
            }
        }
        double[] out = new double[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                double[] v = new double[3];
                for (int ch = 0; ch < 3; ch++) {
                    for (int t = 0; t < cols.count(); t++) {
                        v[ch] += cols.weights()[x * cols.count() + t] * rgb[ch][y * pw + cols.start(x) + t];
                    }
                }
                out[y * W + x] = Math.max(0, Math.min(255, Bt709.y((float) v[0], (float) v[1], (float) v[2])));
            }
        }
        return out;
    }
}
