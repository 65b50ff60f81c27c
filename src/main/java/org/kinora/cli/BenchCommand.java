package org.kinora.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kinora.model.EncoderPreference;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.project.PhotoFinder;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameRenderException;
import org.kinora.render.FrameSource;
import org.kinora.render.YuvFrame;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.frame.FrameRenderer;
import org.kinora.render.pipeline.EncoderOnlyBench;
import org.kinora.render.pipeline.ProjectSources;
import org.kinora.render.pipeline.RenderListener;
import org.kinora.render.pipeline.RenderPipeline;
import org.kinora.render.pipeline.RenderRequest;
import org.kinora.render.pipeline.RenderResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code kinora bench}: renders the reference slideshow and, in the same run, measures the
 * encoder alone and frame generation alone, so the render's speed reads as a ratio that holds on
 * a noisy shared machine.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render the reference slideshow and measure render, encoder-only and "
        + "frame-generation speed, and peak memory.")
final class BenchCommand implements Callable<Integer> {

    static final String DEFAULT_PHOTOS = "../shared/photos";
    static final String DEFAULT_PHOTO_LIMIT = "12";

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Option(names = "--photos", paramLabel = "DIR", defaultValue = DEFAULT_PHOTOS,
            description = "Photos of the reference slideshow, in name order (default: ${DEFAULT-VALUE}).")
    Path photos;

