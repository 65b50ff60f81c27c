package org.kinora.ui;

/**
 * The preview's wall clock: which frame should be on screen now. The clock runs on real time,
 * so a machine too slow to render every frame skips some rather than playing in slow motion.
 */
public final class PlaybackClock {

    private final int fps;
    private final int frameCount;
    private long startNanos;
    private int startFrame;
    private boolean playing;

    public PlaybackClock(int fps, int frameCount) {
        this.fps = fps;
        this.frameCount = frameCount;
    }

    public void play(int fromFrame, long nowNanos) {
        startFrame = Math.max(0, Math.min(fromFrame, frameCount - 1));
        startNanos = nowNanos;
        playing = true;
    }

    public void pause() {
        playing = false;
    }

    public boolean playing() {
        return playing;
    }

    public int startFrame() {
        return startFrame;
    }

    /** The frame due at {@code nowNanos}; at most the last frame. */
    public int frameAt(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - startNanos);
        long frame = startFrame + elapsed * fps / 1_000_000_000L;
        return (int) Math.min(frame, frameCount - 1L);
    }

    public boolean finishedAt(long nowNanos) {
        long elapsed = Math.max(0, nowNanos - startNanos);
        return startFrame + elapsed * fps / 1_000_000_000L >= frameCount;
    }
}
