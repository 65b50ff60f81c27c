package org.kinora.render.pipeline;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.kinora.render.FrameRenderException;
import org.kinora.render.FrameSource;
import org.kinora.render.YuvFrame;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.Mp4Writer;
import org.kinora.render.encode.VideoEncoder;

/**
 * The two halves of a render measured alone, for {@code kinora bench}: frame generation without
 * encoding, and encoding without frame generation (the frames made beforehand and held in a raw
 * file, read ahead by a separate thread, so only the encoder is timed).
 */
public final class EncoderOnlyBench {

    private EncoderOnlyBench() {
    }

    /** Frames per second of {@code threads} threads rendering every frame, nothing else. */
    public static double generationOnlyFps(FrameSource frames, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        runParallel(threads, () -> {
            YuvFrame frame = new YuvFrame(frames.width(), frames.height());
            int i;
            while ((i = next.getAndIncrement()) < frames.frameCount()) {
                frames.renderYuv(i, frame);
                frames.prepareAhead(i);
            }
        });
        return frames.frameCount() / ((System.nanoTime() - start) / 1e9);
    }

    /** Renders every frame into a raw I420 file (untimed preparation for {@link #encoderOnlyFps}). */
    public static void writeRawFrames(FrameSource frames, int threads, Path raw) throws Exception {
        long frameBytes = frames.width() * frames.height() * 3L / 2;
        AtomicInteger next = new AtomicInteger();
        try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            runParallel(threads, () -> {
                YuvFrame frame = new YuvFrame(frames.width(), frames.height());
                int i;
                while ((i = next.getAndIncrement()) < frames.frameCount()) {
                    frames.renderYuv(i, frame);
                    ByteBuffer data = frame.data().duplicate().clear();
                    long at = i * frameBytes;
                    while (data.hasRemaining()) {
                        at += ch.write(data, at);
                    }
                    frames.prepareAhead(i);
                }
            });
        }
    }

    /**
     * Encodes the frames of {@code raw} with {@code encoder} and {@code settings}, as a render
     * would (video only), and returns frames per second from opening the encoder to the finished file.
     */
    public static double encoderOnlyFps(Path raw, int frameCount, VideoEncoder encoder, EncodeSettings settings,
                                        Path out) throws Exception {
        FrameRing ring = new FrameRing(4, settings.width(), settings.height());
        long frameBytes = settings.width() * (long) settings.height() * 3 / 2;
        AtomicReference<Exception> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (FileChannel ch = FileChannel.open(raw, StandardOpenOption.READ)) {
                for (int i = 0; i < frameCount; i++) {
                    ByteBuffer data = ring.awaitFree(i).data().duplicate().clear();
                    long at = i * frameBytes;
                    while (data.hasRemaining()) {
                        int n = ch.read(data, at);
                        if (n < 0) {
                            throw new IOException("raw frame file ends before frame " + i);
                        }
                        at += n;
                    }
                    ring.publish(i);
                }
            } catch (FrameRing.StoppedException e) {
                return; // the encoder stopped first and reports why
            } catch (IOException | InterruptedException | RuntimeException e) {
                readFailure.set(e);
                ring.stop(e);
            }
        }, RenderJob.THREAD_PREFIX + "bench-reader");
        reader.setDaemon(true);
        reader.start();
        long start = System.nanoTime();
        try (Mp4Writer writer = Mp4Writer.open(out, encoder, settings, 1024)) {
            for (int i = 0; i < frameCount; i++) {
                writer.writeVideo(ring.awaitReady(i));
                ring.release(i);
            }
            writer.finish();
        } catch (FrameRing.StoppedException e) {
            throw readFailure.get() != null ? readFailure.get() : e;
        } finally {
            ring.stop(new IllegalStateException("encoding ended"));
            reader.join();
            Files.deleteIfExists(out);
        }
        return frameCount / ((System.nanoTime() - start) / 1e9);
    }

    private interface Work {
        void run() throws FrameRenderException, IOException;
    }

    private static void runParallel(int threads, Work work) throws Exception {
        List<Thread> all = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                try {
                    work.run();
                } catch (FrameRenderException | IOException | RuntimeException e) {
                    if (!failure.compareAndSet(null, e)) {
                        failure.get().addSuppressed(e);
                    }
                }
            }, RenderJob.THREAD_PREFIX + "bench-" + (t + 1));
            thread.setDaemon(true);
            all.add(thread);
            thread.start();
        }
        for (Thread thread : all) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }
}
