package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BandedJpegDecoder} against FFmpeg's mjpeg decoder as {@link FfmpegJpegDecoder} runs it:
 * every plane bit for bit, at lowres 0..3, whatever the band height, for baseline and progressive
 * files of each sampling, odd sizes, grey, restart intervals, hand-made coefficient patterns and
 * the real photos; damage and unsupported coding throw; a band holds only its own coefficients.
 */
class BandedJpegDecoderTest {

    private static final Path PHOTOS = Path.of("../shared/photos");

    @ParameterizedTest(name = "{0} {1}x{2} luma sampling")
    @CsvSource({
        "false, 2, 2", "true, 2, 2", // 4:2:0
        "false, 1, 1", "true, 1, 1", // 4:4:4
        "false, 2, 1", "true, 2, 1", // 4:2:2
        "false, 1, 2", "true, 1, 2", // 4:4:0
    })
    void imageIoJpegsMatchFfmpeg(boolean progressive, int h, int v) throws Exception {
        int[][] sizes = {{1001, 667}, {17, 9}, {1, 1}, {40, 33}};
        for (int[] size : sizes) {
            BufferedImage img = SyntheticPhoto.waves(size[0], size[1], 11, 24, 0.45, BufferedImage.TYPE_INT_RGB);
            byte[] jpeg = PlainJpegPathTest.jpeg(img, progressive, h, v, 0.9f);
            assertThat(JpegStructure.parse(jpeg).frameMarker()).isEqualTo(progressive ? 0xC2 : 0xC0);
            for (int lowres = 0; lowres <= 3; lowres++) {
                assertMatchesFfmpeg(jpeg, size[0] + "x" + size[1], lowres, 0, 1, 3);
            }
        }
    }

    @Test
    void greyJpegsMatchFfmpeg() throws Exception {
        BufferedImage grey = SyntheticPhoto.greyWaves(301, 203, 5, 24, 0.45);
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = PlainJpegPathTest.jpeg(grey, progressive, 1, 1, 0.9f);
            assertThat(JpegStructure.parse(jpeg).components()).hasSize(1);
            assertThat(BandedJpegDecoder.open(jpeg, jpeg.length, 0).grey()).isTrue();
            for (int lowres = 0; lowres <= 3; lowres++) {
                assertMatchesFfmpeg(jpeg, progressive ? "progressive" : "baseline", lowres, 0, 1, 3);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"restart-baseline-420.jpg", "restart-baseline-422-optimized.jpg",
        "restart-baseline-3-scans.jpg", "restart-progressive-420.jpg", "restart-progressive-444.jpg",
        "restart-progressive-440.jpg", "restart-progressive-grey.jpg", "restart-progressive-custom-scans.jpg"})
    void restartIntervalsMatchFfmpeg(String fixture) throws Exception {
        byte[] jpeg = Files.readAllBytes(Fixtures.path(fixture));
        assertThat(count(jpeg, 0xDD)).as("DRI segments").isEqualTo(1);
        assertThat(count(jpeg, 0xD0)).as("RST0 markers").isPositive();
        for (int lowres = 0; lowres <= 3; lowres++) {
            assertMatchesFfmpeg(jpeg, fixture, lowres, 0, 1, 2);
        }
    }

    /**
     * Random coefficient patterns, so that every case of the IDCT's zero and nonzero inputs turns
     * up many times, with values up to the 16-bit limits: FFmpeg cuts dequantised AC values to 16
     * bits and saturates DC values, and the IDCTs cut their intermediate values.
     */
    @ParameterizedTest(name = "quantiser {0}, levels up to {1}")
    @CsvSource({"1, 3", "1, 255", "1, 2047", "1, 32767", "23, 2047", "700, 1000"})
    void arbitraryCoefficientsMatchFfmpeg(int quantiser, int maxLevel) throws Exception {
        Random rnd = new Random(quantiser * 31L + maxLevel);
        int w = 256;
        int h = 200;
        int[][] levels = new int[(w / 8) * (h / 8)][64];
        double[] densities = {0.02, 0.1, 0.3, 0.6, 1.0};
        for (int[] block : levels) {
            double density = densities[rnd.nextInt(densities.length)];
            int max = 1 + rnd.nextInt(maxLevel);
            for (int i = 0; i < 64; i++) {
                if (rnd.nextDouble() < density) {
                    block[i] = (rnd.nextInt(max) + 1) * (rnd.nextBoolean() ? 1 : -1);
                }
            }
            block[0] = Math.max(-2047, Math.min(2047, block[0] * 8));
        }
        int[] quant = new int[64];
        for (int i = 0; i < 64; i++) {
            quant[i] = quantiser == 1 ? 1 : quantiser + (i * 7) % 13;
        }
        for (int restart : new int[] {0, 7}) {
            byte[] jpeg = CoefficientJpegWriter.grey(w, h, levels, quant, restart);
            for (int lowres = 0; lowres <= 3; lowres++) {
                assertMatchesFfmpeg(jpeg, "restart " + restart, lowres, 0, 2);
            }
        }
    }

