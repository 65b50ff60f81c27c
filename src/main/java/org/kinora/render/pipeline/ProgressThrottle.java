package org.kinora.render.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Builds progress events and passes at most one per 100 ms to the listener, so a fast render at
 * hundreds of frames per second does not flood a UI. The terminal event always goes through.
 */
final class ProgressThrottle {

    static final long MIN_INTERVAL_NANOS = 100_000_000L;

    private final RenderListener listener;
    private final LongSupplier clock;
    private final long startNanos;
    private final int totalFrames;
    private long renderStartNanos = -1;
    private long lastSentNanos = Long.MIN_VALUE;
    private RenderProgress latest;

    ProgressThrottle(RenderListener listener, LongSupplier clock, int totalFrames) {
        this.listener = listener;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.totalFrames = totalFrames;
    }

    /** Reports a state; sent now unless another event went out less than 100 ms ago. */
    void report(RenderProgress.Stage stage, int framesDone, String encoder) {
        long now = clock.getAsLong();
        if (stage == RenderProgress.Stage.RENDERING && renderStartNanos < 0) {
            renderStartNanos = now;
        }
        latest = build(stage, framesDone, encoder, now);
        if (stage.terminal() || lastSentNanos == Long.MIN_VALUE || now - lastSentNanos >= MIN_INTERVAL_NANOS) {
            lastSentNanos = now;
            listener.onProgress(latest);
        }
    }

    /** The last state reported, sent or not. */
    RenderProgress latest() {
        return latest;
    }

    private RenderProgress build(RenderProgress.Stage stage, int done, String encoder, long now) {
        Duration elapsed = Duration.ofNanos(now - startNanos);
        double fps = 0;
        Optional<Duration> remaining = Optional.empty();
        if (renderStartNanos >= 0 && done > 0 && now > renderStartNanos) {
            fps = done / ((now - renderStartNanos) / 1e9);
            remaining = Optional.of(Duration.ofMillis(Math.round((totalFrames - done) / fps * 1000)));
        }
        if (stage.terminal() && stage == RenderProgress.Stage.DONE) {
            remaining = Optional.of(Duration.ZERO);
        }
        return new RenderProgress(stage, done, totalFrames, fps, elapsed, remaining, encoder);
    }
}
