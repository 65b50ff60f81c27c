package org.kinora.render.encode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kinora.model.EncoderPreference;

/**
 * Opens the first encoder of the preference that works: {@code auto} tries NVENC, then libx264,
 * then OpenH264; a named encoder is tried alone and its failure is the render's failure. Never
 * writes with an encoder the user did not allow.
 */
public final class EncoderSelection {

    /** The writer opened, and why each encoder tried before it was skipped. */
    public record Opened(Mp4Writer writer, List<String> skipped) {
        public Opened {
            skipped = List.copyOf(skipped);
        }
    }

    private EncoderSelection() {
    }

    public static List<VideoEncoder> candidates(EncoderPreference preference) {
        return switch (preference) {
            case AUTO -> List.of(VideoEncoder.H264_NVENC, VideoEncoder.LIBX264, VideoEncoder.LIBOPENH264);
            case H264_NVENC -> List.of(VideoEncoder.H264_NVENC);
            case LIBX264 -> List.of(VideoEncoder.LIBX264);
        };
    }

    /**
     * Opens {@code file} with the first usable candidate.
     *
     * @param beforeOpen called before each real open, e.g. to recreate the file a failed try left
     * @throws EncoderOpenException naming every encoder tried and why it failed
     */
    public static Opened open(EncoderPreference preference, EncodeSettings settings, Path file,
                              int audioChunkFrames, Runnable beforeOpen) throws EncoderOpenException {
        List<String> skipped = new ArrayList<>();
        for (VideoEncoder candidate : candidates(preference)) {
            EncoderStatus status = EncoderProbe.probe(candidate, settings);
            if (!status.usable()) {
                skipped.add(status.reason());
                continue;
            }
            beforeOpen.run();
            try {
                return new Opened(Mp4Writer.open(file, candidate, settings, audioChunkFrames), skipped);
            } catch (EncoderOpenException e) {
                skipped.add(e.getMessage());
            }
        }
        throw new EncoderOpenException(String.join("; ", skipped));
    }
}
