package org.kinora.render.audio;

import org.kinora.model.Project;
import org.kinora.model.Timeline;
import org.kinora.render.AudioSource;

/** The soundtrack's length in 48 kHz sample frames: the video's length, rounded the same way everywhere. */
public final class AudioLength {

    private AudioLength() {
    }

    /** {@code round(videoFrames / fps * 48000)}, in exact integer arithmetic (halves round up). */
    public static long sampleFrames(long videoFrames, int fps) {
        if (videoFrames < 0 || fps <= 0) {
            throw new IllegalArgumentException("need videoFrames >= 0 and fps > 0, was " + videoFrames + ", " + fps);
        }
        return (2 * videoFrames * AudioSource.SAMPLE_RATE + fps) / (2L * fps);
    }

    public static long sampleFrames(Timeline timeline) {
        return sampleFrames(timeline.totalFrames(), timeline.fps());
    }

    public static long sampleFrames(Project project) {
        return sampleFrames(project.timeline());
    }

    /** Seconds to sample frames, rounded to the nearest. */
    public static long ofSeconds(double seconds) {
        return Math.round(seconds * AudioSource.SAMPLE_RATE);
    }
}
