package org.kinora.image;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Times photo preparation as the renderer does it (PhotoLoader.load to 2400x1350, then
 * YuvPhoto.fromRgb with 3 levels) on every photo of a folder: median of 3 runs per photo, plus
 * thread CPU time. Not a test (needs real photos):
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.kinora.image.PhotoPrepBench DIR [--dump D | --compare D] [--imageio]}.
 * --dump writes the loaded RGB planes; --compare reports PSNR of this build's output against them;
 * --imageio decodes every JPEG through ImageIO (the path before the FFmpeg decoder).
 * Ends with the process's peak RSS (VmHWM), which includes native decode buffers.
 */
public final class PhotoPrepBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<String> options = List.of(args);
        int d = options.indexOf("--dump");
        int c = options.indexOf("--compare");
        Path dump = d > 0 ? Path.of(args[d + 1]) : null;
        Path compare = c > 0 ? Path.of(args[c + 1]) : null;
        boolean imageio = options.contains("--imageio");
        List<Path> photos;
        try (Stream<Path> s = Files.list(dir)) {
            photos = s.filter(p -> p.toString().toLowerCase().endsWith(".jpg")).sorted().collect(Collectors.toList());
        }
        PhotoLoader loader = new PhotoLoader(PhotoLoader.DEFAULT_MAX_PIXELS, !imageio);
        var bean = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        // Warm-up: one pass over all photos.
        for (Path p : photos) {
            YuvPhoto.fromRgb(loader.load(p, 2400, 1350), 3);
        }
        double totalLoad = 0;
        double totalYuv = 0;
        for (Path p : photos) {
            double[] load = new double[3];
            double[] yuv = new double[3];
            long alloc0 = bean.getCurrentThreadAllocatedBytes();
            RgbImage rgb = null;
            for (int i = 0; i < 3; i++) {
                long t0 = bean.getCurrentThreadCpuTime();
                rgb = loader.load(p, 2400, 1350);
                long t1 = bean.getCurrentThreadCpuTime();
                YuvPhoto.fromRgb(rgb, 3);
                long t2 = bean.getCurrentThreadCpuTime();
                load[i] = (t1 - t0) / 1e6;
                yuv[i] = (t2 - t1) / 1e6;
            }
            long alloc = (bean.getCurrentThreadAllocatedBytes() - alloc0) / 3;
            Arrays.sort(load);
            Arrays.sort(yuv);
            totalLoad += load[1];
            totalYuv += yuv[1];
            String q = "";
            if (dump != null) {
                write(dump.resolve(p.getFileName() + ".rgb"), rgb);
            } else if (compare != null) {
                q = String.format(" PSNR %.2f dB", psnr(read(compare.resolve(p.getFileName() + ".rgb")), rgb));
            }
            System.out.printf("%-52s %4dx%-4d load %6.1f ms  fromRgb %5.1f ms  alloc %4d MB%s%n",
                    p.getFileName(), rgb.width(), rgb.height(), load[1], yuv[1], alloc >> 20, q);
        }
        System.out.printf("TOTAL (medians, CPU ms): load %.0f  fromRgb %.0f  sum %.0f%n", totalLoad, totalYuv, totalLoad + totalYuv);
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM")) {
                    System.out.println("peak RSS " + line.substring(6).strip());
                }
            }
        }
    }

    private static void write(Path f, RgbImage img) throws IOException {
        Files.createDirectories(f.getParent());
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(f)))) {
            out.writeInt(img.width());
            out.writeInt(img.height());
            for (Plane pl : List.of(img.red(), img.green(), img.blue())) {
                for (int i = 0; i < img.width() * img.height(); i++) {
                    out.writeFloat(pl.data()[i]);
                }
            }
        }
    }

    private static RgbImage read(Path f) throws IOException {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(f)))) {
            int w = in.readInt();
            int h = in.readInt();
            RgbImage img = RgbImage.blank(w, h);
            for (Plane pl : List.of(img.red(), img.green(), img.blue())) {
                for (int i = 0; i < w * h; i++) {
                    pl.data()[i] = in.readFloat();
                }
            }
            return img;
        }
    }

    private static double psnr(RgbImage a, RgbImage b) {
        if (a.width() != b.width() || a.height() != b.height()) {
            throw new IllegalStateException("sizes differ");
        }
        double se = 0;
        long n = 0;
        Plane[] pa = {a.red(), a.green(), a.blue()};
        Plane[] pb = {b.red(), b.green(), b.blue()};
        for (int c = 0; c < 3; c++) {
            float[] x = pa[c].data();
            float[] y = pb[c].data();
            for (int i = 0; i < a.width() * a.height(); i++) {
                double d = Math.max(0, Math.min(255, x[i])) - Math.max(0, Math.min(255, y[i]));
                se += d * d;
                n++;
            }
        }
        return se == 0 ? 99 : 10 * Math.log10(255.0 * 255.0 / (se / n));
    }
}
