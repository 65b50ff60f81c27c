package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The plain-JPEG path (the banded decoder) against the ImageIO path it replaces: plain JPEGs (baseline and
 * progressive, every common chroma sampling, grey, odd sizes) take it and come out as the same
 * picture; everything it must not handle (CMYK, non-sRGB profiles, unusual coding, damage) still
 * goes through ImageIO.
 */
class PlainJpegPathTest {

    private static final String JPEG_FORMAT = "javax_imageio_jpeg_image_1.0";

    @TempDir
    Path dir;

    private final PhotoLoader fast = new PhotoLoader();
    private final PhotoLoader imageio = new PhotoLoader(PhotoLoader.DEFAULT_MAX_PIXELS, false);

    @ParameterizedTest(name = "{0} {1}x{2} luma sampling")
    @CsvSource({
        "false, 2, 2", "true, 2, 2", // 4:2:0
        "false, 1, 1", "true, 1, 1", // 4:4:4
        "false, 2, 1", "true, 2, 1", // 4:2:2
        "true, 1, 2"                 // 4:4:0
    })
    void plainJpegTakesTheFastPathAndMatchesImageIo(boolean progressive, int h, int v) throws Exception {
        BufferedImage photo = SyntheticPhoto.waves(1001, 667, 5, 24, 0.4, BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = jpeg(photo, progressive, h, v, 0.9f);
        JpegStructure structure = JpegStructure.parse(jpeg);
        assertThat(structure.frameMarker()).isEqualTo(progressive ? 0xC2 : 0xC0);
        assertThat(structure.hSampling()).containsExactly(h, 1, 1);
        assertThat(structure.vSampling()).containsExactly(v, 1, 1);
        assertThat(structure.fastPathRefusal()).isNull();
        Path file = TestImages.write(dir.resolve("plain.jpg"), jpeg);

        // Full size: the decoders differ only by rounding (ImageIO rounds to 8 bits, this path keeps floats).
        RgbImage full = loadFast(file, 0, 0);
        double fullPsnr = psnr(full, imageio.load(file, 0, 0));
        // 1/3 size: 2x DCT-domain reduction against ImageIO's full decode and 2x2 box average.
        assertThat(PhotoLoader.lowresFor(1001, 667, 334, 222)).isEqualTo(1);
        double smallPsnr = psnr(loadFast(file, 334, 222), imageio.load(file, 334, 222));
        System.out.printf(java.util.Locale.ROOT, "%s %dx%d: full %.1f dB, 1/3 %.1f dB%n",
                progressive ? "progressive" : "baseline", h, v, fullPsnr, smallPsnr);
        assertThat(fullPsnr).isGreaterThanOrEqualTo(50.0);
        assertThat(smallPsnr).isGreaterThanOrEqualTo(45.0);
    }

    @Test
    void greyJpegTakesTheFastPathAndMatchesImageIo() throws Exception {
        BufferedImage photo = SyntheticPhoto.greyWaves(640, 479, 3, 24, 0.4);
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = jpeg(photo, progressive, 1, 1, 0.9f);
            assertThat(JpegStructure.parse(jpeg).components()).hasSize(1);
            Path file = TestImages.write(dir.resolve("grey.jpg"), jpeg);
            RgbImage out = loadFast(file, 0, 0);
            assertThat(Arrays.equals(out.red().data(), out.green().data())).as("red = green").isTrue();
            assertThat(Arrays.equals(out.red().data(), out.blue().data())).as("red = blue").isTrue();
            assertThat(psnr(out, imageio.load(file, 0, 0))).isGreaterThanOrEqualTo(50.0);
        }
    }

