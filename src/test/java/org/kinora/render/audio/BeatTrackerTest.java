package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeatTrackerTest {

    @TempDir
    Path dir;

    /** 120 BPM: a loud click on every beat, a quieter one on every off-beat eighth. */
    @Test
    void findsTheBeatOfASteadyMetronomeWithOffBeats() throws Exception {
        double beat = 0.5;
        double[] beats = DoubleStream.iterate(0.25, t -> t < 24, t -> t + beat).toArray();
        double[] offBeats = Arrays.stream(beats).map(t -> t + beat / 2).toArray();
        double[] all = DoubleStream.concat(Arrays.stream(beats), Arrays.stream(offBeats)).sorted().toArray();
        TestAudio.Signal clicks = OnsetDetectorTest.clickTrack(all, 5);
        TestAudio.Signal accented = (c, t) -> {
            int i = OnsetDetectorTest.lastClickBefore(all, t);
            boolean onBeat = i >= 0 && Math.abs(((all[i] - 0.25) / beat) - Math.rint((all[i] - 0.25) / beat)) < 1e-6;
            return clicks.at(c, t) * (onBeat ? 1.0 : 0.35);
        };
        Path mp3 = TestAudio.encode(dir.resolve("metronome.mp3"), "libmp3lame", 44_100, 1, 24.5, accented);

        MusicAnalysis analysis = MusicAnalysis.of(mp3);
        BeatTracker.Result result = analysis.beat();
        OnsetDetectorTest.Score s = OnsetDetectorTest.score(beats, result.beatSeconds());
        System.out.printf("beats metronome: %.1f BPM, %d beats, %d found (%.1f %%), %d other, mean |error| %.1f ms, on onsets %.2f%n",
                result.bpm(), beats.length, s.found(), 100.0 * s.found() / beats.length, s.falsePositives(),
                s.meanError() * 1000, result.onBeatShare());

        assertThat(result.bpm()).isCloseTo(120, within(2.0));
        assertThat(result.steady()).isTrue();
        assertThat((double) s.found() / beats.length).isGreaterThanOrEqualTo(0.95);
        assertThat(s.falsePositives()).isLessThanOrEqualTo(2);
        assertThat(analysis.beatSeconds()).isEqualTo(result.beatSeconds());
    }

    @Test
    void findsTheBeatOfTheSampleSong() throws Exception {
        MusicAnalysis analysis = MusicAnalysis.of(SampleMusicOnsetTest.SONG);
        BeatTracker.Result result = analysis.beat();
        double quarter = 60.0 / 96;
        double[] grid = DoubleStream.iterate(0, t -> t < 29, t -> t + quarter).toArray();
        double[] inSong = Arrays.stream(result.beatSeconds()).filter(t -> t < 29).toArray();
        OnsetDetectorTest.Score s = OnsetDetectorTest.score(grid, inSong);
        System.out.printf("beats sample song: %.1f BPM, %d quarter beats, %d found (%.1f %%), %d other, mean |error| %.1f ms, on onsets %.2f%n",
                result.bpm(), grid.length, s.found(), 100.0 * s.found() / grid.length, s.falsePositives(),
                s.meanError() * 1000, result.onBeatShare());
        assertThat(result.steady()).isTrue();
        assertThat(result.bpm()).isCloseTo(96, within(2.0));
        assertThat((double) s.found() / grid.length).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void clicksWithoutATempoAreNotSteadySoCutsUseTheOnsets() throws Exception {
        double[] clicks = OnsetDetectorTest.clickTimes(7, 30);
        Path wav = TestAudio.wav(dir.resolve("free.wav"), 48_000, 1, 30, OnsetDetectorTest.clickTrack(clicks, 7));
        MusicAnalysis analysis = MusicAnalysis.of(wav);
        System.out.printf("beats free clicks: %.1f BPM, on onsets %.2f, steady %s%n", analysis.beat().bpm(),
                analysis.beat().onBeatShare(), analysis.beat().steady());
        assertThat(analysis.beat().steady()).isFalse();
        assertThat(analysis.beatSeconds()).isEqualTo(analysis.onsetSeconds());
    }
}
