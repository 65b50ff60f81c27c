package org.kinora.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Benchmark (a main class, not a test): how soon thumbnails appear after 200 photos are dropped on
 * the editor. Opens the real editor window with the app's own thread pools, preview renderer and
 * exporter, waits until it is idle, then drops a folder of 200 photos through
 * {@link Filmstrip#dropFiles}, the handler the filmstrip's drag board calls. Every layout pulse it
 * notes (milliseconds after the drop):
 * <ul>
 * <li>slides: the first slide cell is laid out in the filmstrip;</li>
 * <li>first thumb: the first visible cell shows its photo (not the placeholder);</li>
 * <li>visible: every slide cell in view shows its photo (how many are in view is printed);</li>
 * <li>10 / 200 decoded: that many thumbnails have been delivered to the filmstrip's cache (the
 * strip is virtualised: it only asks for the cells it shows, so 200 is reached only if something
 * asks for them all);</li>
 * <li>inserted: all 200 slides are in the project.</li>
 * </ul>
 *
 * <p>Usage: {@code DropLatencyBench [generated | PHOTO_DIR] [timeoutSeconds]}. "generated" (the
 * default) writes 12 distinct 4000x3000 JPEGs with noise and detail (about 5 MB each, like a camera
 * file) once into the temp folder; a PHOTO_DIR has its JPEGs cycled. Either way the dropped folder
 * holds 200 distinct file names (hard links, or copies where links cannot be made).
 * {@code -Dbench.nopreview=true} leaves the preview renderer out, to see what it costs the strip.
 */
public final class DropLatencyBench {

    private static final int PHOTOS = 200;
    private static Path folder;
    private static double timeoutSeconds = 60;

    public static void main(String[] args) throws Exception {
        String source = args.length > 0 ? args[0] : "generated";
        if (args.length > 1) {
            timeoutSeconds = Double.parseDouble(args[1]);
        }
        folder = prepare(source);
        System.out.printf(Locale.ROOT, "photos: %s (%d files), loadavg before: %s%n", folder,
                countFiles(folder), loadAverage());
        // The JavaFX application is a nested class: the java launcher refuses a main class that is
        // an Application when JavaFX is on the class path rather than the module path.
        Application.launch(Editor.class, args);
    }

    /** The editor window and the observer. */
    public static final class Editor extends Application {

        private final Preferences prefs = Preferences.userRoot().node("org/kinora/bench/" + UUID.randomUUID());
        private ExecutorService io;
        private ExecutorService previewThreads;
        private FramePreviewRenderer.Factory previewFactory;
        private EditorWindow window;
        private Stage stage;
        private long dropNanos;
        private final long[] at = new long[6]; // slides, first thumb, all visible, 10 decoded, 200 decoded, inserted
        private int visibleCells;
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private long fxCpuAtDrop;
        private long processCpuAtDrop;
        private String cpuAtFirstThumb = "never";
        private Map<?, ?> thumbnailCache;

        @Override
        public void start(Stage stage) throws Exception {
            this.stage = stage;
            io = KinoraApp.ioThreads();
            previewThreads = KinoraApp.previewThreads();
            previewFactory = Boolean.getBoolean("bench.nopreview") ? null : Integrations.previewFactory();
            Path autosave = Files.createTempDirectory("kinora-bench-autosave");
            EditorServices services = new EditorServices(io, previewThreads, Platform::runLater, previewFactory,
                    Integrations.exporter(), new RecentFiles(prefs), new Autosave(autosave));
            window = new EditorWindow(stage, services);
            stage.show();
            Field cacheField = Thumbnails.class.getDeclaredField("cache");
            cacheField.setAccessible(true);
            Field thumbsField = EditorWindow.class.getDeclaredField("thumbnails");
            thumbsField.setAccessible(true);
            thumbnailCache = (Map<?, ?>) cacheField.get(thumbsField.get(window));
            stage.getScene().addPostLayoutPulseListener(this::observe);
            // Let the window open and settle (first layout, CSS, fonts) as it has when a user drops.
            javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
            settle.setOnFinished(e -> drop());
            settle.play();
        }

        private void drop() {
            System.out.printf(Locale.ROOT, "window %.0fx%.0f, loadavg at drop: %s%n", stage.getWidth(),
                    stage.getHeight(), loadAverage());
            fxCpuAtDrop = threads.getCurrentThreadCpuTime();
            processCpuAtDrop = os.getProcessCpuTime();
            dropNanos = System.nanoTime();
            window.filmstrip().dropFiles(List.of(folder), 0);
            javafx.animation.PauseTransition timeout = new javafx.animation.PauseTransition(
                    javafx.util.Duration.seconds(timeoutSeconds));
            timeout.setOnFinished(e -> finish(true));
            timeout.play();
        }

