package org.kinora.render.frame;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.View;
import org.kinora.render.YuvFrame;

/**
 * Frame-generation benchmark (not a unit test): 1080p frames written as YUV 4:2:0.
 * Run: see docs/benchmarks.md ("Frame renderer"). Decoding is excluded (the cache is warmed first).
 */
public final class FrameRendererBench {

    private static final int W = 1920;
    private static final int H = 1080;

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3.0;
        if (args.length > 1) {
            quality = Quality.valueOf(args[1]); // DRAFT renders with the tent kernel
        }
        Path dir = Files.createTempDirectory("kinora-bench");
        System.out.printf(Locale.ROOT, "java %s, %d cpus, quality %s (kernel %s), horizontal pass %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), quality,
                FrameRenderer.kernelFor(quality), Simd.describe());
        Path p24 = TestPhotos.writeJpeg(TestPhotos.detailed(6000, 4000, 24), dir.resolve("24mp.jpg"));
        Path p6 = TestPhotos.writeJpeg(TestPhotos.detailed(3000, 2000, 6), dir.resolve("6mp.jpg"));
        for (Path photo : List.of(p24, p6)) {
            String name = photo.getFileName().toString().replace(".jpg", "");
            // A slide zooming 1.0 -> 1.25: its first frames are at zoom 1.0 (the photo is decoded
            // for zoom 1.25, so 1.25 photo px per output px: 5 taps), its last at 1.25 (1:1, 4 taps).
            Motion zoomIn = new Motion(new View(0.5, 0.5, 1.0), new View(0.4, 0.6, 1.25), Easing.LINEAR);
            // A pan at zoom 1.0 (decoded for zoom 1.0: 1:1, 4 taps).
            Motion pan = new Motion(new View(0.5, 0.4, 1.0), new View(0.5, 0.6, 1.0), Easing.LINEAR);
            try (FrameRenderer r = new FrameRenderer(project(List.of(slide(photo, zoomIn, Transition.NONE))))) {
                int last = r.frameCount() - 1;
                measure(r, name + " zoom 1.00 of a 1.0->1.25 zoom", new int[] {0, 1, 2, 3}, seconds);
                measure(r, name + " zoom 1.25 of a 1.0->1.25 zoom", new int[] {last - 3, last - 2, last - 1, last}, seconds);
            }
            try (FrameRenderer r = new FrameRenderer(project(List.of(slide(photo, pan, Transition.NONE))))) {
                measure(r, name + " pan at zoom 1.00", new int[] {40, 41, 42, 43}, seconds);
            }
        }
        Path portrait = TestPhotos.writeJpeg(TestPhotos.detailed(2000, 3000, 9), dir.resolve("6mp-portrait.jpg"));
        Motion portraitZoom = new Motion(new View(0.5, 0.5, 1.0), new View(0.5, 0.4, 1.25), Easing.LINEAR);
        Slide blurred = new Slide(portrait, 4.0, portraitZoom, FitMode.BLUR, Transition.NONE, "");
        try (FrameRenderer r = new FrameRenderer(project(List.of(blurred)))) {
            measure(r, "6mp portrait, blur fit, zoom 1.00 of 1.0->1.25", new int[] {0, 1, 2, 3}, seconds);
        }
        Motion a = new Motion(new View(0.5, 0.5, 1.0), new View(0.3, 0.35, 1.2), Easing.LINEAR);
        Motion b = new Motion(new View(0.5, 0.5, 1.0), new View(0.7, 0.6, 1.2), Easing.LINEAR);
        Project cross = project(List.of(slide(p24, a, Transition.crossfade(1.0)), slide(p6, b, Transition.NONE)));
        try (FrameRenderer r = new FrameRenderer(cross)) {
            int start = cross.timeline().startFrame(1);
            int[] frames = new int[28];
            Arrays.setAll(frames, i -> start + 1 + i);
            measure(r, "crossfade 24mp -> 6mp (zoom 1.0-1.2)", frames, seconds);
        }
    }

    private static Slide slide(Path photo, Motion m, Transition t) {
        return new Slide(photo, 4.0, m, FitMode.FILL, t, "");
    }

    private static Quality quality = Quality.STANDARD;

    private static Project project(List<Slide> slides) {
        return new Project(OutputSettings.FULL_HD.withQuality(quality), slides, List.of());
    }

    private static void measure(FrameRenderer r, String label, int[] frames, double seconds) throws Exception {
        single(r, label, frames, seconds);
        throughput(r, label, frames, 1, seconds);
        throughput(r, label, frames, 2, seconds);
    }

    private static void single(FrameRenderer r, String label, int[] frames, double seconds) throws Exception {
        YuvFrame out = new YuvFrame(W, H);
        for (int f : frames) {
            r.renderYuv(f, out); // decode + warm the cache
        }
        long warmEnd = System.nanoTime() + (long) (seconds * 0.5e9);
        int i = 0;
        while (System.nanoTime() < warmEnd) {
            r.renderYuv(frames[i++ % frames.length], out);
        }
        List<Double> batches = new ArrayList<>();
        List<Double> cpuBatches = new ArrayList<>();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (int k = 0; k < 10; k++) {
                r.renderYuv(frames[i++ % frames.length], out);
            }
            cpuBatches.add((mx.getCurrentThreadCpuTime() - c0) / 10 / 1e6);
            batches.add((System.nanoTime() - t0) / 10 / 1e6);
        }
        batches.sort(null);
        cpuBatches.sort(null);
        System.out.printf(Locale.ROOT, "%-52s 1 thread: CPU %.2f ms/frame (median; best %.2f), wall %.2f (%d batches of 10)%n",
                label, cpuBatches.get(cpuBatches.size() / 2), cpuBatches.get(0), batches.get(batches.size() / 2),
                batches.size());
    }

    private static void throughput(FrameRenderer r, String label, int[] frames, int threads, double seconds)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<Integer>> futures = new ArrayList<>();
            long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
            long end = warmEnd + (long) (seconds * 1e9);
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    YuvFrame out = new YuvFrame(W, H);
                    int n = 0;
                    while (true) {
                        long now = System.nanoTime();
                        if (now >= end) {
                            break;
                        }
                        r.renderYuv(frames[Math.floorMod(next.getAndIncrement(), frames.length)], out);
                        if (now >= warmEnd) {
                            n++;
                        }
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            System.out.printf(Locale.ROOT, "%-52s %d thread%s: %.1f frames/s (wall)%n", label, threads,
                    threads == 1 ? " " : "s", total / seconds);
        } finally {
            pool.shutdown();
        }
    }
}
