package org.kinora.render.pipeline;

/** The user cancelled the render; the partial file was deleted. */
public final class RenderCancelledException extends RenderException {

    public RenderCancelledException(String message) {
        super(message);
    }
}
