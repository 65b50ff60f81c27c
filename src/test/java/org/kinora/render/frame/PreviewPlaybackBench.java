package org.kinora.render.frame;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoLoader;
import org.kinora.model.Project;
import org.kinora.project.ProjectFile;

/**
 * Preview playback benchmark (not a unit test): plays a project in real time the way the editor's
 * preview does (960x540, whole photos, two threads, at most two frames in flight) and counts the
 * frames that finish after the next one was due, with or without loading the next photo ahead.
 * Run: see docs/benchmarks.md ("next photo loaded ahead").
 *
 * <p>Arguments: project file, {@code ahead} or {@code demand}, frames to play, first frame counted
 * (the frames before it warm the JIT up).
 */
public final class PreviewPlaybackBench {

    private static final int W = 960;
    private static final int H = 540;

    public static void main(String[] args) throws Exception {
        Project loaded = ProjectFile.load(Path.of(args[0]));
        boolean ahead = args[1].equals("ahead");
        Project project = loaded.withOutput(loaded.output().withSize(W, H));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        PhotoCache previewCache = new PhotoCache(256L << 20);
        try (FrameRenderer renderer = new FrameRenderer(project, new PhotoLoader(), previewCache, false)) {
            int frames = Math.min(renderer.frameCount(), Integer.parseInt(args[2]));
            int counted = Integer.parseInt(args[3]);
            long nanosPerFrame = 1_000_000_000L / project.output().fps();
            long start = System.nanoTime() + 500_000_000L;
            long[] done = new long[frames];
            Semaphore inFlight = new Semaphore(2);
            for (int f = 0; f < frames; f++) {
                TimeUnit.NANOSECONDS.sleep(start + f * nanosPerFrame - System.nanoTime());
                inFlight.acquire();
                int frame = f;
                pool.execute(() -> {
                    try {
                        renderer.renderArgb(frame, new int[W * H]);
                        done[frame] = System.nanoTime();
                    } catch (Exception e) {
                        throw new IllegalStateException("frame " + frame, e);
                    } finally {
                        inFlight.release();
                    }
                    if (ahead) {
                        renderer.prepareAhead(frame);
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            int late = 0;
            long worst = 0;
            for (int f = counted; f < frames; f++) {
                long lateBy = done[f] - (start + (f + 1) * nanosPerFrame);
                if (lateBy > 0) {
                    late++;
                    worst = Math.max(worst, lateBy);
                }
            }
            System.out.printf(Locale.ROOT,
                    "%s: %d of frames %d-%d late (done after the next frame was due), worst by %.0f ms%n",
                    args[1], late, counted, frames - 1, worst / 1e6);
        }
    }
}
