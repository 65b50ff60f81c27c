package org.kinora.render;

import java.time.Duration;

/**
 * Produces the frames of a video by index. Implementations are pure functions of the frame
 * index and safe to call from many threads at once; the render pipeline calls them in parallel
 * and puts the results back in order.
 */
public interface FrameSource extends AutoCloseable {

    int width();

    int height();

    int fps();

    int frameCount();

    /**
     * Writes frame {@code index} into {@code out}, overwriting all of it.
     *
     * @throws FrameRenderException naming the slide and photo when the frame cannot be made
     */
    void renderYuv(int index, YuvFrame out) throws FrameRenderException;

    /**
     * Called by a producer that has just finished frame {@code doneFrame} and holds no frame, so
     * that slow preparation for the frames coming next (loading the next photo) runs while other
     * producers keep drawing, instead of inside a frame the encoder is about to wait for.
     * Failures are left to the frame that needs what failed, which reports them.
     */
    default void prepareAhead(int doneFrame) {
    }

    /**
     * How long, in all, frames have waited for their photos so far (a frame that loads its photo
     * itself waits for that load): what keeps frame-making threads from drawing, for benchmarks.
     */
    default Duration photoWaited() {
        return Duration.ZERO;
    }

    @Override
    default void close() {
    }
}
