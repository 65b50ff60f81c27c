package org.kinora.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Quality;
import org.kinora.render.YuvFrame;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.VideoEncoder;

class RenderPipelineTest {

    private static final int W = 320;
    private static final int H = 180;
    private static final int FPS = 30;

    @TempDir
    Path dir;

    private static RenderRequest request(GradientFrames frames, Path target) {
        return RenderRequest.of(frames, target, EncoderPreference.LIBX264,
                        new EncodeSettings(W, H, FPS, Quality.STANDARD, -1))
                .withProducers(2);
    }

    @Test
    void rendersAnMp4ThatDecodesToTheSourceFrames() throws Exception {
        GradientFrames frames = new GradientFrames(W, H, FPS, 90, 3);
        Path target = dir.resolve("three slides.mp4");
        List<RenderProgress> events = Collections.synchronizedList(new ArrayList<>());

        RenderResult result = RenderPipeline.render(request(frames, target), events::add);

        assertThat(result.file()).isEqualTo(target.toAbsolutePath());
        assertThat(result.encoder()).isEqualTo(VideoEncoder.LIBX264);
        assertThat(result.bytes()).isEqualTo(Files.size(target));
        DecodedVideo v = DecodedVideo.read(target, Set.of(0, 29, 45, 89));
        assertThat(v.videoCodec()).isEqualTo("h264");
        assertThat(v.width()).isEqualTo(W);
        assertThat(v.height()).isEqualTo(H);
        assertThat(v.fps()).isEqualTo(30.0);
        assertThat(v.pixelFormat()).isEqualTo(AV_PIX_FMT_YUV420P);
        assertThat(v.frames()).isEqualTo(90);
        assertThat(v.videoDurationMicros()).isEqualTo(3_000_000L);
        assertThat(v.formatDurationMicros()).isBetween(3_000_000L, 3_000_000L + 22_000L); // one AAC frame at most
        assertThat(v.colorPrimaries()).isEqualTo(AVCOL_PRI_BT709);
        assertThat(v.colorTrc()).isEqualTo(AVCOL_TRC_BT709);
        assertThat(v.colorSpace()).isEqualTo(AVCOL_SPC_BT709);
        assertThat(v.colorRange()).isEqualTo(AVCOL_RANGE_MPEG);
        assertThat(v.audioCodec()).isEqualTo("aac");
        assertThat(v.sampleRate()).isEqualTo(48_000);
        assertThat(v.audioChannels()).isEqualTo(2);
        for (int i : v.picked().keySet()) {
            YuvFrame expected = new YuvFrame(W, H);
            frames.renderYuv(i, expected);
            assertThat(DecodedVideo.psnr(expected, v.picked().get(i))).as("PSNR of frame %d", i).isGreaterThan(35);
        }
        // Frames must match by index, not merely look alike: frame 45 against the source's frame 44 is far off.
        YuvFrame neighbour = new YuvFrame(W, H);
        frames.renderYuv(44, neighbour);
        assertThat(DecodedVideo.psnr(neighbour, v.picked().get(45))).isLessThan(30);

        assertThat(events).isNotEmpty();
        assertThat(events.get(events.size() - 1).stage()).isEqualTo(RenderProgress.Stage.DONE);
        assertThat(events.get(events.size() - 1).framesDone()).isEqualTo(90);
        assertThat(events).allSatisfy(e -> assertThat(e.totalFrames()).isEqualTo(90));
        assertThat(onlyTarget()).containsExactly(target.getFileName().toString());
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) { // as any new file: umask, not owner-only
            Path plain = Files.createFile(dir.resolve("plain"));
            assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain));
            Files.delete(plain);
        }
    }

    @Test
    void putsAKeyframeAtLeastEveryTwoSecondsAndTheIndexFirst() throws Exception {
        GradientFrames frames = new GradientFrames(W, H, 10, 75, 3); // 7.5 s at 10 fps: GOP of 20
        Path target = dir.resolve("gop.mp4");
        RenderPipeline.render(RenderRequest.of(frames, target, EncoderPreference.LIBX264,
                new EncodeSettings(W, H, 10, Quality.DRAFT, -1)), RenderListener.NONE);

        List<Integer> keys = DecodedVideo.read(target, Set.of()).keyframes();
        assertThat(keys).startsWith(0);
        List<Integer> bounds = new ArrayList<>(keys);
        bounds.add(75);
        for (int i = 1; i < bounds.size(); i++) {
            assertThat(bounds.get(i) - bounds.get(i - 1)).as("frames between keyframes").isLessThanOrEqualTo(20);
        }
        assertThat(topLevelBoxes(target)).containsSubsequence("moov", "mdat"); // +faststart
        assertThat(topLevelBoxes(target).indexOf("moov")).isLessThan(topLevelBoxes(target).indexOf("mdat"));
    }

    @Test
    void aFailingFrameStopsTheRenderNamingSlideAndPhotoAndLeavesNoFile() throws Exception {
        Path corrupt = dir.resolve("corrupt-slide-2.jpg");
        GradientFrames frames = new GradientFrames(W, H, FPS, 90, 3).failingOn(1, corrupt);
        Path target = dir.resolve("out.mp4");

        assertThatThrownBy(() -> RenderPipeline.render(request(frames, target), RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("slide 2")
                .hasMessageContaining(corrupt.toString())
                .satisfies(e -> assertThat(((RenderException) e).frameFailure()).isPresent()
                        .get().satisfies(f -> assertThat(f.photo()).isEqualTo(corrupt)));
        assertThat(onlyTarget()).isEmpty();
        assertNoRenderThreads();
    }

    @Test
    void aBugOrOutOfMemoryInAProducerFailsTheRenderSayingWhichFrameAndHow() throws Exception {
        Path target = dir.resolve("crash.mp4");
        GradientFrames buggy = new GradientFrames(W, H, FPS, 60, 2).crashingOn(33, new IllegalStateException("bad state"));
        assertThatThrownBy(() -> RenderPipeline.render(request(buggy, target), RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("frame 33").hasMessageContaining("bad state")
                .hasRootCauseInstanceOf(IllegalStateException.class);

        GradientFrames hungry = new GradientFrames(W, H, FPS, 60, 2).outOfMemoryOn(12);
        assertThatThrownBy(() -> RenderPipeline.render(request(hungry, target), RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("out of memory").hasMessageContaining("frame 12").hasMessageContaining("-Xmx");
        assertThat(onlyTarget()).isEmpty();
        assertNoRenderThreads();
    }

    @Test
    void cancelStopsEveryThreadWithinASecondAndLeavesNoFile() throws Exception {
        GradientFrames frames = new GradientFrames(W, H, FPS, 600, 3).slowedBy(20);
        Path target = dir.resolve("cancelled.mp4");
        var rendering = new java.util.concurrent.CountDownLatch(1);
        List<RenderProgress> events = Collections.synchronizedList(new ArrayList<>());
        RenderJob job = RenderJob.start(request(frames, target), p -> {
            events.add(p);
            if (p.framesDone() >= 10) {
                rendering.countDown();
            }
        });
        assertThat(rendering.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        long cancelledAt = System.nanoTime();
        job.cancel();
        assertThatThrownBy(job::await).isInstanceOf(RenderCancelledException.class);
        long millis = (System.nanoTime() - cancelledAt) / 1_000_000;

        assertThat(millis).as("ms from cancel to every thread ended").isLessThan(1000);
        assertNoRenderThreads();
        assertThat(onlyTarget()).isEmpty();
        assertThat(events.get(events.size() - 1).stage()).isEqualTo(RenderProgress.Stage.CANCELLED);
        assertThat(events.get(events.size() - 1).framesDone()).isLessThan(600);
    }

    /**
     * A stop that comes before the render begins, or while it begins, never leaves the temporary
     * file: the CLI arranges its exit hook this way, before the file exists.
     */
    @Test
    void aCancelBeforeOrWhileTheRenderBeginsLeavesNoFile() throws Exception {
        GradientFrames frames = new GradientFrames(W, H, FPS, 600, 1).slowedBy(20);
        RenderJob early = RenderJob.create(request(frames, dir.resolve("early.mp4")), RenderListener.NONE);
        early.cancelAndWait();
        assertThatThrownBy(early::begin).isInstanceOf(RenderCancelledException.class);
        assertThatThrownBy(early::await).isInstanceOf(RenderCancelledException.class);
        assertThat(onlyTarget()).isEmpty();

        for (int i = 0; i < 20; i++) {
            RenderJob job = RenderJob.create(request(frames, dir.resolve("race" + i + ".mp4")), RenderListener.NONE);
            Thread stop = new Thread(job::cancelAndWait);
            stop.start();
            try {
                job.begin();
            } catch (RenderCancelledException beforeItBegan) {
                // the cancel came first: nothing was created
            }
            stop.join();
            // Before await: once cancelAndWait has returned, no file may exist or appear.
            assertThat(onlyTarget()).as("round %d", i).isEmpty();
            assertThatThrownBy(job::await).isInstanceOf(RenderCancelledException.class);
        }
        assertNoRenderThreads();
    }

    /** The render says how long the encoder waited for frames: generation falling behind it. */
    @Test
    void reportsHowLongTheEncoderWaitedForFrames() throws Exception {
        GradientFrames slow = new GradientFrames(W, H, FPS, 30, 1).slowedBy(20);
        RenderResult waited = RenderPipeline.render(request(slow, dir.resolve("slow.mp4")).withProducers(1),
                RenderListener.NONE);
        // One producer at 20 ms a frame: the encoder, far faster at this size, waits most of that.
        assertThat(waited.encoderWaited()).isGreaterThan(Duration.ofMillis(30 * 20 / 2))
                .isLessThanOrEqualTo(waited.wallTime());

        GradientFrames fast = new GradientFrames(W, H, FPS, 30, 1);
        RenderResult quick = RenderPipeline.render(request(fast, dir.resolve("fast.mp4")), RenderListener.NONE);
        assertThat(quick.encoderWaited()).isLessThan(waited.encoderWaited());
    }

    @Test
    void refusesToReplaceAnExistingFileUnlessAsked() throws Exception {
        Path target = dir.resolve("exists.mp4");
        Files.writeString(target, "keep me");
        GradientFrames frames = new GradientFrames(W, H, FPS, 6, 1);

        assertThatThrownBy(() -> RenderJob.start(request(frames, target), RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("already exists")
                .hasMessageContaining("--force");
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(onlyTarget()).containsExactly("exists.mp4");

        RenderPipeline.render(request(frames, target).withOverwrite(true), RenderListener.NONE);
        assertThat(DecodedVideo.read(target, Set.of()).frames()).isEqualTo(6);
        assertThat(onlyTarget()).containsExactly("exists.mp4");
    }

    /**
     * The last line of defence: the file on disk lost its start (truncated behind FFmpeg's back)
     * and FFmpeg reported nothing, yet the damaged video must not replace the existing one.
     */
    @Test
    void aVideoDamagedWithoutAnErrorNeverReplacesTheTarget() throws Exception {
        Path target = dir.resolve("damaged.mp4");
        Files.writeString(target, "keep me");
        // One producer, one frame in flight: frame 7 is drawn after the encoder wrote the header.
        GradientFrames frames = new GradientFrames(W, H, FPS, 8, 1).whileRendering(7, this::truncateTemporaryFiles);
        RenderRequest request = request(frames, target).withProducers(1).withQueueFrames(1).withOverwrite(true);

        assertThatThrownBy(() -> RenderPipeline.render(request, RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith("cannot write " + target.toAbsolutePath() + ": the finished video is incomplete: ");
        assertThat(Files.readString(target)).isEqualTo("keep me");
        assertThat(onlyTarget()).containsExactly("damaged.mp4");
    }

    private void truncateTemporaryFiles() {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()) {
                try (var channel = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The final rename would replace the FIFO (or a device) itself: refused even with overwrite. */
    @Test
    void neverReplacesSomethingThatIsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("pipe.mp4");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("mkfifo is not available: " + e.getMessage());
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        Path link = Files.createSymbolicLink(dir.resolve("link.mp4"), fifo);
        GradientFrames frames = new GradientFrames(W, H, FPS, 3, 1);

        for (Path target : List.of(fifo, link)) {
            assertThatThrownBy(() -> RenderPipeline.render(request(frames, target).withOverwrite(true), RenderListener.NONE))
                    .isInstanceOf(RenderException.class)
                    .hasMessage("cannot write " + target + ": it is not a regular file");
        }
        assertThat(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther()).as("still a FIFO").isTrue();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(onlyTarget()).containsExactly("link.mp4", "pipe.mp4");
    }

    /** Found at once, not after rendering everything ("appeared while rendering"). */
    @Test
    void aDanglingSymbolicLinkIsRefusedBeforeRendering() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("dangling.mp4"), dir.resolve("nowhere.mp4"));
        GradientFrames frames = new GradientFrames(W, H, FPS, 3, 1);
        for (boolean overwrite : new boolean[] {false, true}) {
            assertThatThrownBy(() -> RenderJob.start(request(frames, link).withOverwrite(overwrite), RenderListener.NONE))
                    .isInstanceOf(RenderException.class)
                    .hasMessage("cannot write " + link + ": it is a symbolic link to " + dir.resolve("nowhere.mp4")
                            + ", which does not exist");
        }
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(onlyTarget()).containsExactly("dangling.mp4");
    }

    @Test
    void aFolderIsSaidToBeAFolderWhetherOrNotOverwriteIsAsked() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("r"));
        GradientFrames frames = new GradientFrames(W, H, FPS, 3, 1);
        for (boolean overwrite : new boolean[] {false, true}) {
            assertThatThrownBy(() -> RenderJob.start(request(frames, folder).withOverwrite(overwrite), RenderListener.NONE))
                    .hasMessage("cannot write " + folder + ": it is a folder");
        }
    }

    /** FFmpeg would write a 261-byte file without streams and call it done. */
    @Test
    void nothingToRenderFailsBeforeAnyFileIsWritten() throws Exception {
        Path target = dir.resolve("empty.mp4");
        GradientFrames none = new GradientFrames(W, H, FPS, 0, 1);
        assertThatThrownBy(() -> RenderJob.start(request(none, target), RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessage("cannot write " + target + ": the video would have no frames (shorter than one frame at 30 fps)");
        assertThat(onlyTarget()).isEmpty();
    }

    @Test
    void anUnwritableFolderFailsAtOnceWithAClearMessage() throws Exception {
        Path missing = dir.resolve("no such folder").resolve("out.mp4");
        GradientFrames frames = new GradientFrames(W, H, FPS, 6, 1);
        assertThatThrownBy(() -> RenderJob.start(request(frames, missing), RenderListener.NONE))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void progressEventsComeAtMostTenTimesASecond() throws Exception {
        GradientFrames frames = new GradientFrames(W, H, FPS, 120, 3).slowedBy(5);
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        List<RenderProgress> events = Collections.synchronizedList(new ArrayList<>());
        RenderPipeline.render(request(frames, dir.resolve("p.mp4")), p -> {
            times.add(System.nanoTime());
            events.add(p);
        });
        for (int i = 1; i < times.size() - 1; i++) { // the final event is always sent
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(ProgressThrottle.MIN_INTERVAL_NANOS);
        }
        assertThat(events).extracting(RenderProgress::framesDone).isSorted();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.stage()).isEqualTo(RenderProgress.Stage.RENDERING);
            assertThat(e.framesPerSecond()).isPositive();
            assertThat(e.remaining()).isPresent();
            assertThat(e.encoder()).isEqualTo("libx264");
        });
    }

    private List<String> onlyTarget() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static void assertNoRenderThreads() {
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith(RenderJob.THREAD_PREFIX))
                .isEmpty();
    }

    private static List<String> topLevelBoxes(Path mp4) throws Exception {
        List<String> boxes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(mp4); DataInputStream data = new DataInputStream(in)) {
            long remaining = Files.size(mp4);
            while (remaining >= 8) {
                long size = data.readInt() & 0xffffffffL;
                byte[] type = new byte[4];
                data.readFully(type);
                long header = 8;
                if (size == 1) {
                    size = data.readLong();
                    header = 16;
                }
                boxes.add(new String(type, java.nio.charset.StandardCharsets.US_ASCII));
                data.skipNBytes(size - header);
                remaining -= size;
            }
        }
        return boxes;
    }
}
