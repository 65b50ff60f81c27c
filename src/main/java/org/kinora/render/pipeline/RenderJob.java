package org.kinora.render.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameRenderException;
import org.kinora.render.YuvFrame;
import org.kinora.render.encode.EncoderSelection;
import org.kinora.render.encode.Mp4Writer;
import org.kinora.render.encode.OutputWriteException;
import org.kinora.render.pipeline.FrameRing.StoppedException;
import org.kinora.render.pipeline.RenderProgress.Stage;

/**
 * One running render. {@link #start} returns at once; producers render frames in parallel into
 * the {@link FrameRing}, one encoder thread takes them in order, encodes them and writes audio
 * in step with the video. {@link #await} returns the result once every thread has ended.
 */
public final class RenderJob {

    static final String THREAD_PREFIX = "kinora-render-";
    /** Producers get this long to finish their frame after a cancel before they are interrupted. */
    private static final long CANCEL_GRACE_MILLIS = 300;
    private static final long JOIN_LIMIT_MILLIS = 700;
    private static final int AUDIO_CHUNK_FRAMES = 2048;

    private final RenderRequest request;
    /** Set by {@link #begin}, before any thread starts. */
    private OutputFile output;
    /** Orders {@link #begin} and {@link #cancelAndWait}: a cancel either stops the begin or finds its threads. */
    private final Object beginOrCancel = new Object();
    private boolean begun;
    private boolean cancelledBeforeBegin;
    private final FrameRing ring;
    private final ProgressThrottle progress;
    private final AtomicInteger nextFrame = new AtomicInteger();
    private final List<Thread> producers = new ArrayList<>();
    private final Thread encoderThread;
    private final long startNanos = System.nanoTime();
    private volatile RenderResult result;
    private volatile RenderException failure;

    private RenderJob(RenderRequest request, RenderListener listener) {
        this.request = request;
        this.ring = new FrameRing(request.queueFrames(), request.settings().width(), request.settings().height());
        this.progress = new ProgressThrottle(listener, System::nanoTime, request.frames().frameCount());
        for (int i = 0; i < request.producers(); i++) {
            Thread t = new Thread(this::produce, THREAD_PREFIX + "frames-" + (i + 1));
            t.setDaemon(true);
            producers.add(t);
        }
        encoderThread = new Thread(this::encode, THREAD_PREFIX + "encoder");
        encoderThread.setDaemon(true);
    }

    /**
     * Starts rendering in the background.
     *
     * @throws RenderException at once when the target exists (without overwrite) or cannot be written, or
     *                         when there is not a single frame to render
     */
    public static RenderJob start(RenderRequest request, RenderListener listener) throws RenderException {
        RenderJob job = create(request, listener);
        job.begin();
        return job;
    }

    /**
     * A render that has not begun: nothing is written until {@link #begin}. Lets a caller arrange
     * the cancel (an exit hook, say) before the temporary file exists, so no moment is left in
     * which a stop would leave that file behind.
     */
    public static RenderJob create(RenderRequest request, RenderListener listener) {
        return new RenderJob(request, listener);
    }

    /**
     * Creates the temporary file and starts rendering in the background.
     *
     * @throws RenderException at once when the target exists (without overwrite) or cannot be written, when
     *                         there is not a single frame to render, or when the job was cancelled already
     */
    public void begin() throws RenderException {
        synchronized (beginOrCancel) {
            if (begun) {
                throw new IllegalStateException("the render has begun already");
            }
            begun = true;
            if (cancelledBeforeBegin) {
                throw failure;
            }
            if (request.frames().frameCount() < 1) { // FFmpeg would write a "video" without streams
                throw new RenderException("cannot write " + request.target().toAbsolutePath().normalize()
                        + ": the video would have no frames (shorter than one frame at " + request.frames().fps() + " fps)");
            }
            output = OutputFile.prepare(request.target(), request.overwrite());
            producers.forEach(Thread::start);
            encoderThread.start();
        }
    }

