package org.kinora.ui;

import org.kinora.model.Project;

/**
 * What the preview needs from the frame renderer: ARGB frames of a project at a given size.
 * Implemented over the export's {@code FrameRenderer} so the preview shows what the export shows.
 */
interface PreviewRenderer extends AutoCloseable {

    int width();

    int height();

    int frameCount();

    /** Writes frame {@code frame} as width*height opaque premultiplied ARGB ints. Thread-safe. */
    void renderArgb(int frame, int[] argb) throws Exception;

    /**
     * While playing, after frame {@code doneFrame} was handed over: loads what the frames coming
     * next need (the next slide's photo), so playback does not stall at the slide change.
     */
    default void prepareAhead(int doneFrame) {
    }

    @Override
    void close();

    /** Makes a renderer for a project at a preview size. */
    interface Factory {
        PreviewRenderer create(Project project, int width, int height) throws Exception;
    }
}
