package org.kinora.render.pipeline;

import java.io.IOException;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameSource;

/** Makes the frame and audio sources that render a {@link Project}; the one place that knows their classes. */
public final class ProjectSources {

    /**
     * The photo cache budget in bytes, set by the launcher when it sized the render's heap from
     * the project's photos ({@code MemoryRelaunch}): the heap then need not be twice the cache.
     */
    public static final String PHOTO_CACHE_PROPERTY = "kinora.photoCacheBytes";

    private ProjectSources() {
    }

    /** The project's frames at its output size, for as many frame-making threads as cores; the caller closes it. */
    public static FrameSource frames(Project project) {
        return frames(project, RenderRequest.defaultProducers());
    }

    /**
     * The project's frames at its output size, loading photos ahead for {@code producers}
     * frame-making threads; the caller closes it.
     */
    public static FrameSource frames(Project project, int producers) {
        return framesLoadingAhead(project, org.kinora.render.frame.FrameRenderer.photosAheadFor(producers));
    }

    /** The project's frames, loading {@code photosAhead} photos ahead and at once; the caller closes it. */
    public static FrameSource framesLoadingAhead(Project project, int photosAhead) {
        return new org.kinora.render.frame.FrameRenderer(project, new org.kinora.image.PhotoLoader(),
                new org.kinora.image.PhotoCache(photoCacheBudget()), true, photosAhead);
    }

    /**
     * Decoded photos take half the heap at most, so {@code -Xmx} alone caps a render's memory. An
     * export releases each photo once its slide is done, so this only matters when photos are
     * large for the heap: a crossfade needs two photos at once, and a budget below that would
     * evict one of them and decode it again for every frame (a third of a 96 MB heap did). When
     * the launcher knows what the project's photos need ({@link #PHOTO_CACHE_PROPERTY}), the
     * budget is at least that.
     */
    static long photoCacheBudget() {
        long needed = Long.getLong(PHOTO_CACHE_PROPERTY, 0L);
        return Math.min(org.kinora.image.PhotoCache.DEFAULT_BUDGET_BYTES,
                Math.max(needed, Runtime.getRuntime().maxMemory() / 2));
    }

    /**
     * The project's soundtrack, exactly as long as its video; silence when it has no music. Every
     * audio file is first checked exactly as {@code kinora check} checks it ({@code AudioProbe}),
     * so whatever check refuses (a file with no decodable audio, trims that do not fit it) fails
     * here, naming the file, before the caller writes any video. {@code kinora render} and the
     * editor's export both come through here.
     */
    public static AudioSource audio(Project project) throws IOException {
        org.kinora.render.audio.AudioProbe.requireUsable(project);
        return org.kinora.render.audio.AudioMixer.open(project);
    }
}
