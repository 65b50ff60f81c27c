package org.kinora.render.pipeline;

import java.io.IOException;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameSource;

/** Makes the frame and audio sources that render a {@link Project}; the one place that knows their classes. */
public final class ProjectSources {

    private ProjectSources() {
    }

    /** The project's frames at its output size; the caller closes it. */
    public static FrameSource frames(Project project) {
        return new org.kinora.render.frame.FrameRenderer(project, new org.kinora.image.PhotoLoader(),
                new org.kinora.image.PhotoCache(photoCacheBudget()));
    }

    /**
     * Decoded photos take a third of the heap at most, so {@code -Xmx} alone caps a render's
     * memory; a crossfade needs two photos at once, and a few more let producers run ahead.
     */
    static long photoCacheBudget() {
        return Math.min(org.kinora.image.PhotoCache.DEFAULT_BUDGET_BYTES, Runtime.getRuntime().maxMemory() / 3);
    }

    /** The project's soundtrack, exactly as long as its video; silence when it has no music. */
    public static AudioSource audio(Project project) throws IOException {
        // Opens every audio file now, so a missing or broken one fails before any frame is rendered.
        return org.kinora.render.audio.AudioMixer.open(project);
    }
}
