package org.kinora.render.frame;

import java.nio.file.Path;
import java.util.Locale;
import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoLoader;
import org.kinora.model.Project;
import org.kinora.project.ProjectFile;
import org.kinora.render.pipeline.EncoderOnlyBench;

/**
 * Frame generation with 1, 2, ... photos loaded ahead (not a unit test): each pass renders every
 * frame of a project on {@code threads} threads with a fresh renderer, as {@code kinora bench}'s
 * frame-generation phase does, the settings taken in turn so that machine load hits them alike.
 * Run: see docs/benchmarks.md ("several photos ahead").
 *
 * <p>Arguments: project file, threads, passes, photos ahead to compare (comma-separated).
 */
public final class PhotosAheadBench {

    public static void main(String[] args) throws Exception {
        Project project = ProjectFile.load(Path.of(args[0]));
        int threads = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        String[] aheads = args[3].split(",");
        for (int pass = 1; pass <= passes; pass++) {
            for (String a : aheads) {
                int ahead = Integer.parseInt(a.trim());
                try (FrameRenderer renderer = new FrameRenderer(project, new PhotoLoader(), new PhotoCache(), true,
                        ahead)) {
                    double fps = EncoderOnlyBench.generationOnlyFps(renderer, threads);
                    System.out.printf(Locale.ROOT, "pass %d, %d threads, photos ahead %d: %.1f frames/s (%d loads; "
                                    + "frames waited %.2f s for photos)%n", pass, threads, ahead, fps,
                            renderer.cache().loadCount(), renderer.photoWaited().toNanos() / 1e9);
                }
            }
        }
    }
}
