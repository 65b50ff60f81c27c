package org.kinora.render.encode;

/**
 * Whether one encoder can write the requested video here, and if not why, in words a user
 * understands ("NVENC unavailable: no NVIDIA driver found").
 */
public record EncoderStatus(VideoEncoder encoder, boolean usable, String reason) {

    public EncoderStatus {
        if (encoder == null || reason == null) {
            throw new IllegalArgumentException("encoder and reason are required");
        }
    }

    public static EncoderStatus ok(VideoEncoder encoder) {
        return new EncoderStatus(encoder, true, encoder.displayName() + " available");
    }

    public static EncoderStatus unusable(VideoEncoder encoder, String why) {
        return new EncoderStatus(encoder, false, encoder.displayName() + " unavailable: " + why);
    }
}