    @Option(names = "--frames", paramLabel = "N", description = "Measure only the first N frames (default: all).")
    Integer frames;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080", description = "Video size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--encoder", paramLabel = "E", defaultValue = "libx264",
            description = "auto, h264_nvenc or libx264 (default: ${DEFAULT-VALUE}).")
    String encoder;

    @Option(names = "--threads", paramLabel = "N", description = "Threads making frames (default: one per core).")
    Integer threads;

    @Option(names = "--photos-ahead", paramLabel = "N",
            description = "Photos loaded ahead, and at once (default: one for every four threads, at least one).")
    Integer photosAhead;

    @Option(names = "--music", paramLabel = "FILE",
            description = "Music for the soundtrack, trimmed to the video (default: silence, still encoded as AAC).")
    Path music;

    @Option(names = "--photo-limit", paramLabel = "N", defaultValue = DEFAULT_PHOTO_LIMIT,
            description = "Use the first N photos (default: ${DEFAULT-VALUE}).")
    int photoLimit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OutputSettings output = outputSettings();
        // All counts are checked before any photo is read: a bad value is a usage error (exit 2).
        requireOneOrMore("--threads", threads);
        requireOneOrMore("--photos-ahead", photosAhead);
        requireOneOrMore("--frames", frames);
        requireOneOrMore("--photo-limit", photoLimit);
        int producers = threads != null ? threads : RenderRequest.defaultProducers();
        int ahead = photosAhead != null ? photosAhead : FrameRenderer.photosAheadFor(producers);
        Project project = referenceProject(photos, photoLimit, output);
        if (music != null) {
            project = project.withAudioTracks(List.of(org.kinora.model.AudioTrack.of(music.toAbsolutePath())));
        }
        EncodeSettings settings = EncodeSettings.of(output);
        Path work = Files.createTempDirectory("kinora-bench");
        // Ctrl-C or a kill skips the finally below; the raw frames alone are 3 GB at 1080p.
        Thread cleanUp = new Thread(() -> deleteQuietly(work), "kinora-bench-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try (FrameSource all = ProjectSources.framesLoadingAhead(project, ahead); AudioSource audio = ProjectSources.audio(project)) {
            FrameSource source = frames == null ? all : new FirstFrames(all, frames);
            int n = source.frameCount();
            out.printf(Locale.ROOT, "Reference slideshow: %d photos, %d frames, %dx%d@%d, %s preset %s CRF %d, "
                            + "%s, %d producers, queue %d, photos loaded ahead %d, %d cores; load average %s%n",
                    project.slides().size(), n, output.width(), output.height(), output.fps(), encoder,
                    output.quality().x264Preset(), settings.crf(),
                    music != null && frames == null ? "music " + music.getFileName() : "silent AAC", producers, RenderRequest.defaultQueue(producers), ahead,
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            out.flush();

            RenderRequest request = RenderRequest.of(source, work.resolve("render.mp4"), output.encoder(), settings)
                    .withProducers(producers)
                    .withAudio(frames == null ? audio : AudioSource.silence(RenderRequest.audioLength(source)));
            long cpu0 = processCpuNanos();
            RenderResult render = RenderPipeline.render(request, RenderListener.NONE);
            double renderCpu = (processCpuNanos() - cpu0) / 1e9;
            Files.delete(render.file());
            long renderRss = ProcessMemory.peakRssKb();
            long renderHeap = peakHeapBytes();
            out.printf(Locale.ROOT, "render:            %.1f fps (%d frames in %.1f s, %s; %.1f CPU s; the encoder "
                    + "waited %.2f s for frames, frames %.2f s for photos)%n", render.averageFps(), n,
                    render.wallTime().toNanos() / 1e9, render.encoder().ffmpegName(), renderCpu,
                    render.encoderWaited().toNanos() / 1e9, source.photoWaited().toNanos() / 1e9);
            // The render runs first, so the high-water mark here is the render's alone.
            out.printf(Locale.ROOT, "render peak RSS:   %d MB (VmHWM after the render: whole process, encoder "
                    + "included); peak heap %d MB%n", renderRss / 1024, renderHeap >> 20);
            out.printf(Locale.ROOT, "memory settings:   max heap %d MB, %s, MALLOC_ARENA_MAX=%s, "
                    + "MALLOC_MMAP_THRESHOLD_=%s%n", Runtime.getRuntime().maxMemory() >> 20, collectors(),
                    System.getenv().getOrDefault("MALLOC_ARENA_MAX", "unset"),
                    System.getenv().getOrDefault("MALLOC_MMAP_THRESHOLD_", "unset"));
            out.flush();

            long cpu1 = processCpuNanos();
            long waited1 = source.photoWaited().toNanos();
            double generation = EncoderOnlyBench.generationOnlyFps(source, producers);
            double generationCpu = (processCpuNanos() - cpu1) / 1e9;
            out.printf(Locale.ROOT, "frame generation:  %.1f fps (%d threads, no encoding; %.1f CPU s; frames waited "
                    + "%.2f s for photos)%n", generation, producers, generationCpu,
                    (source.photoWaited().toNanos() - waited1) / 1e9);
            out.flush();

            Path raw = work.resolve("frames.yuv");
            EncoderOnlyBench.writeRawFrames(source, producers, raw);
            long cpu2 = processCpuNanos();
            double encoderOnly = EncoderOnlyBench.encoderOnlyFps(raw, n, render.encoder(), settings,
                    work.resolve("encoder-only.mp4"));
            double encoderCpu = (processCpuNanos() - cpu2) / 1e9;
            Files.delete(raw);
            out.printf(Locale.ROOT, "encoder only:      %.1f fps (%s, same settings, frames made beforehand; %.1f CPU s)%n",
                    encoderOnly, render.encoder().ffmpegName(), encoderCpu);
            out.printf(Locale.ROOT, "ratio:             %.2f (render fps / encoder-only fps)%n", render.averageFps() / encoderOnly);
            // On a shared machine the load changes between phases; CPU seconds do not depend on it.
            out.printf(Locale.ROOT, "CPU-time ratio:    %.2f (encoder-only CPU s / render CPU s: the wall ratio on "
                    + "otherwise idle cores)%n", encoderCpu / renderCpu);
            out.printf(Locale.ROOT, "whole run:         peak heap %d MB; peak RSS %d MB (VmHWM, all three phases); max heap %d MB; "
                            + "load average %s%n", peakHeapBytes() >> 20, ProcessMemory.peakRssKb() / 1024,
                    Runtime.getRuntime().maxMemory() >> 20, loadAverage());
        } finally {
            deleteTree(work);
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
        return KinoraCli.OK;
    }

    /** The reference slideshow of the first {@code limit} photos found in {@code photos}. */
    static Project referenceProject(Path photos, int limit, OutputSettings output) throws IOException {
        List<Path> found = PhotoFinder.find(List.of(photos)).photos();
        if (found.isEmpty()) {
            throw new IOException(photos + ": no photos found");
        }
        return ReferenceSlideshow.build(found.subList(0, Math.min(limit, found.size())), output);
    }

    private OutputSettings outputSettings() {
        try {
            int[] wh = OutputSettings.parseSize(size);
            return ReferenceSlideshow.defaultOutput(EncoderPreference.fromId(encoder)).withSize(wh[0], wh[1]);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private void requireOneOrMore(String option, Integer value) {
        if (value != null && value < 1) {
            throw new ParameterException(spec.commandLine(), option + " must be 1 or more, was " + value);
        }
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        throw new UnsupportedOperationException("this JVM does not report process CPU time");
    }

    private static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static String collectors() {
        return String.join("+", ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    private static void deleteQuietly(Path dir) {
        try {
            deleteTree(dir);
        } catch (IOException | java.io.UncheckedIOException e) {
            // exiting anyway: whatever is left stays in the temporary folder
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The first N frames of a source, for quick benchmark runs. */
    private record FirstFrames(FrameSource all, int limit) implements FrameSource {
        FirstFrames {
            if (limit < 1) {
                throw new IllegalArgumentException("--frames must be 1 or more, was " + limit);
            }
        }

        @Override
        public int width() {
            return all.width();
        }

        @Override
        public int height() {
            return all.height();
        }

        @Override
        public int fps() {
            return all.fps();
        }

        @Override
        public int frameCount() {
            return Math.min(limit, all.frameCount());
        }

        @Override
        public void renderYuv(int index, YuvFrame out) throws FrameRenderException {
            all.renderYuv(index, out);
        }

        @Override
        public void prepareAhead(int doneFrame) {
            all.prepareAhead(doneFrame);
        }

        @Override
        public java.time.Duration photoWaited() {
            return all.photoWaited();
        }
    }
}
