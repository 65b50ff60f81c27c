package org.kinora.image;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Photo load latency (not a unit test): loads every JPEG of a folder one after another, the way a
 * slide's photo is prepared for the renderer ({@link PhotoLoader#loadYuv}, 2 mip levels), and
 * prints each pass's wall and process CPU time and each photo's milliseconds.
 * Run: see docs/benchmarks.md ("next band decoded on a helper thread").
 *
 * <p>Arguments: folder, passes, target width, target height.
 */
public final class PhotoLoadBench {

    public static void main(String[] args) throws Exception {
        List<Path> photos;
        try (var files = Files.list(Path.of(args[0]))) {
            photos = files.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).sorted().toList();
        }
        int passes = Integer.parseInt(args[1]);
        int width = Integer.parseInt(args[2]);
        int height = Integer.parseInt(args[3]);
        PhotoLoader loader = new PhotoLoader();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int pass = 1; pass <= passes; pass++) {
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            StringBuilder each = new StringBuilder();
            for (Path photo : photos) {
                long t = System.nanoTime();
                loader.loadYuv(photo, width, height, null, 2);
                each.append(' ').append((System.nanoTime() - t) / 1_000_000);
            }
            System.out.printf(Locale.ROOT, "pass %d: %.0f ms wall, %.0f ms CPU; ms per photo:%s%n", pass,
                    (System.nanoTime() - start) / 1e6, (os.getProcessCpuTime() - cpu) / 1e6, each);
        }
    }
}
