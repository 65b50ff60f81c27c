package org.kinora.render.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.kinora.render.encode.VideoEncoder;

/**
 * A finished render.
 *
 * @param skippedEncoders why each encoder tried before {@code encoder} could not be used
 * @param encoderWaited how long the encoder thread waited for its next frame: frame generation
 *                      falling behind the encoder (the first frame included)
 */
public record RenderResult(Path file, int frames, int fps, long bytes, VideoEncoder encoder,
                           List<String> skippedEncoders, Duration wallTime, Duration encoderWaited) {

    public RenderResult {
        skippedEncoders = List.copyOf(skippedEncoders);
    }

    public double durationSeconds() {
        return (double) frames / fps;
    }

    /** Frames per second over the whole render, setup and finishing included. */
    public double averageFps() {
        double s = wallTime.toNanos() / 1e9;
        return s > 0 ? frames / s : 0;
    }
}
