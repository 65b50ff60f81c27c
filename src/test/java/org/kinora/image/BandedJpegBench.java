package org.kinora.image;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Times {@link BandedJpegDecoder} against {@link FfmpegJpegDecoder} on every JPEG of a folder:
 * thread CPU time of a whole decode, median of 7 runs after two warm-up passes, for FFmpeg, for
 * this decoder with the whole picture as one band, and with bands that fit a 16 MB coefficient
 * budget; plus the coefficient memory each holds at most. Not a test (needs real photos):
 * {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.kinora.image.BandedJpegBench DIR [LOWRES]}.
 */
public final class BandedJpegBench {

    private static final long BUDGET = 16L << 20;
    private static final int RUNS = 7;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int lowres = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        List<Path> photos;
        try (Stream<Path> s = Files.list(dir)) {
            photos = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().toList();
        }
        for (int warm = 0; warm < 2; warm++) {
            for (Path p : photos) {
                byte[] jpeg = Files.readAllBytes(p);
                ffmpeg(jpeg, lowres);
                banded(jpeg, lowres, 0);
                banded(jpeg, lowres, BUDGET);
            }
        }
        System.out.printf(Locale.ROOT, "lowres %d, CPU ms (median of %d)%n", lowres, RUNS);
        System.out.println("| photo | size | coding | FFmpeg | banded, one band | banded, 16 MB | bands "
                + "| FFmpeg coefficients | banded coefficients, one band | 16 MB |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Path p : photos) {
            byte[] jpeg = Files.readAllBytes(p);
            BandedJpegDecoder d = BandedJpegDecoder.open(jpeg, jpeg.length, lowres);
            JpegStructure s = JpegStructure.parse(jpeg);
            double[] f = new double[RUNS];
            double[] whole = new double[RUNS];
            double[] budget = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                f[i] = ffmpeg(jpeg, lowres);
                whole[i] = banded(jpeg, lowres, 0);
                budget[i] = banded(jpeg, lowres, BUDGET);
            }
            int rows = d.mcuRowsForBudget(BUDGET);
            int bands = (d.mcuRows() + rows - 1) / rows;
            boolean progressive = s.frameMarker() == 0xC2;
            System.out.printf(Locale.ROOT, "| %s | %dx%d | %s | %.0f | %.0f | %.0f | %d | %s | %s | %s |%n",
                    p.getFileName().toString().substring(0, 2), s.width(), s.height(),
                    progressive ? "progressive" : "baseline", median(f), median(whole), median(budget), bands,
                    progressive ? mb(ffmpegCoefficientBytes(s)) : "0", mb(d.bandBytesPerMcuRow() * d.mcuRows()),
                    mb(d.bandBytesPerMcuRow() * rows));
        }
    }

    /** What libavcodec allocates for a progressive picture's coefficients: 128 bytes and a last_nnz byte per block. */
    private static long ffmpegCoefficientBytes(JpegStructure s) {
        int hMax = s.hSampling()[0];
        int vMax = s.vSampling()[0];
        long mcus = (long) ((s.width() + 8 * hMax - 1) / (8 * hMax)) * ((s.height() + 8 * vMax - 1) / (8 * vMax));
        long blocks = 0;
        for (int c = 0; c < s.components().length; c++) {
            blocks += mcus * s.hSampling()[c] * s.vSampling()[c];
        }
        return blocks * 129;
    }

    private static double ffmpeg(byte[] jpeg, int lowres) throws Exception {
        long t0 = THREADS.getCurrentThreadCpuTime();
        FfmpegJpegDecoder.decode(jpeg, jpeg.length, lowres).close();
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    /** A whole decode in bands that fit {@code budget} bytes of coefficients (0: one band). */
    private static double banded(byte[] jpeg, int lowres, long budget) throws Exception {
        long t0 = THREADS.getCurrentThreadCpuTime();
        BandedJpegDecoder d = BandedJpegDecoder.open(jpeg, jpeg.length, lowres);
        BandedJpegDecoder.Band band = new BandedJpegDecoder.Band();
        int rows = budget == 0 ? d.mcuRows() : d.mcuRowsForBudget(budget);
        for (int r = 0; r < d.mcuRows(); r += rows) {
            d.decode(r, Math.min(d.mcuRows(), r + rows), band);
        }
        return (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }
}