    /** Asks the render to stop; every thread ends within about a second and no file is left. */
    public void cancel() {
        ring.stop(new Cancelled());
    }

    public boolean isDone() {
        return !encoderThread.isAlive();
    }

    /** Cancels and waits until every thread has ended and the partial file is gone. */
    public void cancelAndWait() {
        synchronized (beginOrCancel) {
            if (!begun) {
                cancelledBeforeBegin = true;
                failure = describe(new Cancelled());
                return;
            }
            cancel();
        }
        awaitEnd();
    }

    /** Waits, without being interruptible, until every thread of the render has ended. */
    void awaitEnd() {
        boolean interrupted = false;
        while (encoderThread.isAlive()) {
            try {
                encoderThread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for the end of the render. */
    public RenderResult await() throws RenderException, InterruptedException {
        encoderThread.join();
        if (failure != null) {
            throw failure;
        }
        return result;
    }

    // ---- producers -----------------------------------------------------------------------

    private void produce() {
        int total = request.frames().frameCount();
        int index = -1;
        try {
            while ((index = nextFrame.getAndIncrement()) < total) {
                YuvFrame frame = ring.awaitFree(index);
                request.frames().renderYuv(index, frame);
                ring.publish(index);
                request.frames().prepareAhead(index);
            }
        } catch (StoppedException e) {
            return; // another thread stopped the render and reports why
        } catch (InterruptedException e) {
            // Only this job interrupts its producers, and only after the render was stopped.
            ring.stop(new RenderException("frame rendering was interrupted", e));
        } catch (FrameRenderException e) {
            ring.stop(e);
        } catch (OutOfMemoryError e) {
            ring.stop(new RenderException("out of memory while rendering frame " + index + " (Java heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB): raise -Xmx or use fewer --threads", e));
        } catch (RuntimeException | Error e) {
            ring.stop(new RenderException("frame " + index + " failed: " + e, e));
        }
    }

    // ---- encoder -------------------------------------------------------------------------

    private void encode() {
        Mp4Writer writer = null;
        String encoderName = "";
        int done = 0;
        try {
            progress.report(Stage.OPENING_ENCODER, 0, encoderName);
            EncoderSelection.Opened opened = EncoderSelection.open(request.encoder(), request.settings(),
                    output.temp(), AUDIO_CHUNK_FRAMES, () -> { });
            writer = opened.writer();
            encoderName = writer.encoder().ffmpegName();
            AudioPump audio = new AudioPump(request.audio(), writer, request.settings().fps(),
                    RenderRequest.audioLength(request.frames()));
            int total = request.frames().frameCount();
            progress.report(Stage.RENDERING, 0, encoderName);
            long waitedNanos = 0;
            for (int i = 0; i < total; i++) {
                long waitStart = System.nanoTime();
                YuvFrame frame = ring.awaitReady(i);
                waitedNanos += System.nanoTime() - waitStart;
                writer.writeVideo(frame);
                ring.release(i);
                audio.pumpUntilFrame(i + 1);
                done = i + 1;
                progress.report(Stage.RENDERING, done, encoderName);
            }
            audio.pumpToEnd();
            progress.report(Stage.FINISHING, done, encoderName);
            writer.finish();
            throwIfStopped();
            refuseIncomplete();
            long bytes = Files.size(output.temp());
            output.commit();
            joinProducers();
            RenderResult finished = new RenderResult(output.target(), total, request.settings().fps(), bytes,
                    writer.encoder(), opened.skipped(), java.time.Duration.ofNanos(System.nanoTime() - startNanos),
                    java.time.Duration.ofNanos(waitedNanos));
            reportDone(done, encoderName);
            result = finished;
        } catch (Throwable t) {
            Throwable reason = t instanceof StoppedException ? t.getCause() : t;
            ring.stop(reason);
            failure = describe(ring.stopReason());
            cleanUp(writer, failure);
            try {
                progress.report(failure instanceof RenderCancelledException ? Stage.CANCELLED : Stage.FAILED,
                        done, encoderName);
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }

    /** The video is complete and in place by now, so a listener failing here cannot lose it. */
    private void reportDone(int done, String encoderName) {
        try {
            progress.report(Stage.DONE, done, encoderName);
        } catch (RuntimeException e) {
            failure = new RenderException("the video was written to " + output.target()
                    + " but the progress listener failed: " + e, e);
        }
    }

    /** Never let a damaged file replace anything, even when FFmpeg reported no error. */
    private void refuseIncomplete() throws IOException, RenderException {
        var problem = Mp4Structure.problem(output.temp());
        if (problem.isPresent()) {
            throw new RenderException("cannot write " + output.target() + ": the finished video is incomplete: "
                    + problem.get());
        }
    }

    private void throwIfStopped() throws StoppedException {
        Throwable stop = ring.stopReason();
        if (stop != null) {
            throw new StoppedException(stop);
        }
    }

    /** Releases the encoder, deletes the partial file and waits for the producers. */
    private void cleanUp(Mp4Writer writer, RenderException failure) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        try {
            output.discard();
        } catch (IOException e) {
            failure.addSuppressed(new IOException("could not delete the partial file " + output.temp(), e));
        }
        try {
            joinProducers();
        } catch (InterruptedException e) {
            failure.addSuppressed(e);
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for producers; after a stop, interrupts the ones still busy with a frame. */
    private void joinProducers() throws InterruptedException {
        long graceEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CANCEL_GRACE_MILLIS);
        for (Thread t : producers) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(graceEnd - System.nanoTime())));
        }
        for (Thread t : producers) {
            if (t.isAlive()) {
                t.interrupt();
            }
        }
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(JOIN_LIMIT_MILLIS);
        for (Thread t : producers) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
        }
    }

    private RenderException describe(Throwable reason) {
        if (reason instanceof Cancelled) {
            return new RenderCancelledException("render cancelled; no file written");
        }
        if (reason instanceof RenderException e) {
            return e;
        }
        if (reason instanceof OutputWriteException e) { // FFmpeg names the temporary file; the user knows the target
            return new RenderException("cannot write " + output.target() + ": " + e.reason(), e);
        }
        if (reason instanceof FrameRenderException e) {
            return new RenderException("cannot render " + e.getMessage(), e);
        }
        String message = reason.getMessage() != null ? reason.getMessage() : reason.toString();
        return new RenderException(message, reason);
    }

    /** Marks a stop requested by the user. */
    private static final class Cancelled extends Exception {
        Cancelled() {
            super("cancelled", null, false, false);
        }
    }

    /** Pulls audio in small chunks so it stays interleaved with the video already written. */
    private static final class AudioPump {
        private final AudioSource source;
        private final Mp4Writer writer;
        private final int fps;
        private final long length;
        private final float[] scratch;
        private long written;
        private boolean ended;

        AudioPump(AudioSource source, Mp4Writer writer, int fps, long length) {
            this.source = source;
            this.writer = writer;
            this.fps = fps;
            this.length = length;
            this.scratch = new float[writer.audioChunkFrames() * AudioSource.CHANNELS];
        }

        void pumpUntilFrame(int videoFrames) throws IOException {
            pumpTo(Math.min(length, (long) videoFrames * AudioSource.SAMPLE_RATE / fps));
        }

        void pumpToEnd() throws IOException {
            pumpTo(length);
        }

        private void pumpTo(long target) throws IOException {
            while (!ended && written < target) {
                int want = (int) Math.min(writer.audioChunkFrames(), target - written);
                int n = source.read(scratch, want);
                if (n <= 0) {
                    ended = true; // shorter than the video: the rest of the video plays silent
                    return;
                }
                writer.audioChunk().put(scratch, 0, n * AudioSource.CHANNELS);
                writer.writeAudioChunk(n);
                written += n;
            }
        }
    }
}
