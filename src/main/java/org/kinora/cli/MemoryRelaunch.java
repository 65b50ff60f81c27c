package org.kinora.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kinora.image.PhotoCache;
import org.kinora.image.PhotoException;
import org.kinora.image.PhotoLoader;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.project.ProjectFile;
import org.kinora.project.ProjectFileException;
import org.kinora.render.frame.FrameRenderer;
import org.kinora.render.frame.Simd;
import org.kinora.render.pipeline.ProjectSources;
import org.kinora.render.pipeline.RenderRequest;

/**
 * Runs {@code render} and {@code bench} in a second JVM whose memory is set for rendering, because
 * the two settings that matter most cannot be changed from inside a running JVM:
 * <ul>
 * <li>the heap: a plain {@code java -jar} sizes it from the machine's RAM (a quarter of it), and
 * the garbage collector then lets the heap grow far beyond what a render needs. The child gets
 * a heap sized for the render ({@link #heapFor}: 128 MB for 1080p on two cores) that starts
 * small and gives back what it does not use ({@link #HEAP_SHRINK}), and the serial collector,
 * unless the user chose a heap or collector
 * (their JVM options are passed on unchanged, so {@code java -Xmx400m -jar kinora.jar render ...}
 * still caps the render);</li>
 * <li>glibc's allocator, which only reads its tuning from the environment at process start:
 * {@code MALLOC_ARENA_MAX=2} stops every encoder thread from getting its own arena, and a fixed
 * {@code MALLOC_MMAP_THRESHOLD_} returns freed large blocks (photo decoding) to the system
 * instead of keeping them for later (130 MB less peak RSS on the reference slideshow).</li>
 * </ul>
 * On JDK 25 and later the child also gets the module of the frame renderer's SIMD pass
 * ({@code jdk.incubator.vector}), which a JVM resolves only when asked on its command line.
 * The user's own values of those variables are kept. {@code KINORA_RELAUNCHED} marks the child;
 * {@code -Dkinora.relaunch=false} keeps everything in the first JVM.
 * <p>
 * Nothing is lost when either JVM is stopped: a signal to the first JVM alone reaches the child
 * through the first JVM's exit hook, and the child, told the first JVM's pid and start time in
 * {@code KINORA_PARENT}, exits like after Ctrl-C as soon as the first JVM is gone without that
 * ({@link ParentWatch}: SIGKILL, the OOM killer), so no video appears after its caller saw a failure.
 */
public final class MemoryRelaunch {

    static final String MARKER = "KINORA_RELAUNCHED";
    /** The first JVM, for the child to watch: {@link ParentWatch#describe}. */
    static final String PARENT = "KINORA_PARENT";
    static final String DISABLE_PROPERTY = "kinora.relaunch";
    /**
     * Heap for the photos of a 1080p render whose photos are not known (no project file, as in
     * {@code bench}), and the least any render gets: the reference slideshow's photos take 47 MB
     * by {@link FrameRenderer#photoMemory} (the previous slide's photo and the one loading, each
     * only the window its slide shows), but it ran out of heap at -Xmx68m on JDK 25 and collected
     * all the time at 72 MB (its SIMD pass makes much garbage until it is compiled); at 76 MB it
     * renders with 7 full collections, as with more. A
     * project's own estimate raises it for photos larger for their slide, such as panoramas or
     * deep zooms.
     */
    static final int PHOTO_HEAP_MB = 56;
    /**
     * Room above a project's own estimate: with the cache full at its budget, a 1,000-photo
     * project of 0.1 s slides ran out of heap when the heap was exactly the estimate plus the
     * threads' share (the collector needs free space to work in).
     */
    static final double PHOTO_HEADROOM = 1.15;
    /** Heap per frame-making thread at 1080p: its canvases (up to three 1080p frames). */
    static final int THREAD_HEAP_MB = 10;
    static final long FULL_HD_PIXELS = 1920L * 1080;
    static final String DEFAULT_GC = "-XX:+UseSerialGC";
    /**
     * The heap starts small and the collector hands free heap back after a collection, so the heap
     * stays near what is live (the reference slideshow: 17-40 MB less peak RSS, the same CPU,
     * measured in docs/benchmarks.md) instead of keeping every page it ever touched.
     */
    static final List<String> HEAP_SHRINK = List.of("-Xms8m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    static final Map<String, String> MALLOC_ENV = Map.of(
            "MALLOC_ARENA_MAX", "2",
            "MALLOC_MMAP_THRESHOLD_", "131072");
    private static final Set<String> COMMANDS = Set.of("render", "bench");
    private static final long CHILD_EXIT_WAIT_SECONDS = 10;
    /** From this JDK on, loading native libraries without --enable-native-access prints warnings. */
    private static final int NATIVE_ACCESS_WARNING_VERSION = 24;

