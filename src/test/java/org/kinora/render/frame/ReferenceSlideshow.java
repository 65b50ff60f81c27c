package org.kinora.render.frame;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.kinora.image.PhotoInfo;
import org.kinora.image.PhotoLoader;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.View;
import org.kinora.model.ViewRect;
import org.kinora.render.YuvFrame;

/**
 * Renders the reference slideshow of ../shared/bench/README.md (12 photos, 4 s clips, 1 s
 * crossfades, cover, zoom 1.0 -> 1.2 about anchors fixed on screen) with the frame renderer alone
 * and writes raw I420 frames to stdout, for an encoder and jitter.py to judge the motion before the
 * render pipeline exists. Usage: ReferenceSlideshow PHOTO_DIR [THREADS] | ffmpeg -f rawvideo ...
 * With {@code --save FILE.kinora} as second and third argument it writes the project file instead,
 * for {@code kinora render}.
 */
public final class ReferenceSlideshow {

    private static final double[][] ANCHORS = {{0.30, 0.35}, {0.70, 0.60}, {0.65, 0.30}, {0.35, 0.65}};

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 2;
        List<Path> photos;
        try (Stream<Path> s = Files.list(dir)) {
            photos = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jpg")).sorted().toList();
        }
        Project project = project(photos);
        if (args.length > 2 && args[1].equals("--save")) {
            org.kinora.project.ProjectFile.save(project, Path.of(args[2]));
            return;
        }
        long t0 = System.nanoTime();
        try (FrameRenderer r = new FrameRenderer(project);
             FileChannel out = new FileOutputStream(FileDescriptor.out).getChannel()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Deque<Future<YuvFrame>> window = new ArrayDeque<>();
            int next = 0;
            int n = r.frameCount();
            while (next < n || !window.isEmpty()) {
                while (next < n && window.size() < 4 * threads) {
                    int i = next++;
                    window.add(pool.submit(() -> {
                        YuvFrame f = new YuvFrame(1920, 1080);
                        r.renderYuv(i, f);
                        return f;
                    }));
                }
                ByteBuffer b = window.removeFirst().get().data().duplicate();
                b.clear();
                while (b.hasRemaining()) {
                    out.write(b);
                }
            }
            pool.shutdown();
            System.err.printf("%d frames in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        }
    }

    static Project project(List<Path> photos) throws Exception {
        PhotoLoader loader = new PhotoLoader();
        List<Slide> slides = new ArrayList<>();
        double outAspect = 16.0 / 9.0;
        for (int i = 0; i < photos.size(); i++) {
            PhotoInfo info = loader.probe(photos.get(i));
            ViewRect base = ViewRect.of(View.FULL, info.aspect(), outAspect, false);
            double[] a = ANCHORS[i % ANCHORS.length];
            double z = 1.2;
            // The anchor (a fraction of the zoom-1 frame) stays put on screen: see Motion.
            double cx = 0.5 + (a[0] - 0.5) * base.width() * (1 - 1 / z);
            double cy = 0.5 + (a[1] - 0.5) * base.height() * (1 - 1 / z);
            Motion m = new Motion(View.FULL, new View(cx, cy, z), Easing.LINEAR);
            Transition t = i + 1 < photos.size() ? Transition.crossfade(1.0) : Transition.NONE;
            slides.add(new Slide(photos.get(i), 4.0, m, FitMode.FILL, t, ""));
        }
        return new Project(OutputSettings.FULL_HD, slides, List.of());
    }
}
