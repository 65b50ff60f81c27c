package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The loader reads the common layouts of each format into the same sRGB picture. */
class PhotoFormatsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "png, rgb", "png, gray8", "png, gray16", "png, palette", "png, alpha",
        "gif, palette", "bmp, rgb", "tiff, rgb", "jpeg, gray8"
    })
    void readsLayout(String format, String layout) throws Exception {
        BufferedImage img = make(layout, 40, 30);
        Path file = dir.resolve("img." + format);
        assertThat(ImageIO.write(img, format, file.toFile())).as("writer for %s %s", format, layout).isTrue();
        RgbImage rgb = new PhotoLoader().load(file, 0, 0);
        assertThat(rgb.width()).isEqualTo(40);
        assertThat(rgb.height()).isEqualTo(30);
        boolean grey = layout.startsWith("gray");
        // Left half one colour, right half another; alpha composites over black.
        float[] left = {rgb.red().at(8, 15), rgb.green().at(8, 15), rgb.blue().at(8, 15)};
        float[] right = {rgb.red().at(32, 15), rgb.green().at(32, 15), rgb.blue().at(32, 15)};
        int[] expectedLeft = grey ? new int[] {60, 60, 60} : new int[] {200, 40, 40};
        int[] expectedRight = grey ? new int[] {200, 200, 200}
                : layout.equals("alpha") ? new int[] {20, 60, 100} : new int[] {40, 120, 200};
        for (int c = 0; c < 3; c++) {
            assertThat(Math.abs(left[c] - expectedLeft[c])).as("left channel %d", c).isLessThan(6f);
            assertThat(Math.abs(right[c] - expectedRight[c])).as("right channel %d", c).isLessThan(6f);
        }
    }

    private static BufferedImage make(String layout, int w, int h) {
        BufferedImage img = switch (layout) {
            case "gray8" -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
            case "gray16" -> new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
            case "palette" -> new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, palette());
            case "alpha" -> new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            default -> new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        };
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean left = x < w / 2;
                if (layout.startsWith("gray")) {
                    // Raw grey samples: what the file stores is what should be shown.
                    int v = left ? 60 : 200;
                    int max = layout.equals("gray16") ? 65535 : 255;
                    img.getRaster().setSample(x, y, 0, v * max / 255);
                } else if (layout.equals("alpha")) {
                    // Right: (40,120,200) at 50% opacity, which over black reads (20,60,100).
                    img.setRGB(x, y, left ? 0xFFC82828 : 0x80 << 24 | 40 << 16 | 120 << 8 | 200);
                } else {
                    img.setRGB(x, y, left ? 0xC82828 : 0x2878C8);
                }
            }
        }
        return img;
    }

    private static IndexColorModel palette() {
        byte[] r = {(byte) 200, 40, 0, 0};
        byte[] g = {40, 120, 0, 0};
        byte[] b = {40, (byte) 200, 0, 0};
        return new IndexColorModel(2, 4, r, g, b);
    }
}