    /** The child JVM's command line and the environment variables to add. */
    record Plan(List<String> command, Map<String, String> environment) {
        Plan {
            command = List.copyOf(command);
            environment = Map.copyOf(environment);
        }
    }

    private MemoryRelaunch() {
    }

    /**
     * Runs the command in a child JVM when it should, and returns its exit status; empty when
     * this JVM runs the command itself (another command, already the child, or disabled).
     */
    public static OptionalInt runIfNeeded(String[] args) {
        watchParent(System.getenv());
        PathArguments names = PathArguments.ofThisJvm();
        if (!java.util.Arrays.stream(args).allMatch(names::fitsEncoding)) {
            // The child would get "??" for what it cannot encode; this JVM says why and what to do.
            return OptionalInt.empty();
        }
        Optional<Plan> plan = plan(args, ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(),
                System.getProperty("java.home"), System.getProperty("java.class.path"),
                System.getProperty(DISABLE_PROPERTY));
        if (plan.isEmpty()) {
            return OptionalInt.empty();
        }
        ProcessBuilder pb = new ProcessBuilder(plan.get().command()).inheritIO();
        pb.environment().putAll(plan.get().environment());
        Process child;
        try {
            child = pb.start();
        } catch (IOException e) {
            // Rendering in this JVM still works, with the JVM's default memory settings.
            System.err.println("kinora: could not start a JVM with render memory settings (" + e.getMessage()
                    + "); rendering with this JVM's settings");
            return OptionalInt.empty();
        }
        // Ctrl-C reaches both JVMs; a kill of this one alone must still stop the render and let
        // the child delete its partial file before we exit.
        Thread stopChild = new Thread(() -> stopAndWait(child), "kinora-stop-render-jvm");
        Runtime.getRuntime().addShutdownHook(stopChild);
        boolean interrupted = false;
        while (true) {
            try {
                int status = child.waitFor();
                removeHook(stopChild);
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return OptionalInt.of(status);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    static Optional<Plan> plan(String[] args, List<String> jvmArgs, Map<String, String> env, String javaHome,
                               String classPath, String disable) {
        return plan(args, jvmArgs, env, javaHome, classPath, disable, Runtime.version().feature());
    }

    static Optional<Plan> plan(String[] args, List<String> jvmArgs, Map<String, String> env, String javaHome,
                               String classPath, String disable, int javaFeatureVersion) {
        if (args.length == 0 || !COMMANDS.contains(args[0]) || env.containsKey(MARKER) || "false".equals(disable)
                || javaHome == null || classPath == null || classPath.isBlank()) {
            return Optional.empty();
        }
        Path java = Path.of(javaHome, "bin", isWindows() ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        if (jvmArgs.stream().noneMatch(MemoryRelaunch::setsHeap)) {
            Workload work = workload(args);
            command.add(heapFor(work, producers(args)));
            if (work.photoCacheBytes() > 0) {
                // The heap is sized for what the cache must hold, not for twice that.
                command.add("-D" + ProjectSources.PHOTO_CACHE_PROPERTY + "=" + work.photoCacheBytes());
            }
        }
        if (jvmArgs.stream().noneMatch(a -> a.matches("-XX:[+]Use\\w*GC"))) {
            command.add(DEFAULT_GC);
        }
        if (jvmArgs.stream().noneMatch(a -> a.startsWith("-Xms") || a.contains("HeapFreeRatio")
                || a.startsWith("-XX:InitialHeapSize="))) {
            command.addAll(HEAP_SHRINK);
        }
        if (javaFeatureVersion >= Simd.MIN_FEATURE_VERSION && jvmArgs.stream().noneMatch(a -> a.contains(Simd.MODULE))) {
            // The frame renderer's SIMD pass: half the CPU per frame on this JDK (decision 0005).
            command.add("--add-modules=" + Simd.MODULE);
            command.addAll(Simd.EARLY_COMPILE);
        }
        if (javaFeatureVersion >= NATIVE_ACCESS_WARNING_VERSION
                && jvmArgs.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
            command.add("--enable-native-access=ALL-UNNAMED"); // FFmpeg's natives load through JavaCPP
        }
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(classPath);
        command.add("org.kinora.Launcher");
        command.addAll(List.of(args));
        Map<String, String> add = new LinkedHashMap<>();
        MALLOC_ENV.forEach((k, v) -> {
            if (!env.containsKey(k)) {
                add.put(k, v);
            }
        });
        add.put(MARKER, "1");
        add.put(PARENT, ParentWatch.describe(ProcessHandle.current()));
        return Optional.of(new Plan(command, add));
    }

    /**
     * In the child only: once the first JVM is gone, exit as Ctrl-C would, so the render is
     * cancelled and its partial file deleted. Empty elsewhere, as in a render in one JVM.
     */
    static Optional<Thread> watchParent(Map<String, String> env) {
        if (!env.containsKey(MARKER)) {
            return Optional.empty();
        }
        return ParentWatch.of(env.get(PARENT)).map(watch -> watch.start(() -> System.exit(KinoraCli.CANCELLED)));
    }

    /**
     * The heap grows with the video's size (a photo is prepared at the size its slide needs, so a
     * 4K render holds about four times the pixels of a 1080p one), with the threads making frames
     * (each has its own canvases), and with the project's photos when they are known: a slide
     * zooming deep into a large photo or panning along a panorama needs a larger working copy.
     */
    static String heapFor(Workload work, int producers) {
        double scale = Math.max(1.0, (double) work.outputPixels() / FULL_HD_PIXELS);
        double photosMb = Math.max(PHOTO_HEAP_MB * scale, PHOTO_HEADROOM * work.photoHeapBytes() / (1 << 20));
        long mb = (long) Math.ceil((photosMb + THREAD_HEAP_MB * Math.max(1, producers) * scale) / 4) * 4;
        return "-Xmx" + mb + "m";
    }

    /**
     * What the render JVM's heap is sized from.
     *
     * @param photoHeapBytes the heap the project's photos need ({@link FrameRenderer#photoMemory}),
     *                       0 when unknown (no project file, or one the render itself will report)
     * @param photoCacheBytes the photo cache budget they need, 0 when unknown
     */
    record Workload(long outputPixels, long photoHeapBytes, long photoCacheBytes) {

        Workload(long outputPixels) {
            this(outputPixels, 0, 0);
        }
    }

    /**
     * The video's size from --size or the project file (1080p when neither can be read), and the
     * heap its photos need: those of the project file, or for {@code bench} the reference
     * slideshow's.
     */
    static Workload workload(String[] args) {
        int[] size = null;
        String sizeValue = optionValue(args, "--size");
        if (sizeValue != null) {
            try {
                size = OutputSettings.parseSize(sizeValue);
            } catch (IllegalArgumentException badSize) {
                return new Workload(FULL_HD_PIXELS); // the render itself reports it
            }
        }
        Workload sizeOnly = new Workload(size != null ? (long) size[0] * size[1] : FULL_HD_PIXELS);
        try {
            Optional<Project> known = "bench".equals(args[0]) ? benchProject(args) : projectFile(args);
            if (known.isEmpty()) {
                return sizeOnly;
            }
            Project project = known.get();
            if (size != null) {
                project = project.withOutput(project.output().withSize(size[0], size[1]));
            }
            long pixels = (long) project.output().width() * project.output().height();
            FrameRenderer.PhotoMemory photos = photoMemory(project, photosAhead(args));
            return new Workload(pixels, photos.heapBytes(), photos.cacheBytes());
        } catch (IOException | RuntimeException unreadable) {
            return sizeOnly; // the command itself reports it, naming the file
        }
    }

    private static Optional<Project> projectFile(String[] args) throws ProjectFileException {
        for (int i = 1; i < args.length; i++) {
            if (args[i].endsWith(".kinora") && Files.isRegularFile(Path.of(args[i]))) {
                return Optional.of(ProjectFile.load(Path.of(args[i])));
            }
        }
        return Optional.empty();
    }

    /** The reference slideshow {@code bench} will render, when its photos are there. */
    private static Optional<Project> benchProject(String[] args) throws IOException {
        Path photos = Path.of(Optional.ofNullable(optionValue(args, "--photos")).orElse(BenchCommand.DEFAULT_PHOTOS));
        int limit = Integer.parseInt(Optional.ofNullable(optionValue(args, "--photo-limit"))
                .orElse(BenchCommand.DEFAULT_PHOTO_LIMIT).trim());
        if (!Files.isDirectory(photos)) {
            return Optional.empty();
        }
        return Optional.of(BenchCommand.referenceProject(photos, limit,
                ReferenceSlideshow.defaultOutput(org.kinora.model.EncoderPreference.LIBX264)));
    }

    private static FrameRenderer.PhotoMemory photoMemory(Project project, int photosAhead) {
        try (FrameRenderer renderer = new FrameRenderer(project, new PhotoLoader(), new PhotoCache(), true,
                photosAhead)) {
            return renderer.photoMemory();
        } catch (PhotoException | RuntimeException unreadable) {
            return new FrameRenderer.PhotoMemory(0, 0); // the render itself reports the photo
        }
    }

    /** Frame-making threads: --threads, else one per core (as the render itself decides). */
    static int producers(String[] args) {
        return wholeNumber(args, "--threads").orElseGet(RenderRequest::defaultProducers);
    }

    /** Photos the render loads ahead: bench's --photos-ahead, else as many as its threads need. */
    static int photosAhead(String[] args) {
        return wholeNumber(args, "--photos-ahead").orElseGet(() -> FrameRenderer.photosAheadFor(producers(args)));
    }

    /** A whole-number option, at least 1; empty when absent or not a number (the command itself reports that). */
    private static OptionalInt wholeNumber(String[] args, String name) {
        String n = optionValue(args, name);
        try {
            return n == null ? OptionalInt.empty() : OptionalInt.of(Math.max(1, Integer.parseInt(n.trim())));
        } catch (NumberFormatException bad) {
            return OptionalInt.empty();
        }
    }

    /** The value of {@code --name value} or {@code --name=value} after the command, or null. */
    static String optionValue(String[] args, String name) {
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
            if (name.equals(args[i]) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    private static boolean setsHeap(String jvmArg) {
        return jvmArg.startsWith("-Xmx") || jvmArg.startsWith("-XX:MaxHeapSize=")
                || jvmArg.startsWith("-XX:MaxRAMPercentage=") || jvmArg.startsWith("-XX:MaxRAM=");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    private static void stopAndWait(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy(); // SIGTERM: the child's own shutdown hook cancels the render
        try {
            child.waitFor(CHILD_EXIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting and runs the hook, which waits for the child: what we want.
        }
    }
}