    /**
     * A smooth blob lands where a Lanczos resize of the original puts it, with a 1/2 and a 1/8
     * DCT-domain reduction before the kernel: a half-pixel slip in the reduced grid's geometry
     * would move it by 0.1 output pixel or more.
     */
    @ParameterizedTest(name = "to {0}x{1}, lowres {2}")
    @CsvSource({"500, 300, 1", "250, 150, 2", "150, 90, 3"})
    void lowresKeepsGeometryExact(int w, int h, int lowres) throws Exception {
        int sw = 1501;
        int sh = 901;
        double px = 777.3;
        double py = 431.7;
        double sigma = 12;
        BufferedImage img = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                double d2 = (x + 0.5 - px) * (x + 0.5 - px) + (y + 0.5 - py) * (y + 0.5 - py);
                int g = (int) Math.round(20 + 220 * Math.exp(-d2 / (2 * sigma * sigma)));
                img.setRGB(x, y, g / 2 << 16 | g << 8 | g / 3);
            }
        }
        Path file = TestImages.write(dir.resolve("blob.jpg"), jpeg(img, true, 2, 2, 0.95f));
        assertThat(PhotoLoader.lowresFor(sw, sh, w, h)).isEqualTo(lowres);
        double[] got = centroid(loadFast(file, w, h));
        double[] reference = centroid(imageio.load(file, w, h));
        System.out.printf(java.util.Locale.ROOT, "blob to %dx%d: fast %.4f, %.4f; imageio %.4f, %.4f; expected %.4f, %.4f%n",
                w, h, got[0], got[1], reference[0], reference[1], px * w / sw, py * h / sh);
        assertThat(got[0]).isCloseTo(px * w / sw, Offset.offset(0.015));
        assertThat(got[1]).isCloseTo(py * h / sh, Offset.offset(0.015));
        if (lowres == 1) {
            // The ImageIO path decodes at full size here (then a 2x2 box): the same geometry.
            // Further down it point-subsamples, which is what moves its blob by 0.01-0.02.
            assertThat(got[0]).isCloseTo(reference[0], Offset.offset(0.01));
            assertThat(got[1]).isCloseTo(reference[1], Offset.offset(0.01));
        }
    }

    @Test
    void exifRotatedPhotoComesOutUprightThroughTheFastPath() throws Exception {
        // Stored landscape 1200x800 with a bright square near the stored top-left corner.
        BufferedImage stored = SyntheticPhoto.waves(1200, 800, 9, 24, 0.4, BufferedImage.TYPE_INT_RGB);
        for (int y = 50; y < 150; y++) {
            for (int x = 50; x < 150; x++) {
                stored.setRGB(x, y, 0xFFFFFF);
            }
        }
        for (int orientation : new int[] {6, 8}) {
            byte[] jpeg = TestImages.withOrientation(jpeg(stored, true, 2, 2, 0.9f), orientation);
            Path file = TestImages.write(dir.resolve("rotated" + orientation + ".jpg"), jpeg);
            RgbImage out = loadFast(file, 300, 450); // 1/2 on the DCT side, then 1.33x Lanczos
            assertThat(out.width()).isEqualTo(300);
            assertThat(out.height()).isEqualTo(450);
            // Orientation 6 (rotate 90 clockwise to view): the stored top-left goes top-right;
            // 8 (90 counter-clockwise): bottom-left.
            int x = orientation == 6 ? 300 - 38 : 38;
            int y = orientation == 6 ? 38 : 450 - 38;
            assertThat(out.green().at(x, y)).as("orientation %d", orientation).isGreaterThan(240f);
            assertThat(psnr(out, imageio.load(file, 300, 450))).isGreaterThanOrEqualTo(45.0);
        }
    }

    @Test
    void cmykJpegFallsBackToImageIo() throws Exception {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 32, 16, 4, null);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 32; x++) {
                raster.setPixel(x, y, new int[] {255, 0, 0, 255}); // inverted ink: full magenta + yellow
            }
        }
        byte[] jpeg = TestImages.adobeCmykJpeg(raster);
        assertThat(JpegStructure.parse(jpeg).fastPathRefusal()).contains("4 components");
        Path file = TestImages.write(dir.resolve("cmyk.jpg"), jpeg);
        long before = PhotoLoader.bandedDecodes();
        RgbImage rgb = fast.load(file, 0, 0);
        assertThat(PhotoLoader.bandedDecodes()).isEqualTo(before);
        assertThat(rgb.red().at(16, 8)).isGreaterThan(230f);
        assertThat(rgb.green().at(16, 8)).isLessThan(25f);
    }

    @Test
    void nonSrgbProfileFallsBackAndSrgbProfileDoesNot() throws Exception {
        BufferedImage grey = new BufferedImage(48, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 48; x++) {
                grey.setRGB(x, y, 0x808080);
            }
        }
        byte[] plain = TestImages.jpeg(grey, 0.95f);

        byte[] linear = withIcc(plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData());
        assertThat(JpegStructure.parse(linear).fastPathRefusal()).contains("not sRGB");
        Path linearFile = TestImages.write(dir.resolve("linear.jpg"), linear);
        long before = PhotoLoader.bandedDecodes();
        RgbImage converted = fast.load(linearFile, 0, 0);
        assertThat(PhotoLoader.bandedDecodes()).isEqualTo(before);
        // Linear 0.5 is sRGB 188: the ImageIO path converted the colours.
        assertThat(converted.green().at(24, 16)).isCloseTo(188f, Offset.offset(6f));

        byte[] srgb = withIcc(plain, ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        assertThat(JpegStructure.parse(srgb).fastPathRefusal()).isNull();
        RgbImage same = loadFast(TestImages.write(dir.resolve("srgb.jpg"), srgb), 0, 0);
        assertThat(same.green().at(24, 16)).isCloseTo(128f, Offset.offset(3f));
    }

    @Test
    void iccProfilesAreRecognisedBySrgbColorantsAndCurves() {
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData())).isTrue();
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData())).isFalse();
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_PYCC).getData())).isFalse();
        assertThat(IccProfiles.isSrgb(ICC_Profile.getInstance(ColorSpace.CS_GRAY).getData())).isFalse();
        assertThat(IccProfiles.isSrgb("not a profile".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void unusualCodingIsRefusedFromTheHeaders() throws Exception {
        byte[] plain = TestImages.jpeg(SyntheticPhoto.waves(64, 48, 1, 8, 0.2, BufferedImage.TYPE_INT_RGB), 0.9f);
        int sof = indexOfMarker(plain, 0xC0);
        assertThat(JpegStructure.parse(plain).fastPathRefusal()).isNull();

        byte[] arithmetic = plain.clone();
        arithmetic[sof + 1] = (byte) 0xC9;
        assertThat(JpegStructure.parse(arithmetic).fastPathRefusal()).contains("arithmetic");

        byte[] twelveBit = plain.clone();
        twelveBit[sof + 4] = 12;
        assertThat(JpegStructure.parse(twelveBit).fastPathRefusal()).contains("12-bit");

        // Component ids 'R', 'G', 'B' without JFIF: libjpeg reads it as RGB, not Y'CbCr.
        byte[] rgbIds = withoutJfif(plain);
        int s = indexOfMarker(rgbIds, 0xC0);
        rgbIds[s + 10] = 'R';
        rgbIds[s + 13] = 'G';
        rgbIds[s + 16] = 'B';
        assertThat(JpegStructure.parse(rgbIds).fastPathRefusal()).contains("component ids");

        byte[] adobeRgb = TestImages.insertAfterSoi(plain,
                new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0});
        assertThat(JpegStructure.parse(adobeRgb).fastPathRefusal()).contains("RGB");
    }

    @Test
    void truncatedProgressiveJpegStillNamesTheFile() throws Exception {
        byte[] full = jpeg(SyntheticPhoto.waves(320, 240, 2, 16, 0.3, BufferedImage.TYPE_INT_RGB), true, 2, 2, 0.9f);
        Path cut = TestImages.write(dir.resolve("cut-progressive.jpg"), Arrays.copyOf(full, full.length * 2 / 3));
        assertThat(JpegStructure.parse(Arrays.copyOf(full, full.length * 2 / 3)).fastPathRefusal()).contains("truncated");
        assertThatThrownBy(() -> fast.load(cut, 0, 0))
                .isInstanceOf(PhotoException.class).hasMessageContaining("cut-progressive.jpg").hasMessageContaining("truncated");
    }

    /** Damage inside the entropy-coded data, markers intact: FFmpeg refuses, ImageIO gives its usual answer. */
    @Test
    void damagedScanDataIsLeftToImageIo() throws Exception {
        byte[] jpeg = jpeg(SyntheticPhoto.waves(320, 240, 4, 16, 0.3, BufferedImage.TYPE_INT_RGB), false, 2, 2, 0.9f);
        int sos = indexOfMarker(jpeg, 0xDA);
        java.util.Random random = new java.util.Random(7);
        for (int i = sos + 200; i < sos + 500; i++) {
            jpeg[i] = (byte) random.nextInt(0xFF); // never 0xFF: the markers stay intact
        }
        JpegStructure structure = JpegStructure.parse(jpeg);
        assertThat(structure.fastPathRefusal()).isNull();
        assertThatThrownBy(() -> FfmpegJpegDecoder.decode(jpeg, structure.imageEnd(), 0).close())
                .isInstanceOf(FfmpegJpegDecoder.Refused.class);
        Path file = TestImages.write(dir.resolve("damaged.jpg"), jpeg);
        Throwable viaFast = catchThrowable(() -> fast.load(file, 0, 0));
        Throwable viaImageIo = catchThrowable(() -> imageio.load(file, 0, 0));
        if (viaImageIo == null) {
            assertThat(viaFast).isNull();
            assertThat(psnr(fast.load(file, 0, 0), imageio.load(file, 0, 0))).isInfinite();
        } else {
            assertThat(viaFast).isInstanceOf(PhotoException.class).hasMessage(viaImageIo.getMessage());
        }
    }

    /**
     * Damage that the banded decoder reaches only after it has handed rows on: the photo being
     * built starts again, and the result is exactly what the ImageIO path makes of the file.
     */
    @Test
    void damageFoundHalfWayRestartsThePhotoThroughImageIo() throws Exception {
        byte[] jpeg = jpeg(SyntheticPhoto.waves(640, 2400, 4, 16, 0.3, BufferedImage.TYPE_INT_RGB), false, 2, 2, 0.9f);
        int sos = indexOfMarker(jpeg, 0xDA);
        int at = sos + (jpeg.length - sos) * 9 / 10;
        java.util.Random random = new java.util.Random(11);
        for (int i = at; i < at + 64; i++) {
            jpeg[i] = (byte) random.nextInt(0xFF);
        }
        Path file = TestImages.write(dir.resolve("damaged-late.jpg"), jpeg);
        assertThat(JpegStructure.parse(jpeg).fastPathRefusal()).isNull();
        BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, JpegStructure.parse(jpeg).imageEnd(), 0);
        assertThat(BandedPlanes.mcuRowsPerBand(decoder, PhotoLoader.BAND_BYTES))
                .as("the damage lies beyond the first band").isLessThan(decoder.mcuRows() * 9 / 10);

        long before = PhotoLoader.bandedDecodes();
        Throwable viaImageIo = catchThrowable(() -> imageio.loadYuv(file, 0, 0, null, 1));
        Throwable viaFast = catchThrowable(() -> fast.loadYuv(file, 0, 0, null, 1));
        assertThat(PhotoLoader.bandedDecodes()).isEqualTo(before);
        if (viaImageIo != null) {
            assertThat(viaFast).isInstanceOf(PhotoException.class).hasMessage(viaImageIo.getMessage());
            return;
        }
        assertThat(viaFast).isNull();
        YuvPhoto expected = imageio.loadYuv(file, 0, 0, null, 1);
        YuvPhoto actual = fast.loadYuv(file, 0, 0, null, 1);
        for (int y = 0; y < 2400; y++) {
            assertThat(actual.level(0).y().rows()[y]).as("luma row %d", y).isEqualTo(expected.level(0).y().rows()[y]);
        }
    }

    /** Loads through the loader and checks that the banded decoder, not the fallback, decoded it. */
    private RgbImage loadFast(Path file, int w, int h) throws PhotoException {
        long before = PhotoLoader.bandedDecodes();
        RgbImage out = fast.load(file, w, h);
        assertThat(PhotoLoader.bandedDecodes()).as("decoded by the banded decoder").isEqualTo(before + 1);
        return out;
    }

    /** A JPEG through ImageIO's writer with the given luma sampling factors (chroma 1x1). */
    static byte[] jpeg(BufferedImage img, boolean progressive, int h, int v, float quality) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (var out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            if (progressive) {
                p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), p);
            IIOMetadataNode tree = (IIOMetadataNode) meta.getAsTree(JPEG_FORMAT);
            IIOMetadataNode luma = (IIOMetadataNode) tree.getElementsByTagName("componentSpec").item(0);
            luma.setAttribute("HsamplingFactor", Integer.toString(h));
            luma.setAttribute("VsamplingFactor", Integer.toString(v));
            meta.setFromTree(JPEG_FORMAT, tree);
            writer.write(null, new IIOImage(img, null, meta), p);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] withIcc(byte[] jpeg, byte[] profile) {
        byte[] id = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
        int length = 2 + id.length + 2 + profile.length;
        ByteBuffer app2 = ByteBuffer.allocate(2 + length);
        app2.put((byte) 0xFF).put((byte) 0xE2).putShort((short) length).put(id).put((byte) 1).put((byte) 1).put(profile);
        return TestImages.insertAfterSoi(jpeg, app2.array());
    }

    private static byte[] withoutJfif(byte[] jpeg) {
        assertThat(jpeg[3] & 0xFF).isEqualTo(0xE0);
        int length = (jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF);
        byte[] out = new byte[jpeg.length - 2 - length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(jpeg, 4 + length, out, 2, out.length - 2);
        return out;
    }

    /** Offset of the first marker 0xFF {@code marker} among the segments before the scan data. */
    static int indexOfMarker(byte[] jpeg, int marker) {
        int pos = 2;
        while (pos + 4 <= jpeg.length) {
            int m = jpeg[pos + 1] & 0xFF;
            if (m == marker) {
                return pos;
            }
            if (m == 0xDA) {
                break;
            }
            pos += 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
        }
        throw new AssertionError("no marker " + Integer.toHexString(marker));
    }

    private static double psnr(RgbImage a, RgbImage b) {
        assertThat(a.width()).isEqualTo(b.width());
        assertThat(a.height()).isEqualTo(b.height());
        double se = 0;
        Plane[] pa = {a.red(), a.green(), a.blue()};
        Plane[] pb = {b.red(), b.green(), b.blue()};
        for (int c = 0; c < 3; c++) {
            float[] x = pa[c].data();
            float[] y = pb[c].data();
            for (int i = 0; i < x.length; i++) {
                double d = clamp(x[i]) - clamp(y[i]);
                se += d * d;
            }
        }
        return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / (3.0 * a.width() * a.height())));
    }

    private static double clamp(float v) {
        return Math.max(0, Math.min(255, v));
    }

    private static double[] centroid(RgbImage out) {
        // Above the background level only, so the flat surround does not pull towards the centre.
        int w = out.width();
        double sum = 0;
        double sx = 0;
        double sy = 0;
        float[] g = out.green().data();
        for (int y = 0; y < out.height(); y++) {
            for (int x = 0; x < w; x++) {
                double v = Math.max(0, g[y * w + x] - 20);
                sum += v;
                sx += v * (x + 0.5);
                sy += v * (y + 0.5);
            }
        }
        return new double[] {sx / sum, sy / sum};
    }
}