    /**
     * Restart markers as FFmpeg finds them: it takes an RSTn after 1 bits or 0 bits of padding,
     * and where one is missing it reads on without resetting the DC predictions (a file written
     * without them decodes so; where one of them is cut out of a file, both decoders refuse).
     */
    @Test
    void restartMarkersAreFoundAsFfmpegFindsThem() throws Exception {
        Random rnd = new Random(5);
        int[][] levels = new int[(96 / 8) * (64 / 8)][64];
        for (int[] block : levels) {
            for (int i = 0; i < 64; i++) {
                block[i] = rnd.nextInt(10) == 0 ? rnd.nextInt(41) - 20 : 0;
            }
            block[0] = rnd.nextInt(200) - 100;
        }
        int[] quant = new int[64];
        Arrays.fill(quant, 4);
        assertMatchesFfmpeg(CoefficientJpegWriter.greyZeroPadded(96, 64, levels, quant, 5), "zero padding", 0, 0, 1);
        // An interval declared, no marker written: FFmpeg looks for each, finds none and reads on.
        byte[] unmarked = TestImages.insertAfterSoi(CoefficientJpegWriter.grey(96, 64, levels, quant, 0),
                new byte[] {(byte) 0xFF, (byte) 0xDD, 0, 4, 0, 5});
        assertMatchesFfmpeg(unmarked, "no markers", 0, 0, 1);
        byte[] jpeg = CoefficientJpegWriter.grey(96, 64, levels, quant, 5);
        for (int rst = 0; rst < 8; rst++) {
            int at = indexOfRst(jpeg, rst);
            byte[] missing = new byte[jpeg.length - 2];
            System.arraycopy(jpeg, 0, missing, 0, at);
            System.arraycopy(jpeg, at + 2, missing, at, jpeg.length - at - 2);
            assertThatThrownBy(() -> FfmpegJpegDecoder.decode(missing, missing.length, 0).close())
                    .isInstanceOf(FfmpegJpegDecoder.Refused.class);
            assertThatThrownBy(() -> decode(missing, 0, 0)).isInstanceOf(JpegDecodeException.class);
        }
    }

