package org.kinora.render.audio;

import java.nio.file.Path;
import org.kinora.render.AudioSource;

/**
 * What one pass over a music file tells: its exact decoded length, its onsets and its beat.
 *
 * @param durationSeconds decoded length at 48 kHz, exact (container durations are estimates for some formats)
 * @param onsetSeconds every detected onset (attack) from the start of the file, ascending
 * @param beat the tracked beat grid and tempo
 */
public record MusicAnalysis(Path file, double durationSeconds, double[] onsetSeconds, BeatTracker.Result beat) {

    public MusicAnalysis {
        onsetSeconds = onsetSeconds.clone();
    }

    @Override
    public double[] onsetSeconds() {
        return onsetSeconds.clone();
    }

    /**
     * Where cuts should land: the beat grid when the music has a steady pulse, otherwise every
     * onset (free-time music, or sounds without a tempo).
     */
    public double[] beatSeconds() {
        return beat.steady() ? beat.beatSeconds() : onsetSeconds();
    }

    /** Decodes {@code file} once in chunks and runs the onset detector and beat tracker over it. */
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
        return new MusicAnalysis(file, (double) frames / AudioSource.SAMPLE_RATE, detector.onsets(),
                BeatTracker.track(detector));
    }
}
