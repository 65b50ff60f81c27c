package org.kinora.render.pipeline;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a render stands, as the editor's progress dialog and the CLI's progress bar show it.
 *
 * @param framesDone frames encoded so far
 * @param framesPerSecond average encoded frames per second since frames began to flow
 * @param remaining estimated time left; empty until there is a rate to estimate from
 * @param encoder the encoder writing the video ("libx264"), empty before one is open
 */
public record RenderProgress(Stage stage, int framesDone, int totalFrames, double framesPerSecond,
                             Duration elapsed, Optional<Duration> remaining, String encoder) {

    /** The steps of a render, in order; it ends in one of the last three. */
    public enum Stage {
        OPENING_ENCODER, RENDERING, FINISHING, DONE, CANCELLED, FAILED;

        public boolean terminal() {
            return this == DONE || this == CANCELLED || this == FAILED;
        }
    }

    public RenderProgress {
        if (stage == null || elapsed == null || remaining == null || encoder == null) {
            throw new IllegalArgumentException("stage, elapsed, remaining and encoder are required");
        }
        if (totalFrames < 0 || framesDone < 0 || framesDone > totalFrames) {
            throw new IllegalArgumentException("frames done " + framesDone + " of " + totalFrames);
        }
        if (!(framesPerSecond >= 0)) {
            throw new IllegalArgumentException("fps must be zero or more, was " + framesPerSecond);
        }
    }

    /** 0..1 */
    public double fraction() {
        return totalFrames == 0 ? 1 : (double) framesDone / totalFrames;
    }
}
