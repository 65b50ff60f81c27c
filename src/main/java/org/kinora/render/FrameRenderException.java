package org.kinora.render;

import java.nio.file.Path;

/** A frame could not be rendered; names the slide (1-based in the message) and its photo. */
public class FrameRenderException extends Exception {

    private final int slideIndex;
    private final Path photo;

    public FrameRenderException(int slideIndex, Path photo, String problem, Throwable cause) {
        super("slide " + (slideIndex + 1) + " (" + photo + "): " + problem, cause);
        this.slideIndex = slideIndex;
        this.photo = photo;
    }

    /** Zero-based index of the failing slide. */
    public int slideIndex() {
        return slideIndex;
    }

    public Path photo() {
        return photo;
    }
}