    /** The shared photos (skipped where the folder is absent, as in CI's clean clone). */
    @Test
    void photosMatchFfmpeg() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(PHOTOS), "no ../shared/photos");
        List<Path> photos;
        try (Stream<Path> files = Files.list(PHOTOS)) {
            photos = files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
        assertThat(photos).hasSizeGreaterThanOrEqualTo(12);
        for (Path photo : photos) {
            byte[] jpeg = Files.readAllBytes(photo);
            for (int lowres = 0; lowres <= 3; lowres++) {
                BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, jpeg.length, lowres);
                // The whole picture as one band, and bands that a 2 MB budget allows.
                assertMatchesFfmpeg(jpeg, photo.getFileName().toString(), lowres, 0, decoder.mcuRowsForBudget(2 << 20));
            }
        }
    }

    @Test
    void bandsMayComeInAnyOrder() throws Exception {
        BufferedImage img = SyntheticPhoto.waves(333, 250, 3, 24, 0.45, BufferedImage.TYPE_INT_RGB);
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] jpeg = PlainJpegPathTest.jpeg(img, progressive, 2, 2, 0.9f);
            byte[][] whole = decode(jpeg, 1, 0);
            BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, jpeg.length, 1);
            byte[][] planes = planes(decoder);
            BandedJpegDecoder.Band band = new BandedJpegDecoder.Band();
            int[][] order = {{5, 8}, {0, 2}, {2, 3}, {6, 7}, {3, 5}, {7, 8}, {8, 16}};
            for (int[] rows : order) {
                decoder.decode(rows[0], rows[1], band);
                copy(decoder, band, planes);
            }
            for (int c = 0; c < planes.length; c++) {
                assertThat(Arrays.equals(planes[c], whole[c])).as("plane %d, progressive %s", c, progressive).isTrue();
            }
        }
    }

    @Test
    void truncatedFileIsRefused() throws Exception {
        byte[] jpeg = PlainJpegPathTest.jpeg(
                SyntheticPhoto.waves(320, 240, 2, 16, 0.3, BufferedImage.TYPE_INT_RGB), true, 2, 2, 0.9f);
        byte[] cut = Arrays.copyOf(jpeg, jpeg.length * 2 / 3);
        assertThatThrownBy(() -> BandedJpegDecoder.open(cut, cut.length, 0))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("truncated");

        // Cut inside the last scan but closed with an EOI marker: the scan runs out of data.
        byte[] closed = Arrays.copyOf(jpeg, jpeg.length - 200);
        closed[closed.length - 2] = (byte) 0xFF;
        closed[closed.length - 1] = (byte) 0xD9;
        assertThatThrownBy(() -> FfmpegJpegDecoder.decode(closed, closed.length, 0).close())
                .isInstanceOf(FfmpegJpegDecoder.Refused.class);
        assertThatThrownBy(() -> decode(closed, 0, 0)).isInstanceOf(JpegDecodeException.class);
    }

    /**
     * Random bytes (never FF, so markers stay intact) in the entropy-coded data: wherever FFmpeg
     * refuses the file this decoder throws too; where FFmpeg finds nothing wrong the planes are
     * the same, or this decoder refuses (it may be stricter, never laxer).
     */
    @Test
    void damagedScanDataThrowsWhereFfmpegRefuses() throws Exception {
        BufferedImage img = SyntheticPhoto.waves(320, 240, 4, 16, 0.3, BufferedImage.TYPE_INT_RGB);
        int refused = 0;
        for (boolean progressive : new boolean[] {false, true}) {
            byte[] clean = PlainJpegPathTest.jpeg(img, progressive, 2, 2, 0.9f);
            int sos = PlainJpegPathTest.indexOfMarker(clean, 0xDA);
            for (int seed = 0; seed < 12; seed++) {
                byte[] jpeg = clean.clone();
                Random random = new Random(seed);
                int from = sos + 20 + random.nextInt(clean.length / 2);
                for (int i = from; i < from + 1 + random.nextInt(40) && i < jpeg.length - 2; i++) {
                    if (jpeg[i] != (byte) 0xFF && jpeg[i - 1] != (byte) 0xFF) {
                        jpeg[i] = (byte) random.nextInt(0xFF);
                    }
                }
                Throwable ffmpeg = catchThrowable(() -> FfmpegJpegDecoder.decode(jpeg, jpeg.length, 0).close());
                Throwable mine = catchThrowable(() -> decode(jpeg, 0, 2));
                if (ffmpeg != null) {
                    refused++;
                    assertThat(mine).as("seed %d, progressive %s", seed, progressive)
                            .isInstanceOf(JpegDecodeException.class);
                } else if (mine == null) {
                    assertMatchesFfmpeg(jpeg, "damaged but accepted", 0, 2);
                } else {
                    assertThat(mine).isInstanceOf(JpegDecodeException.class);
                }
            }
        }
        assertThat(refused).as("files FFmpeg refused").isGreaterThan(6);
    }

    @Test
    void missingHuffmanTableIsRefused() throws Exception {
        byte[] jpeg = TestImages.jpeg(SyntheticPhoto.waves(64, 48, 1, 8, 0.2, BufferedImage.TYPE_INT_RGB), 0.9f);
        // Without DHT segments (FFmpeg would substitute its standard tables; this decoder refuses).
        byte[] noTables = withoutSegments(jpeg, 0xC4);
        assertThatThrownBy(() -> BandedJpegDecoder.open(noTables, noTables.length, 0))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("Huffman table");
        // A scan that selects table slot 3, which no DHT defines (FFmpeg refuses that too).
        byte[] slot3 = jpeg.clone();
        int sos = PlainJpegPathTest.indexOfMarker(slot3, 0xDA);
        slot3[sos + 6] = 0x33;
        assertThatThrownBy(() -> FfmpegJpegDecoder.decode(slot3, slot3.length, 0).close())
                .isInstanceOf(FfmpegJpegDecoder.Refused.class);
        assertThatThrownBy(() -> BandedJpegDecoder.open(slot3, slot3.length, 0))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining("Huffman table 3");
    }

    @Test
    void unsupportedCodingIsRefusedWithAReason() throws Exception {
        byte[] plain = TestImages.jpeg(SyntheticPhoto.waves(64, 48, 1, 8, 0.2, BufferedImage.TYPE_INT_RGB), 0.9f);
        int sof = PlainJpegPathTest.indexOfMarker(plain, 0xC0);
        assertThat(BandedJpegDecoder.open(plain, plain.length, 0).width()).isEqualTo(64);

        byte[] arithmetic = plain.clone();
        arithmetic[sof + 1] = (byte) 0xC9;
        assertRefused(arithmetic, "arithmetic");

        byte[] twelveBit = plain.clone();
        twelveBit[sof + 4] = 12;
        assertRefused(twelveBit, "12-bit");

        byte[] sampling411 = plain.clone();
        sampling411[sof + 11] = 0x41;
        assertRefused(sampling411, "sampling");

        byte[] notJpeg = "GIF89a...".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertRefused(notJpeg, "SOI");
    }

    /**
     * FFmpeg finds each segment by searching for the next marker from where its parser of the
     * previous one stopped; where that is not the segment's end and a marker code lies in the
     * bytes between, it would read a segment that is not there. Such files are refused.
     */
    @Test
    void segmentsFfmpegWouldNotSkipExactlyAreRefused() throws Exception {
        byte[] plain = TestImages.jpeg(SyntheticPhoto.waves(64, 48, 1, 8, 0.2, BufferedImage.TYPE_INT_RGB), 0.9f);
        // An extension segment FFmpeg does not parse, holding what looks like a DHT marker.
        byte[] extension = TestImages.insertAfterSoi(plain, new byte[] {(byte) 0xFF, (byte) 0xF0, 0, 6, (byte) 0xFF, (byte) 0xC4, 0, 0});
        assertRefused(extension, "segment 0xF0");
        // A JFIF segment whose thumbnail more than 10 bytes follow: FFmpeg skips the thumbnail's size less.
        byte[] app0 = new byte[2 + 2 + 4 + 8 + 2 + 3 + 11];
        byte[] head = {(byte) 0xFF, (byte) 0xE0, 0, (byte) (app0.length - 2), 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 1, 1};
        System.arraycopy(head, 0, app0, 0, head.length);
        app0[app0.length - 3] = (byte) 0xFF;
        app0[app0.length - 2] = (byte) 0xDA;
        assertRefused(TestImages.insertAfterSoi(plain, app0), "segment 0xE0");
        app0[app0.length - 2] = 0x12; // no marker code there: decoded, and as FFmpeg does
        assertMatchesFfmpeg(TestImages.insertAfterSoi(plain, app0), "JFIF thumbnail", 0, 0);
    }

    /**
     * The point of the decoder: with small bands it never holds the picture's coefficients. All
     * it allocates while decoding a 2400x1600 progressive picture in bands of 2 MCU rows (band
     * planes included) stays below a tenth of what the coefficients alone take in FFmpeg.
     */
    @Test
    void smallBandsHoldFewCoefficients() throws Exception {
        byte[] jpeg = PlainJpegPathTest.jpeg(
                SyntheticPhoto.waves(2400, 1600, 9, 24, 0.45, BufferedImage.TYPE_INT_RGB), true, 2, 2, 0.9f);
        long blocks = (2400 / 8) * (1600 / 8) * 3 / 2;
        long allCoefficients = blocks * 64 * Short.BYTES;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(tid);
        BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, jpeg.length, 0);
        BandedJpegDecoder.Band band = new BandedJpegDecoder.Band();
        long checksum = 0;
        for (int row = 0; row < decoder.mcuRows(); row += 2) {
            decoder.decode(row, Math.min(decoder.mcuRows(), row + 2), band);
            checksum += band.luma()[0];
        }
        long allocated = threads.getThreadAllocatedBytes(tid) - before;

        assertThat(decoder.bandBytesPerMcuRow()).isEqualTo((2 * 300 + 2 * 150) * (8 + 128L));
        assertThat(decoder.mcuRowsForBudget(16 << 20)).isEqualTo(100);
        System.out.printf("allocated %d bytes for %d bytes of coefficients (checksum %d)%n", allocated,
                allCoefficients, checksum);
        assertThat(allocated).isLessThan(allCoefficients / 10);
    }

    private static void assertRefused(byte[] jpeg, String reason) {
        assertThatThrownBy(() -> BandedJpegDecoder.open(jpeg, jpeg.length, 0))
                .isInstanceOf(JpegDecodeException.class).hasMessageContaining(reason);
    }

    /** Decodes with FFmpeg and with this decoder in bands of each height given (0: one band); all planes must match. */
    private static void assertMatchesFfmpeg(byte[] jpeg, String what, int lowres, int... bandRows) throws Exception {
        BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, jpeg.length, lowres);
        int[] w = planeWidths(decoder);
        int[] h = planeHeights(decoder);
        byte[][] expected = new byte[w.length][];
        try (FfmpegJpegDecoder.Frame frame = FfmpegJpegDecoder.decode(jpeg, jpeg.length, lowres)) {
            assertThat(decoder.width()).as("%s lowres %d width", what, lowres).isEqualTo(frame.width());
            assertThat(decoder.height()).as("%s lowres %d height", what, lowres).isEqualTo(frame.height());
            for (int c = 0; c < w.length; c++) {
                expected[c] = frame.copyPlane(c, w[c], h[c]);
            }
        }
        for (int rows : bandRows) {
            byte[][] actual = decode(jpeg, lowres, rows);
            for (int c = 0; c < w.length; c++) {
                int at = mismatch(expected[c], actual[c]);
                assertThat(at).as("%s lowres %d, bands of %d MCU rows: plane %d differs from FFmpeg's at (%d, %d)",
                        what, lowres, rows, c, at % w[c], at / w[c]).isNegative();
            }
        }
    }

    /** The whole picture through bands of {@code bandRows} MCU rows (0: one band), as packed planes. */
    private static byte[][] decode(byte[] jpeg, int lowres, int bandRows) throws JpegDecodeException {
        BandedJpegDecoder decoder = BandedJpegDecoder.open(jpeg, jpeg.length, lowres);
        byte[][] planes = planes(decoder);
        BandedJpegDecoder.Band band = new BandedJpegDecoder.Band();
        int step = bandRows == 0 ? decoder.mcuRows() : bandRows;
        for (int row = 0; row < decoder.mcuRows(); row += step) {
            decoder.decode(row, Math.min(decoder.mcuRows(), row + step), band);
            copy(decoder, band, planes);
        }
        return planes;
    }

    private static byte[][] planes(BandedJpegDecoder decoder) {
        int[] w = planeWidths(decoder);
        int[] h = planeHeights(decoder);
        byte[][] planes = new byte[w.length][];
        for (int c = 0; c < w.length; c++) {
            planes[c] = new byte[w[c] * h[c]];
        }
        return planes;
    }

    private static void copy(BandedJpegDecoder decoder, BandedJpegDecoder.Band band, byte[][] planes) {
        int w = decoder.width();
        assertThat(band.lumaStride()).isEqualTo(w);
        System.arraycopy(band.luma(), 0, planes[0], band.firstRow() * w, band.rows() * w);
        if (!decoder.grey()) {
            int cw = decoder.chromaWidth();
            assertThat(band.chromaStride()).isEqualTo(cw);
            System.arraycopy(band.cb(), 0, planes[1], band.firstChromaRow() * cw, band.chromaRows() * cw);
            System.arraycopy(band.cr(), 0, planes[2], band.firstChromaRow() * cw, band.chromaRows() * cw);
        }
    }

    private static int[] planeWidths(BandedJpegDecoder d) {
        return d.grey() ? new int[] {d.width()} : new int[] {d.width(), d.chromaWidth(), d.chromaWidth()};
    }

    private static int[] planeHeights(BandedJpegDecoder d) {
        return d.grey() ? new int[] {d.height()} : new int[] {d.height(), d.chromaHeight(), d.chromaHeight()};
    }

    private static int mismatch(byte[] a, byte[] b) {
        return Arrays.mismatch(a, b);
    }

    /** Offset of the first RSTn marker with number {@code n}. */
    private static int indexOfRst(byte[] jpeg, int n) {
        for (int i = PlainJpegPathTest.indexOfMarker(jpeg, 0xDA); i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xFF) == 0xD0 + n) {
                return i;
            }
        }
        throw new AssertionError("no RST" + n);
    }

    private static byte[] withoutSegments(byte[] jpeg, int marker) {
        List<byte[]> parts = new ArrayList<>();
        int pos = 2;
        int kept = 2;
        while (true) {
            int m = jpeg[pos + 1] & 0xFF;
            int next = pos + 2 + ((jpeg[pos + 2] & 0xFF) << 8 | (jpeg[pos + 3] & 0xFF));
            if (m == marker) {
                parts.add(Arrays.copyOfRange(jpeg, kept, pos));
                kept = next;
            }
            if (m == 0xDA) {
                break;
            }
            pos = next;
        }
        parts.add(Arrays.copyOfRange(jpeg, kept, jpeg.length));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** How many times marker FF {@code marker} occurs in the file. */
    private static int count(byte[] jpeg, int marker) {
        int n = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                n++;
            }
        }
        return n;
    }
}
