package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every EXIF orientation 1-8 must come out upright. */
class ExifOrientationTest {

    private static final int W = 64;
    private static final int H = 40;
    private static final int RED = 0xE02020;
    private static final int GREEN = 0x20C020;
    private static final int BLUE = 0x2020E0;
    private static final int WHITE = 0xF0F0F0;

    @TempDir
    Path dir;

    /** Upright picture: red top-left, green top-right, blue bottom-left, white bottom-right. */
    private static int upright(int x, int y) {
        boolean left = x < W / 2;
        boolean top = y < H / 2;
        return top ? (left ? RED : GREEN) : (left ? BLUE : WHITE);
    }

    /**
     * The pixels a camera stores for an upright scene with the given tag, written from the tag's
     * definition (row 0 / column 0 are the visual ...), independently of the loader's code.
     */
    private static BufferedImage stored(int orientation) {
        boolean swap = orientation >= 5;
        int sw = swap ? H : W;
        int sh = swap ? W : H;
        BufferedImage img = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                // (ux, uy): the upright pixel that ends up stored at (x, y).
                int ux;
                int uy;
                switch (orientation) {
                    case 1 -> { ux = x; uy = y; }                 // row 0 = top, col 0 = left
                    case 2 -> { ux = W - 1 - x; uy = y; }         // row 0 = top, col 0 = right
                    case 3 -> { ux = W - 1 - x; uy = H - 1 - y; } // row 0 = bottom, col 0 = right
                    case 4 -> { ux = x; uy = H - 1 - y; }         // row 0 = bottom, col 0 = left
                    case 5 -> { ux = y; uy = x; }                 // row 0 = left, col 0 = top
                    case 6 -> { ux = W - 1 - y; uy = x; }         // row 0 = right, col 0 = top
                    case 7 -> { ux = W - 1 - y; uy = H - 1 - x; } // row 0 = right, col 0 = bottom
                    default -> { ux = y; uy = H - 1 - x; }        // 8: row 0 = left, col 0 = bottom
                }
                img.setRGB(x, y, upright(ux, uy));
            }
        }
        return img;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyOrientationLoadsUpright(int orientation) throws Exception {
        byte[] jpeg = TestImages.withOrientation(TestImages.jpeg(stored(orientation), 0.95f), orientation);
        Path file = TestImages.write(dir.resolve("o" + orientation + ".jpg"), jpeg);

        PhotoLoader loader = new PhotoLoader();
        PhotoInfo info = loader.probe(file);
        assertThat(info.orientation()).isEqualTo(orientation);
        assertThat(info.width()).isEqualTo(W);
        assertThat(info.height()).isEqualTo(H);

        BufferedImage img = loader.load(file, 0, 0).toBufferedImage();
        assertThat(img.getWidth()).isEqualTo(W);
        assertThat(img.getHeight()).isEqualTo(H);
        assertClose(img.getRGB(W / 4, H / 4), RED, orientation, "top-left");
        assertClose(img.getRGB(3 * W / 4, H / 4), GREEN, orientation, "top-right");
        assertClose(img.getRGB(W / 4, 3 * H / 4), BLUE, orientation, "bottom-left");
        assertClose(img.getRGB(3 * W / 4, 3 * H / 4), WHITE, orientation, "bottom-right");
    }

    private static void assertClose(int actual, int expected, int orientation, String where) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = actual >> shift & 0xff;
            int e = expected >> shift & 0xff;
            assertThat(Math.abs(a - e))
                    .as("orientation %d, %s: got #%06x, expected #%06x", orientation, where, actual & 0xffffff, expected)
                    .isLessThan(40);
        }
    }
}