        /** After each layout pass, before the frame is drawn: what the user is about to see. */
        private void observe() {
            if (dropNanos == 0 || at[0] < 0) {
                return;
            }
            long now = System.nanoTime() - dropNanos;
            Bounds strip = window.filmstrip().list().localToScene(window.filmstrip().list().getLayoutBounds());
            int inView = 0;
            int shown = 0;
            for (Node n : window.filmstrip().list().lookupAll(".slide-cell")) {
                if (!(n instanceof ListCell<?> cell) || !cell.isVisible() || cell.isEmpty() || cell.getGraphic() == null) {
                    continue;
                }
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                if (!b.intersects(strip)) {
                    continue;
                }
                inView++;
                Node image = cell.getGraphic().lookup(".thumb-frame");
                if (image != null && ((javafx.scene.Parent) image).getChildrenUnmodifiable().stream()
                        .anyMatch(c -> c instanceof ImageView v && v.getImage() != null)) {
                    shown++;
                }
            }
            int decoded = thumbnailCache.size();
            int inserted = window.project().slides().size();
            mark(0, inView > 0, now);
            if (shown > 0 && at[1] == 0) {
                // CPU time, unlike wall time, hardly depends on what else the machine runs
                cpuAtFirstThumb = String.format(Locale.ROOT, "JavaFX thread %.0f ms, whole process %.0f ms",
                        (threads.getCurrentThreadCpuTime() - fxCpuAtDrop) / 1e6,
                        (os.getProcessCpuTime() - processCpuAtDrop) / 1e6);
            }
            mark(1, shown > 0, now);
            if (inView > 0 && shown == inView && at[2] == 0) {
                visibleCells = inView;
            }
            mark(2, inView > 0 && shown == inView, now);
            mark(3, decoded >= 10, now);
            mark(4, decoded >= PHOTOS, now);
            mark(5, inserted >= PHOTOS, now);
            if (at[4] > 0 && at[5] > 0) {
                finish(false);
            }
        }

        private void mark(int i, boolean reached, long now) {
            if (reached && at[i] == 0) {
                at[i] = now;
            }
        }

        private void finish(boolean timedOut) {
            if (at[0] < 0) {
                return;
            }
            int decoded = thumbnailCache.size();
            System.out.printf(Locale.ROOT, "after %s: %d slides, %d thumbnails decoded, loadavg %s%n",
                    timedOut ? "timeout " + timeoutSeconds + " s" : "all decoded", window.project().slides().size(),
                    decoded, loadAverage());
            System.out.printf(Locale.ROOT, "RESULT ms: slides %s | first thumb %s | all %d visible %s | 10 decoded %s"
                            + " | 200 decoded %s | 200 inserted %s%n",
                    ms(at[0]), ms(at[1]), visibleCells, ms(at[2]), ms(at[3]), ms(at[4]), ms(at[5]));
            System.out.println("CPU until the first thumbnail: " + cpuAtFirstThumb);
            at[0] = -1;
            io.shutdownNow();
            previewThreads.shutdownNow();
            if (previewFactory != null) {
                previewFactory.close();
            }
            try {
                prefs.removeNode();
            } catch (java.util.prefs.BackingStoreException e) {
                System.err.println("could not remove the bench preferences: " + e.getMessage());
            }
            Platform.exit();
        }

    }

    private static String ms(long nanos) {
        return nanos <= 0 ? "never" : String.format(Locale.ROOT, "%.0f", nanos / 1e6);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    // ---- photos ------------------------------------------------------------------------------

    private static Path prepare(String source) throws IOException {
        Path base = Path.of(System.getProperty("java.io.tmpdir"), "kinora-drop-bench");
        List<Path> originals;
        Path drop;
        if (source.equals("generated")) {
            Path made = Files.createDirectories(base.resolve("generated-originals"));
            originals = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Path p = made.resolve(String.format(Locale.ROOT, "camera_%02d.jpg", i));
                if (!Files.exists(p)) {
                    writeJpeg(photo(4000, 3000, i), p);
                }
                originals.add(p);
            }
            drop = base.resolve("drop-generated");
        } else {
            try (Stream<Path> s = Files.list(Path.of(source))) {
                originals = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jpg"))
                        .sorted().toList();
            }
            if (originals.isEmpty()) {
                throw new IOException("no .jpg in " + source);
            }
            drop = base.resolve("drop-" + Path.of(source).getFileName());
        }
        Files.createDirectories(drop);
        for (int i = 0; i < PHOTOS; i++) {
            Path original = originals.get(i % originals.size());
            Path p = drop.resolve(String.format(Locale.ROOT, "IMG_%04d.jpg", i + 1));
            if (Files.exists(p)) {
                continue;
            }
            try {
                Files.createLink(p, original);
            } catch (IOException | UnsupportedOperationException e) {
                Files.copy(original, p);
            }
        }
        return drop;
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    /** A camera-like picture: gradients, hard-edged shapes and sensor noise (which JPEG cannot compress away). */
    static BufferedImage photo(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        java.util.Random rnd = new java.util.Random(seed);
        int[][] boxes = new int[40][];
        for (int i = 0; i < boxes.length; i++) {
            int x = rnd.nextInt(w);
            int y = rnd.nextInt(h);
            boxes[i] = new int[] {x, y, x + 100 + rnd.nextInt(w / 4), y + 100 + rnd.nextInt(h / 4), rnd.nextInt(0xffffff)};
        }
        int[] row = new int[w];
        long state = seed * 0x9E3779B97F4A7C15L + 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 40 + 150 * x / w;
                int g = 60 + 120 * y / h;
                int b = 180 - 100 * (x + y) / (w + h);
                for (int[] box : boxes) {
                    if (x >= box[0] && x < box[2] && y >= box[1] && y < box[3]) {
                        r = (r + (box[4] >> 16 & 0xff)) / 2;
                        g = (g + (box[4] >> 8 & 0xff)) / 2;
                        b = (b + (box[4] & 0xff)) / 2;
                    }
                }
                state ^= state << 13;
                state ^= state >>> 7;
                state ^= state << 17;
                int noise = (int) (state & 31) - 16;
                row[x] = clamp(r + noise) << 16 | clamp(g + noise) << 8 | clamp(b + (int) (state >> 8 & 31) - 16);
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    private static void writeJpeg(BufferedImage img, Path file) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
