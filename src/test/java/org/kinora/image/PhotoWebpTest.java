package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WebP through TwelveMonkeys: lossy (VP8), lossless (VP8L), and both with alpha (VP8X + ALPH),
 * from the committed 60x44 fixtures made by make-fixtures.sh: four flat quadrants, red
 * (200,40,40) top-left, green (40,180,60) top-right, yellow (240,220,60) bottom-left, blue
 * (40,120,200) bottom-right; the alpha variants have opacity 255, 128, 0 and 192 in that order.
 * The loader composites alpha over black (the video background).
 */
class PhotoWebpTest {

    private static final int W = 60;
    private static final int H = 44;
    private static final int[][] OPAQUE = {{200, 40, 40}, {40, 180, 60}, {240, 220, 60}, {40, 120, 200}};
    private static final int[] ALPHA = {255, 128, 0, 192};
    /** Rounding of two YUV-to-RGB conversions; a shifted or unfiltered picture is off by far more. */
    private static final double LUMA_TOLERANCE = 3;

    /** Quadrant index of upright pixel (x, y): 0 top-left, 1 top-right, 2 bottom-left, 3 bottom-right. */
    private static int quadrant(int x, int y) {
        return (y < H / 2 ? 0 : 2) + (x < W / 2 ? 0 : 1);
    }

    private static int[] expected(int quadrant, boolean alpha) {
        int[] c = OPAQUE[quadrant];
        if (!alpha) {
            return c;
        }
        double a = ALPHA[quadrant] / 255.0;
        return new int[] {(int) Math.round(c[0] * a), (int) Math.round(c[1] * a), (int) Math.round(c[2] * a)};
    }

    /**
     * Every pixel at least {@code margin} pixels from a quadrant edge has its quadrant's colour
     * within {@code tolerance}: lossless files exactly, lossy ones closely (VP8 codes 4x4 blocks
     * and half-resolution chroma, so the blocks an edge crosses ring; the margin skips them).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "quadrants-lossless.webp,       false, 0, 0",
        "quadrants-lossy.webp,          false, 6, 4",
        "quadrants-alpha-lossless.webp, true,  0, 1",
        "quadrants-alpha-lossy.webp,    true,  6, 4",
    })
    void decodesThePattern(String name, boolean alpha, int margin, int tolerance) throws Exception {
        Path file = Fixtures.path(name);
        PhotoLoader loader = new PhotoLoader();
        PhotoInfo info = loader.probe(file);
        assertThat(info.format()).isEqualTo("WEBP");
        assertThat(info.width()).isEqualTo(W);
        assertThat(info.height()).isEqualTo(H);
        assertThat(info.orientation()).isEqualTo(1);

        RgbImage img = loader.load(file, 0, 0);
        assertThat(img.width()).isEqualTo(W);
        assertThat(img.height()).isEqualTo(H);
        int checked = 0;
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                if (Math.abs(x + 0.5 - W / 2.0) < margin || Math.abs(y + 0.5 - H / 2.0) < margin) {
                    continue;
                }
                assertClose(Fixtures.rgb(img, x, y), expected(quadrant(x, y), alpha), tolerance, name, x, y);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(W * H / 2);
    }

    /**
     * Lossy files, edges included, have the luma of libwebp's own decode (committed PNGs, alpha
     * composited over black here), within the rounding of two decoders (2.1 measured): no shift,
     * no lost alpha, the reference decoder's luma everywhere. Chroma is not compared: libwebp
     * interpolates the half-resolution chroma and TwelveMonkeys evidently replicates it, both
     * valid (at x = 29, the last red column, libwebp reads (155,66,41) and TwelveMonkeys
     * (203,41,46) for a source of (200,40,40)).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"quadrants-lossy.webp, quadrants-lossy.libwebp.png",
        "quadrants-alpha-lossy.webp, quadrants-alpha-lossy.libwebp.png"})
    void matchesLibwebp(String name, String reference) throws Exception {
        RgbImage img = new PhotoLoader().load(Fixtures.path(name), 0, 0);
        BufferedImage ref = ImageIO.read(Fixtures.path(reference).toFile());
        assertThat(ref.getWidth()).isEqualTo(W);
        assertThat(ref.getHeight()).isEqualTo(H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = ref.getRGB(x, y);
                double a = (p >>> 24) / 255.0;
                double expectedLuma = a * luma(p >> 16 & 0xff, p >> 8 & 0xff, p & 0xff);
                int[] got = Fixtures.rgb(img, x, y);
                double diff = Math.abs(luma(got[0], got[1], got[2]) - expectedLuma);
                assertThat(diff).as("%s (%d,%d): luma of %s vs libwebp's %.1f", name, x, y,
                        Arrays.toString(got), expectedLuma).isLessThanOrEqualTo(LUMA_TOLERANCE);
            }
        }
    }

    /** A reduced load (which asks the reader for source subsampling) keeps size and colours. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"quadrants-lossless.webp, false", "quadrants-lossy.webp, false",
        "quadrants-alpha-lossless.webp, true", "quadrants-alpha-lossy.webp, true"})
    void decodesReduced(String name, boolean alpha) throws Exception {
        RgbImage img = new PhotoLoader().load(Fixtures.path(name), 15, 11);
        assertThat(img.width()).isEqualTo(15);
        assertThat(img.height()).isEqualTo(11);
        // Quadrant centres of the 15x11 result; Lanczos ringing from the edges stays small there.
        int[][] centres = {{3, 2}, {11, 2}, {3, 8}, {11, 8}};
        for (int q = 0; q < 4; q++) {
            assertClose(Fixtures.rgb(img, centres[q][0], centres[q][1]), expected(q, alpha), 8, name,
                    centres[q][0], centres[q][1]);
        }
    }

    /** BT.601 luma, the full-resolution plane VP8 codes (chroma is upsampled as each decoder likes). */
    private static double luma(int r, int g, int b) {
        return 0.299 * r + 0.587 * g + 0.114 * b;
    }

    private static void assertClose(int[] actual, int[] expected, int tolerance, String name, int x, int y) {
        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(actual[c] - expected[c]))
                    .as("%s (%d,%d) channel %d: got %s, expected %s", name, x, y, c,
                            Arrays.toString(actual), Arrays.toString(expected))
                    .isLessThanOrEqualTo(tolerance);
        }
    }
}
