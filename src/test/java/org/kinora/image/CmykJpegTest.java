package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * A CMYK JPEG (Adobe YCCK) with an embedded ICC profile comes out in the colours that profile
 * defines, converted to sRGB. The fixture (cmyk-icc-patches.jpg, 64x48, see the README beside it)
 * holds 4x3 patches of 16x16 and embeds kinora-test-cmyk.icc, a profile of our own whose inks
 * are deliberately unlike the naive {@code 255 * (1 - C) * (1 - K)} conversion: pure cyan is
 * (0,160,225) there, not (0,255,255), so a decoder that drops the profile fails by ~95 levels.
 */
class CmykJpegTest {

    /** Patch names, row by row: ink percentages of C, M, Y, K. */
    private static final String[] PATCHES = {
        "paper", "C100", "M100", "Y100",
        "K100", "C100+M100", "M100+Y100", "C100+Y100",
        "C50", "M50", "Y50", "K50",
    };

    /**
     * sRGB at each patch centre as lcms2 (an independent CMM, through ImageMagick) converts the
     * committed file with its embedded profile: make-fixtures.sh prints them. They agree with the
     * profile's design colours (make-cmyk-profile.py) to within 13 levels (the JPEG's YCCK
     * rounding leaves a trace of ink: cyan's red is 13, not 0).
     */
    private static final int[][] SRGB = {
        {255, 255, 255}, {13, 161, 225}, {225, 0, 130}, {255, 235, 13},
        {30, 30, 35}, {45, 50, 145}, {230, 30, 40}, {0, 165, 81},
        {187, 214, 241}, {241, 187, 205}, {255, 245, 187}, {188, 188, 189},
    };

    /** Per channel, 8-bit levels: two CMMs and two JPEG decoders round differently, by a few levels. */
    private static final int TOLERANCE = 6;

    private static final Path FILE = Fixtures.path("cmyk-icc-patches.jpg");

    @Test
    void fullSizeMatchesTheSrgbReference() throws Exception {
        PhotoLoader loader = new PhotoLoader();
        PhotoInfo info = loader.probe(FILE);
        assertThat(info.format()).isEqualTo("JPEG");
        assertThat(info.width()).isEqualTo(64);
        assertThat(info.height()).isEqualTo(48);

        RgbImage img = loader.load(FILE, 0, 0);

        assertThat(img.width()).isEqualTo(64);
        assertThat(img.height()).isEqualTo(48);
        // Every pixel of each patch but a 2-pixel border (JPEG ringing at patch edges).
        for (int p = 0; p < PATCHES.length; p++) {
            int x0 = p % 4 * 16;
            int y0 = p / 4 * 16;
            for (int y = y0 + 2; y < y0 + 14; y++) {
                for (int x = x0 + 2; x < x0 + 14; x++) {
                    assertClose(Fixtures.rgb(img, x, y), p, x, y, TOLERANCE);
                }
            }
        }
    }

    /** A load at half size (the path editor previews take) converts the colours the same way. */
    @Test
    void halfSizeMatchesTheSrgbReference() throws Exception {
        RgbImage img = new PhotoLoader().load(FILE, 32, 24);

        assertThat(img.width()).isEqualTo(32);
        assertThat(img.height()).isEqualTo(24);
        for (int p = 0; p < PATCHES.length; p++) {
            int x = p % 4 * 8 + 4;
            int y = p / 4 * 8 + 4;
            assertClose(Fixtures.rgb(img, x, y), p, x, y, TOLERANCE + 2);
        }
    }

    private static void assertClose(int[] actual, int patch, int x, int y, int tolerance) {
        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(actual[c] - SRGB[patch][c]))
                    .as("%s patch at (%d,%d) channel %d: got %s, sRGB reference %s", PATCHES[patch], x, y, c,
                            Arrays.toString(actual), Arrays.toString(SRGB[patch]))
                    .isLessThanOrEqualTo(tolerance);
        }
    }
}
