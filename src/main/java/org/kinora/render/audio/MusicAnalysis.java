package org.kinora.render.audio;

import java.nio.file.Path;
import org.kinora.render.AudioSource;

/**
 * What one pass over a music file tells: its exact decoded length and its beats (onsets).
 *
 * @param durationSeconds decoded length at 48 kHz, exact (container durations are estimates for some formats)
 * @param beatSeconds onset times from the start of the file, ascending
 */
public record MusicAnalysis(Path file, double durationSeconds, double[] beatSeconds) {

    public MusicAnalysis {
        beatSeconds = beatSeconds.clone();
    }

    @Override
    public double[] beatSeconds() {
        return beatSeconds.clone();
    }

    /** Decodes {@code file} once in chunks and runs the onset detector over it. */
    public static MusicAnalysis of(Path file) throws AudioFileException {
        return of(file, OnsetDetector.Parameters.DEFAULT);
    }

    public static MusicAnalysis of(Path file, OnsetDetector.Parameters parameters) throws AudioFileException {
        OnsetDetector detector = new OnsetDetector(parameters);
        float[] chunk = new float[8192 * AudioSource.CHANNELS];
        long frames = 0;
        try (AudioDecoder decoder = AudioDecoder.open(file)) {
            int n;
            while ((n = decoder.read(chunk, 0, 8192)) > 0) {
                detector.acceptStereo(chunk, n);
                frames += n;
            }
        }
        return new MusicAnalysis(file, (double) frames / AudioSource.SAMPLE_RATE, detector.onsets());
    }
}
