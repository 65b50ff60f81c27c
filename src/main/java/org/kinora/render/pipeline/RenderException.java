package org.kinora.render.pipeline;

import java.util.Optional;
import org.kinora.render.FrameRenderException;

/** A render did not produce its file; the message says why in a user's words. No file was left behind. */
public class RenderException extends Exception {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The frame failure that stopped the render, naming the slide and photo, if that was the cause. */
    public Optional<FrameRenderException> frameFailure() {
        for (Throwable t = getCause(); t != null; t = t.getCause()) {
            if (t instanceof FrameRenderException f) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
