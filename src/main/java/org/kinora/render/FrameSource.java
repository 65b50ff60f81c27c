package org.kinora.render;

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

    @Override
    default void close() {
    }
}
