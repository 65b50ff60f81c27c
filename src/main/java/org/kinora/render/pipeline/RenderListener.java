package org.kinora.render.pipeline;

/**
 * Receives progress, at most {@link ProgressThrottle#MIN_INTERVAL_NANOS 10 times a second} plus the
 * final event, on the render's encoder thread: a UI must hand the event to its own thread and
 * return at once (an exception thrown here fails the render).
 */
@FunctionalInterface
public interface RenderListener {

    RenderListener NONE = progress -> { };

    void onProgress(RenderProgress progress);
}
