package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The loader's streaming downscale against a plain Lanczos-3 resize of the whole image held as
 * float planes: identical (up to float rounding) where it filters the decoded rows directly, and
 * within a tight PSNR where large reductions first average 2x2 blocks.
 */
class StreamingDownscalerTest {

    /** Odd sizes on purpose: the last box-reduced row and column cover a single source pixel. */
    private static final int SW = 1501;
    private static final int SH = 901;
    private static final BufferedImage PHOTO = photoLike(SW, SH, 11);

    /** Oriented waves with a 1/f spectrum up to near Nyquist, a hard-edged bar and a disk. */
    static BufferedImage photoLike(int w, int h, long seed) {
        return SyntheticPhoto.waves(w, h, seed, 24, 0.4, BufferedImage.TYPE_3BYTE_BGR);
    }

    /** Lanczos-3 over the whole image in float planes: the reference. */
    private static RgbImage reference(BufferedImage img, int w, int h) {
        int sw = img.getWidth();
        int sh = img.getHeight();
        Plane r = new Plane(sw, sh);
        Plane g = new Plane(sw, sh);
        Plane b = new Plane(sw, sh);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int p = img.getRGB(x, y);
                r.data()[y * sw + x] = p >> 16 & 0xff;
                g.data()[y * sw + x] = p >> 8 & 0xff;
                b.data()[y * sw + x] = p & 0xff;
            }
        }
        return new RgbImage(r.resize(w, h, Kernel.LANCZOS3), g.resize(w, h, Kernel.LANCZOS3),
                b.resize(w, h, Kernel.LANCZOS3));
    }

    private static double psnr(RgbImage a, RgbImage b) {
        double se = 0;
        long n = 0;
        Plane[] pa = {a.red(), a.green(), a.blue()};
        Plane[] pb = {b.red(), b.green(), b.blue()};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < a.width() * a.height(); i++) {
                double d = clamp(pa[c].data()[i]) - clamp(pb[c].data()[i]);
                se += d * d;
                n++;
            }
        }
        return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / n));
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(255, v));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"751, 451", "700, 420", "1501, 901"})
    void belowBoxRatioMatchesFullResolutionLanczos(int w, int h) {
        assertThat(Math.min((double) SW / w, (double) SH / h)).isLessThan(StreamingDownscaler.BOX_MIN_RATIO);
        RgbImage out = StreamingDownscaler.resize(PHOTO, w, h, Kernel.LANCZOS3);
        assertThat(psnr(out, reference(PHOTO, w, h))).isGreaterThanOrEqualTo(90.0);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"600, 360", "500, 300", "321, 193"})
    void boxPreReductionStaysCloseToFullResolutionLanczos(int w, int h) {
        assertThat(Math.min((double) SW / w, (double) SH / h)).isGreaterThanOrEqualTo(StreamingDownscaler.BOX_MIN_RATIO);
        RgbImage out = StreamingDownscaler.resize(PHOTO, w, h, Kernel.LANCZOS3);
        double psnr = psnr(out, reference(PHOTO, w, h));
        System.out.printf(java.util.Locale.ROOT, "box pre-reduction to %dx%d: PSNR %.2f dB%n", w, h, psnr);
        assertThat(psnr).isGreaterThanOrEqualTo(45.0);
    }

    /**
     * A smooth blob (band-limited, so sampling phase cannot move it) lands where the
     * full-resolution Lanczos puts it: a half-pixel slip in the box geometry would show as 0.1 or more.
     */
    @Test
    void boxPreReductionKeepsGeometryExact() {
        BufferedImage img = new BufferedImage(SW, SH, BufferedImage.TYPE_3BYTE_BGR);
        double px = 777.3;
        double py = 431.7;
        double sigma = 6;
        for (int y = 0; y < SH; y++) {
            for (int x = 0; x < SW; x++) {
                double d2 = (x + 0.5 - px) * (x + 0.5 - px) + (y + 0.5 - py) * (y + 0.5 - py);
                int v = c(255 * Math.exp(-d2 / (2 * sigma * sigma)));
                img.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        int w = 500;
        int h = 300;
        double[] box = centroid(StreamingDownscaler.resize(img, w, h, Kernel.LANCZOS3));
        double[] full = centroid(reference(img, w, h));
        assertThat(box[0]).isCloseTo(full[0], org.assertj.core.data.Offset.offset(0.01));
        assertThat(box[1]).isCloseTo(full[1], org.assertj.core.data.Offset.offset(0.01));
        assertThat(full[0]).isCloseTo(px * w / SW, org.assertj.core.data.Offset.offset(0.01));
        assertThat(full[1]).isCloseTo(py * h / SH, org.assertj.core.data.Offset.offset(0.01));
    }

    private static double[] centroid(RgbImage out) {
        int w = out.width();
        int h = out.height();
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = out.green().data()[y * w + x];
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new double[] {sx / sum, sy / sum};
    }

    private static int c(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
