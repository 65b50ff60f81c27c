package org.kinora.render.pipeline;

import java.nio.file.Path;
import org.kinora.model.EncoderPreference;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameSource;
import org.kinora.render.encode.EncodeSettings;

/**
 * Everything a render needs. The caller owns {@code frames} and {@code audio} and closes them
 * after the render.
 *
 * @param producers threads rendering frames in parallel
 * @param queueFrames frames in flight between producers and encoder: the memory bound
 * @param overwrite replace an existing target file
 */
public record RenderRequest(FrameSource frames, AudioSource audio, Path target, EncoderPreference encoder,
                            EncodeSettings settings, int producers, int queueFrames, boolean overwrite) {

    public RenderRequest {
        if (frames == null || audio == null || target == null || encoder == null || settings == null) {
            throw new IllegalArgumentException("frames, audio, target, encoder and settings are required");
        }
        if (frames.width() != settings.width() || frames.height() != settings.height() || frames.fps() != settings.fps()) {
            throw new IllegalArgumentException("frames are " + frames.width() + "x" + frames.height() + "@" + frames.fps()
                    + " but the video is " + settings.width() + "x" + settings.height() + "@" + settings.fps());
        }
        if (producers < 1) {
            throw new IllegalArgumentException("need at least one producer thread, was " + producers);
        }
        if (queueFrames < 1) {
            throw new IllegalArgumentException("need at least one frame in flight, was " + queueFrames);
        }
    }

    /** Silent audio, one producer per core, the default queue, no overwrite. */
    public static RenderRequest of(FrameSource frames, Path target, EncoderPreference encoder, EncodeSettings settings) {
        int producers = defaultProducers();
        return new RenderRequest(frames, AudioSource.silence(audioLength(frames)), target, encoder, settings,
                producers, defaultQueue(producers), false);
    }

    public static int defaultProducers() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** Two frames per producer keep every producer busy while the encoder takes one; two more absorb jitter. */
    public static int defaultQueue(int producers) {
        return 2 * producers + 2;
    }

    /** Sample frames of audio matching the video's length exactly. */
    public static long audioLength(FrameSource frames) {
        return (long) frames.frameCount() * AudioSource.SAMPLE_RATE / frames.fps();
    }

    public RenderRequest withAudio(AudioSource value) {
        return new RenderRequest(frames, value, target, encoder, settings, producers, queueFrames, overwrite);
    }

    /** Sets the producers and resets the queue to its default for that many. */
    public RenderRequest withProducers(int value) {
        return new RenderRequest(frames, audio, target, encoder, settings, value, defaultQueue(value), overwrite);
    }

    public RenderRequest withQueueFrames(int value) {
        return new RenderRequest(frames, audio, target, encoder, settings, producers, value, overwrite);
    }

    public RenderRequest withOverwrite(boolean value) {
        return new RenderRequest(frames, audio, target, encoder, settings, producers, queueFrames, value);
    }
}
