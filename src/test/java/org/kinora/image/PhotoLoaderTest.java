package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhotoLoaderTest {

    @TempDir
    Path dir;

    private final PhotoLoader loader = new PhotoLoader();

    @Test
    void refusesAPixelBombFromItsHeaderWithoutAllocating() throws Exception {
        Path bomb = TestImages.write(dir.resolve("bomb.png"), TestImages.pngHeader(100_000, 100_000));
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = mx.getCurrentThreadAllocatedBytes();
        assertThatThrownBy(() -> loader.load(bomb, 1920, 1080))
                .isInstanceOf(PhotoException.class)
                .hasMessageContaining("bomb.png")
                .hasMessageContaining("100000x100000")
                .hasMessageContaining("limit of 250 MP");
        long allocated = mx.getCurrentThreadAllocatedBytes() - before;
        // 10^10 pixels would be 30 GB; reading the header and metadata takes a few MB at most.
        assertThat(allocated).isLessThan(32L << 20);
    }

    @Test
    void emptyFileIsNamed() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jpg"));
        assertThatThrownBy(() -> loader.load(empty, 100, 100))
                .isInstanceOf(PhotoException.class).hasMessageContaining("empty.jpg").hasMessageContaining("empty");
    }

    @Test
    void missingFileIsNamed() {
        Path missing = dir.resolve("missing.jpg");
        assertThatThrownBy(() -> loader.probe(missing))
                .isInstanceOf(PhotoException.class).hasMessageContaining("missing.jpg").hasMessageContaining("not found");
    }

    @Test
    void nonImageIsNamed() throws Exception {
        Path text = TestImages.write(dir.resolve("notes.jpg"), "just some text, not a picture".getBytes());
        assertThatThrownBy(() -> loader.load(text, 100, 100))
                .isInstanceOf(PhotoException.class).hasMessageContaining("notes.jpg").hasMessageContaining("not an image");
    }

    @Test
    void truncatedJpegIsNamed() throws Exception {
        byte[] full = TestImages.jpeg(gradient(320, 240), 0.9f);
        Path cut = TestImages.write(dir.resolve("cut.jpg"), Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> loader.load(cut, 0, 0))
                .isInstanceOf(PhotoException.class).hasMessageContaining("cut.jpg").hasMessageContaining("truncated");
    }

    @Test
    void truncatedPngIsNamed() throws Exception {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(gradient(320, 240), "png", png);
        byte[] full = png.toByteArray();
        Path cut = TestImages.write(dir.resolve("cut.png"), Arrays.copyOf(full, full.length / 2));
        assertThatThrownBy(() -> loader.load(cut, 0, 0))
                .isInstanceOf(PhotoException.class).hasMessageContaining("cut.png");
    }

    @Test
    void corruptPngIsNamed() throws Exception {
        byte[] junk = TestImages.pngHeader(64, 64);
        byte[] bad = Arrays.copyOf(junk, junk.length + 100);
        bad[20] ^= 0x55; // breaks the IHDR CRC
        Path file = TestImages.write(dir.resolve("corrupt.png"), bad);
        assertThatThrownBy(() -> loader.load(file, 0, 0))
                .isInstanceOf(PhotoException.class).hasMessageContaining("corrupt.png");
    }

    @Test
    void decodesOnlyTheNeededResolution() throws Exception {
        Path big = dir.resolve("big.png");
        ImageIO.write(gradient(2000, 1500), "png", big.toFile());
        RgbImage small = loader.load(big, 400, 250);
        // Scale is the larger of 400/2000 and 250/1500: 0.2 -> 400x300.
        assertThat(small.width()).isEqualTo(400);
        assertThat(small.height()).isEqualTo(300);
        // The gradient survives the subsampled decode and the Lanczos downscale.
        assertThat(small.red().at(200, 150)).isCloseTo(gradientRed(1000, 2000), org.assertj.core.data.Offset.offset(3f));
        assertThat(small.green().at(100, 150)).isCloseTo(gradientGreen(750, 1500), org.assertj.core.data.Offset.offset(3f));
    }

    @Test
    void thumbnailFitsTheRequestedEdge() throws Exception {
        Path big = dir.resolve("thumb-src.jpg");
        Files.write(big, TestImages.jpeg(gradient(1200, 800), 0.9f));
        BufferedImage thumb = loader.thumbnail(big, 160);
        assertThat(thumb.getWidth()).isEqualTo(160);
        assertThat(thumb.getHeight()).isEqualTo(107);
    }

    /**
     * A CMYK JPEG (4 components, Adobe marker, inverted ink as Photoshop writes it) made through
     * ImageIO's raster path. Checks that patches come out in the right sRGB colours, not inverted,
     * not read as YCCK, not channel-swapped.
     */
    @Test
    void cmykJpegColoursAreCloseToSrgb() throws Exception {
        int w = 64;
        int h = 16;
        // Patches (C, M, Y, K) in 0..255 ink: white paper, 50% black, full cyan, full magenta+yellow (red).
        int[][] inks = {{0, 0, 0, 0}, {0, 0, 0, 128}, {255, 0, 0, 0}, {0, 255, 255, 0}};
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] ink = inks[x / 16];
                // Adobe CMYK JPEGs store inverted ink values (255 = no ink).
                raster.setPixel(x, y, new int[] {255 - ink[0], 255 - ink[1], 255 - ink[2], 255 - ink[3]});
            }
        }
        Path file = TestImages.write(dir.resolve("cmyk.jpg"), TestImages.adobeCmykJpeg(raster));
        RgbImage rgb = loader.load(file, 0, 0);
        float[] white = at(rgb, 8, 8);
        float[] grey = at(rgb, 24, 8);
        float[] cyan = at(rgb, 40, 8);
        float[] red = at(rgb, 56, 8);
        // An untagged CMYK JPEG has no profile to go through, so TwelveMonkeys (like Photoshop's
        // "don't colour manage") maps ink to sRGB as R = 255 (1 - C)(1 - K) etc. Tagged files go
        // through their embedded ICC profile instead; the JDK ships no CMYK profile to test that with.
        assertRgb(white, 255, 255, 255, 12, "paper white");
        assertRgb(grey, 127, 127, 127, 12, "50% black");
        assertRgb(cyan, 0, 255, 255, 12, "cyan");
        assertRgb(red, 255, 0, 0, 12, "magenta + yellow");
        assertThat(Math.abs(grey[0] - grey[1]) + Math.abs(grey[1] - grey[2])).as("50% black is neutral").isLessThan(16f);
    }

    /**
     * A photo tagged with a non-sRGB ICC profile must come out converted to sRGB. TIFF, because
     * TwelveMonkeys' TIFF writer embeds the profile (ImageIO's JPEG and PNG writers drop it);
     * the profile is the JDK's linear-light RGB, where 0.5 is sRGB 188.
     */
    @Test
    void embeddedIccProfileIsConvertedToSrgb() throws Exception {
        java.awt.color.ColorSpace linear = java.awt.color.ColorSpace.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB);
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(linear, false, false,
                java.awt.Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = cm.createCompatibleWritableRaster(32, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setPixel(x, y, new int[] {128, 128, 128});
            }
        }
        BufferedImage img = new BufferedImage(cm, raster, false, null);
        Path file = dir.resolve("linear.tif");
        assertThat(ImageIO.write(img, "tiff", file.toFile())).isTrue();
        RgbImage rgb = loader.load(file, 0, 0);
        float[] v = at(rgb, 16, 16);
        assertRgb(v, 188, 188, 188, 6, "linear 0.5 in sRGB");
    }

    /**
     * A PNG tagged with a colour profile (iCCP) is converted to sRGB like a tagged JPEG or TIFF:
     * the JDK's PNG reader keeps the chunk but calls the pixels sRGB. Linear-light 0.5 is sRGB 188.
     */
    @Test
    void pngColourProfileIsConvertedToSrgb() throws Exception {
        BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(grey, "png", png);
        byte[] linear = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        Path tagged = TestImages.write(dir.resolve("linear.png"), TestImages.pngWithProfile(png.toByteArray(), linear));
        assertRgb(at(loader.load(tagged, 0, 0), 16, 16), 188, 188, 188, 6, "linear 0.5 in sRGB");

        byte[] srgb = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData();
        Path plain = TestImages.write(dir.resolve("srgb.png"), TestImages.pngWithProfile(png.toByteArray(), srgb));
        assertRgb(at(loader.load(plain, 0, 0), 16, 16), 128, 128, 128, 2, "sRGB-tagged grey unchanged");
    }

    /** A damaged colour profile is not damaged pixels: the photo loads, shown as sRGB. */
    @Test
    void jpegWithACutColourProfileStillLoads() throws Exception {
        byte[] profile = java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_LINEAR_RGB).getData();
        ByteArrayOutputStream app2 = new ByteArrayOutputStream();
        byte[] head = "ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        int length = 2 + head.length + 2 + 300;
        app2.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
        app2.writeBytes(head);
        app2.writeBytes(new byte[] {1, 1}); // chunk 1 of 1, but only the profile's first 300 bytes
        app2.write(profile, 0, 300);
        byte[] jpeg = TestImages.jpeg(gradient(64, 48), 0.95f);
        Path file = TestImages.write(dir.resolve("cut-profile.jpg"), TestImages.insertAfterSoi(jpeg, app2.toByteArray()));
        Path reference = TestImages.write(dir.resolve("no-profile.jpg"), jpeg);
        float[] expected = at(loader.load(reference, 0, 0), 40, 30);
        assertRgb(at(loader.load(file, 0, 0), 40, 30), Math.round(expected[0]), Math.round(expected[1]),
                Math.round(expected[2]), 3, "same pixels as without the profile");
    }

    /** A JPEG that neither decoder reads says what kind of JPEG it is, not only ImageIO's words. */
    @Test
    void unsupportedJpegSaysWhatItIs() throws Exception {
        byte[] jpeg = TestImages.jpeg(gradient(64, 48), 0.9f);
        for (int i = 2; i + 4 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
                jpeg[i + 4] = 12; // the frame header's sample precision
                break;
            }
        }
        Path file = TestImages.write(dir.resolve("twelve.jpg"), jpeg);
        assertThatThrownBy(() -> loader.load(file, 0, 0))
                .isInstanceOf(PhotoException.class).hasMessageContaining("twelve.jpg").hasMessageContaining("12-bit samples");
    }

    /**
     * A thumbnail of fine detail through ImageIO averages it instead of picking every n-th pixel:
     * with a white column in every three, picking every 9th pixel would give pure white.
     */
    @Test
    void pngThumbnailAveragesFineDetail() throws Exception {
        BufferedImage stripes = new BufferedImage(2880, 1800, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster r = stripes.getRaster();
        for (int y = 0; y < 1800; y++) {
            for (int x = 0; x < 2880; x += 3) {
                r.setSample(x, y, 0, 255);
            }
        }
        Path file = dir.resolve("stripes.png");
        ImageIO.write(stripes, "png", file.toFile());
        BufferedImage thumb = loader.thumbnail(file, 160);
        assertThat(thumb.getWidth()).isEqualTo(160);
        double sum = 0;
        for (int x = 10; x < 150; x++) {
            sum += thumb.getRGB(x, 50) & 0xFF;
        }
        assertThat(sum / 140).as("mean level of a 1-in-3 white grating").isCloseTo(85, org.assertj.core.data.Offset.offset(8.0));
    }

    private static float[] at(RgbImage img, int x, int y) {
        return new float[] {img.red().at(x, y), img.green().at(x, y), img.blue().at(x, y)};
    }

    private static void assertRgb(float[] actual, int r, int g, int b, int tolerance, String what) {
        assertThat(Math.abs(actual[0] - r)).as("%s red %s", what, Arrays.toString(actual)).isLessThan(tolerance);
        assertThat(Math.abs(actual[1] - g)).as("%s green %s", what, Arrays.toString(actual)).isLessThan(tolerance);
        assertThat(Math.abs(actual[2] - b)).as("%s blue %s", what, Arrays.toString(actual)).isLessThan(tolerance);
    }

    private static BufferedImage gradient(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, Math.round(gradientRed(x, w)) << 16 | Math.round(gradientGreen(y, h)) << 8 | 90);
            }
        }
        return img;
    }

    private static float gradientRed(int x, int w) {
        return 20 + 200f * x / (w - 1);
    }

    private static float gradientGreen(int y, int h) {
        return 30 + 180f * y / (h - 1);
    }
}
