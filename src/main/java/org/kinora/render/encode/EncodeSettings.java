package org.kinora.render.encode;

import org.kinora.model.OutputSettings;
import org.kinora.model.Quality;

/**
 * What the video encoder is asked for, independent of which encoder runs.
 *
 * @param crfOverride a libx264 CRF (0 = lossless) replacing the quality's own, or -1 for none;
 *                    NVENC gets the same number as its constant-quality value
 */
public record EncodeSettings(int width, int height, int fps, Quality quality, int crfOverride) {

    /** The longest stretch between keyframes, so that players can seek within 2 s. */
    public static final int MAX_KEYFRAME_SECONDS = 2;

    public EncodeSettings {
        if (width <= 0 || height <= 0 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("video size must be even and positive, was " + width + "x" + height);
        }
        if (fps < 1 || fps > OutputSettings.MAX_FPS) {
            throw new IllegalArgumentException("fps must be between 1 and " + OutputSettings.MAX_FPS + ", was " + fps);
        }
        if (quality == null) {
            throw new IllegalArgumentException("quality is missing");
        }
        if (crfOverride < -1 || crfOverride > 51) {
            throw new IllegalArgumentException("crf must be between 0 and 51, was " + crfOverride);
        }
    }

    public static EncodeSettings of(OutputSettings output) {
        return new EncodeSettings(output.width(), output.height(), output.fps(), output.quality(), -1);
    }

    public EncodeSettings withCrf(int crf) {
        return new EncodeSettings(width, height, fps, quality, crf);
    }

    /** The libx264 constant rate factor: the override if given, else the quality's. */
    public int crf() {
        return crfOverride >= 0 ? crfOverride : quality.crf();
    }

    public boolean lossless() {
        return crfOverride == 0;
    }

    /** Frames between forced keyframes (the GOP size). */
    public int keyframeInterval() {
        return MAX_KEYFRAME_SECONDS * fps;
    }
}
