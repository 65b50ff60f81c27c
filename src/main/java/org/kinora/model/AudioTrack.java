package org.kinora.model;

import java.nio.file.Path;

/**
 * A music or sound file placed on the timeline.
 *
 * @param file absolute path of the audio file
 * @param startSeconds where on the timeline the track starts
 * @param trimInSeconds how much of the file's beginning to skip
 * @param trimOutSeconds where in the file to stop, or {@link #UNTIL_END}
 * @param volume linear gain, 1 = unchanged
 * @param loop repeat the trimmed part until the video ends
 */
public record AudioTrack(Path file, double startSeconds, double trimInSeconds, double trimOutSeconds,
                         double volume, double fadeInSeconds, double fadeOutSeconds, boolean loop) {

    public static final double UNTIL_END = Double.POSITIVE_INFINITY;
    public static final double MAX_VOLUME = 4.0;
    public static final Limits VOLUME = new Limits(0.0, MAX_VOLUME);

    public AudioTrack {
        Checks.notNull("audio file", file);
        Checks.finiteNonNegative("audio start", startSeconds);
        Checks.finiteNonNegative("audio trim in", trimInSeconds);
        if (!(trimOutSeconds > trimInSeconds)) {
            throw new IllegalArgumentException("audio trim out must be after trim in ("
                    + Checks.fmt(trimInSeconds) + " s), was " + Checks.fmt(trimOutSeconds));
        }
        Checks.within("audio volume", volume, VOLUME);
        Checks.finiteNonNegative("audio fade in", fadeInSeconds);
        Checks.finiteNonNegative("audio fade out", fadeOutSeconds);
    }

    /** The whole file from the start of the timeline, with a gentle fade out. */
    public static AudioTrack of(Path file) {
        return new AudioTrack(file, 0, 0, UNTIL_END, 1.0, 0, 2.0, false);
    }

    public boolean trimmedAtEnd() {
        return trimOutSeconds != UNTIL_END;
    }
}
