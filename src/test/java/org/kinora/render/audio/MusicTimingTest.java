package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Timeline;
import org.kinora.model.Transition;

class MusicTimingTest {

    @TempDir
    Path dir;

    static Project withTransitions(Project p, double seconds) {
        List<Slide> slides = new ArrayList<>();
        for (Slide s : p.slides()) {
            slides.add(s.withTransition(Transition.crossfade(seconds)));
        }
        return p.withSlides(slides);
    }

    /** End of the last slide as the renderer sees it: the timeline's last frame boundary. */
    static double videoEnd(Project p) {
        Timeline t = p.timeline();
        return (double) t.totalFrames() / t.fps();
    }

    @Test
    void fitToMusicEndsTheLastSlideWithinOneFrameOfTheMusic() throws Exception {
        // 13.37 s of music at 44.1 kHz mono MP3 starting 0.4 s into the timeline.
        Path mp3 = TestAudio.encode(dir.resolve("song.mp3"), "libmp3lame", 44_100, 1, 13.37, TestAudio.sine(330, 0.3));
        Project base = AudioMixerTest.project(7, 3.0, 30,
                List.of(new AudioTrack(mp3, 0.4, 0, AudioTrack.UNTIL_END, 1, 0, 1, false)));
        ProjectMusic music = ProjectMusic.analyze(base);
        assertThat(music.endSeconds()).isCloseTo(13.77, within(0.03)); // MP3 decoders trim the encoder delay

        for (Project project : List.of(base, withTransitions(base, 0.8))) {
            Project fitted = FitToMusic.fit(project, music.endSeconds());
            assertThat(Math.abs(videoEnd(fitted) - music.endSeconds())).isLessThanOrEqualTo(1.0 / 30);
            assertThat(fitted.slides()).hasSize(7);
            // Each photo keeps its share: equal durations stay equal.
            assertThat(fitted.slides().get(2).durationSeconds())
                    .isCloseTo(fitted.slides().get(5).durationSeconds(), within(1e-9));
            // And the mix of the fitted project is exactly the video's length, with music until the end.
            float[] pcm = AudioMixerTest.mix(fitted);
            assertThat(pcm.length / 2).isEqualTo(AudioLength.sampleFrames(fitted));
        }
        // Transitions are kept when they fit.
        Project fitted = FitToMusic.fit(withTransitions(base, 0.8), music.endSeconds());
        assertThat(fitted.slides().get(0).transition().durationSeconds()).isEqualTo(0.8);
    }

    @Test
    void fitToMusicScalesTransitionsOnlyWhenTheyWouldNotFit() {
        Project project = withTransitions(AudioMixerTest.project(4, 2.0, 25, List.of()), 0.9);
        Project fitted = FitToMusic.fit(project, 2.0); // much shorter than 4 * 2 - 3 * 0.9 = 5.3 s
        assertThat(Math.abs(videoEnd(fitted) - 2.0)).isLessThanOrEqualTo(1.0 / 25);
        assertThat(fitted.slides().get(0).transition().durationSeconds()).isCloseTo(0.9 * 2.0 / 5.3, within(1e-9));
        Project longer = FitToMusic.fit(project, 61.0);
        assertThat(Math.abs(videoEnd(longer) - 61.0)).isLessThanOrEqualTo(1.0 / 25);
        assertThatThrownBy(() -> FitToMusic.fit(project, 0.1)).hasMessageContaining("cannot fit 4 slides");
    }

    @Test
    void beatSyncSnapsBoundariesToBeatsWithinAQuarterSecond() {
        // Slides of 2 s: boundaries at 2, 4, 6, 8 s; the video ends at 10 s.
        Project project = AudioMixerTest.project(5, 2.0, 30, List.of());
        double[] beats = {0.5, 2.2, 3.70, 5.5, 8.26, 9.5};
        Project snapped = BeatSync.snap(project, beats);

        double[] starts = SlideTimes.starts(snapped.slides());
        assertThat(starts[1]).isCloseTo(2.2, within(1e-9)); // 0.2 s away: snapped
        assertThat(starts[2]).isCloseTo(4.0, within(1e-9)); // nearest beat 3.7 is 0.3 s away: stays
        assertThat(starts[3]).isCloseTo(6.0, within(1e-9)); // nearest beat 5.5 is 0.5 s away: stays
        assertThat(starts[4]).isCloseTo(8.0, within(1e-9)); // 8.26 is 0.26 s away: stays
        assertThat(SlideTimes.end(snapped.slides())).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void beatSyncPutsTheMiddleOfATransitionOnTheBeatAndKeepsSlidesValid() {
        Project project = withTransitions(AudioMixerTest.project(3, 2.5, 30, List.of()), 1.0);
        // Starts 0, 1.5, 3; transition middles at 2.0 and 3.5; end 5.5.
        Project snapped = BeatSync.snap(project, new double[] {2.2, 3.3});
        double[] starts = SlideTimes.starts(snapped.slides());
        assertThat(starts[1] + 0.5).isCloseTo(2.2, within(1e-9));
        assertThat(starts[2] + 0.5).isCloseTo(3.3, within(1e-9));
        assertThat(SlideTimes.end(snapped.slides())).isCloseTo(5.5, within(1e-9));
        assertThat(SlideTimes.fitsTransitions(snapped.slides())).isTrue();

        // With 2 s slides the middle one (1 s in + 1 s out) is already as short as it can be:
        // either move would shrink it below 2 s, so both boundaries stay.
        Project tight = withTransitions(AudioMixerTest.project(3, 2.0, 30, List.of()), 1.0);
        Project unchanged = BeatSync.snap(tight, new double[] {1.7, 2.3});
        assertThat(SlideTimes.starts(unchanged.slides())).containsExactly(new double[] {0, 1, 2}, within(1e-9));
    }

    @Test
    void beatSyncOnDetectedBeatsOfAClickTrackPutsCutsOnClicks() throws Exception {
        double[] clicks = OnsetDetectorTest.clickTimes(3, 16);
        Path mp3 = TestAudio.encode(dir.resolve("clicks.mp3"), "libmp3lame", 44_100, 1, 16,
                OnsetDetectorTest.clickTrack(clicks, 3));
        Project project = AudioMixerTest.project(6, 2.5, 30, List.of(new AudioTrack(mp3, 0, 0, AudioTrack.UNTIL_END, 1, 0, 1, false)));
        ProjectMusic music = ProjectMusic.analyze(project);
        Project synced = BeatSync.snap(FitToMusic.fit(project, music.endSeconds()), music.beatSeconds());

        Timeline timeline = synced.timeline();
        assertThat(Math.abs(videoEnd(synced) - 16)).isLessThanOrEqualTo(1.0 / 30);
        int checked = 0;
        for (int i = 1; i < synced.slides().size(); i++) {
            double cut = timeline.secondsOf(timeline.startFrame(i));
            double nearestClick = java.util.Arrays.stream(clicks).map(c -> Math.abs(c - cut)).min().orElseThrow();
            // Clicks are 0.3..0.8 s apart, so one lies within 0.25 s of most boundaries; the cut lands
            // on it within the detector's error plus half a video frame.
            double unsnapped = SlideTimes.starts(FitToMusic.fit(project, music.endSeconds()).slides())[i];
            double clickNearOriginal = java.util.Arrays.stream(clicks).map(c -> Math.abs(c - unsnapped)).min().orElseThrow();
            if (clickNearOriginal < 0.24) {
                checked++;
                assertThat(nearestClick).as("cut %d at %.3f s", i, cut).isLessThan(0.005 + 0.5 / 30);
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    @Test
    void beatSyncOnTheSampleSongCutsOnItsQuarterNotes() throws Exception {
        Path song = SampleMusicOnsetTest.SONG.toAbsolutePath();
        Project project = withTransitions(AudioMixerTest.project(8, 4.0, 30, List.of(AudioTrack.of(song))), 0.5);
        ProjectMusic music = ProjectMusic.analyze(project);
        Project fitted = FitToMusic.fit(project, music.endSeconds());
        Project synced = BeatSync.snap(fitted, music.beatSeconds());

        double quarter = 60.0 / 96;
        double[] before = SlideTimes.starts(fitted.slides());
        double[] after = SlideTimes.starts(synced.slides());
        int onBeat = 0;
        for (int i = 1; i < after.length; i++) {
            double middle = after[i] + 0.25; // half of the 0.5 s transition
            double offGrid = Math.abs(middle - Math.rint(middle / quarter) * quarter);
            double wasOffGrid = Math.abs(before[i] + 0.25 - Math.rint((before[i] + 0.25) / quarter) * quarter);
            if (wasOffGrid <= 0.24) {
                assertThat(offGrid).as("transition %d centred at %.3f s", i, middle).isLessThan(0.01);
                onBeat++;
            }
        }
        assertThat(onBeat).isGreaterThanOrEqualTo(5);
        assertThat(Math.abs(videoEnd(synced) - music.endSeconds())).isLessThanOrEqualTo(1.0 / 30);
    }

    @Test
    void crossfadedTracksKeepAnEvenLevelThroughTheOverlap() throws Exception {
        Path a = TestAudio.wav(dir.resolve("a.wav"), 48_000, 2, 3.0, TestAudio.sine(440, 0.5));
        Path b = TestAudio.wav(dir.resolve("b.wav"), 44_100, 2, 3.0, TestAudio.sine(660, 0.5));
        List<AudioTrack> chained = Crossfades.chain(List.of(
                new AudioTrack(a, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false),
                new AudioTrack(b, 0, 0, AudioTrack.UNTIL_END, 1, 0, 0, false)), new double[] {3.0, 3.0}, 1.0);
        assertThat(chained.get(1).startSeconds()).isEqualTo(2.0);
        Project project = AudioMixerTest.project(1, 5.0, 30, chained);

        float[] pcm = AudioMixerTest.mix(project);

        double full = 0.5 / Math.sqrt(2);
        for (double t = 1.0; t < 4.0; t += 0.1) {
            assertThat(TestAudio.rms(pcm, 0, AudioMixerTest.at(t), AudioMixerTest.at(t + 0.05)))
                    .as("RMS at %.1f s", t).isCloseTo(full, within(0.03));
        }
        int mid0 = AudioMixerTest.at(2.4);
        int mid1 = AudioMixerTest.at(2.6);
        assertThat(TestAudio.toneAmplitude(pcm, 0, mid0, mid1, 440)).isCloseTo(0.5 * Math.cos(Math.PI / 4), within(0.05));
        assertThat(TestAudio.toneAmplitude(pcm, 0, mid0, mid1, 660)).isCloseTo(0.5 * Math.sin(Math.PI / 4), within(0.05));
    }

    @Test
    void probeReportsEveryBadFileBeforeRendering() throws Exception {
        Path good = TestAudio.wav(dir.resolve("good.wav"), 48_000, 2, 1.0, TestAudio.sine(440, 0.5));
        Path missing = dir.resolve("gone.mp3");
        Path text = java.nio.file.Files.writeString(dir.resolve("readme.m4a"), "hello\n".repeat(100));
        Project project = AudioMixerTest.project(1, 1.0, 30, List.of(
                AudioTrack.of(good), AudioTrack.of(missing), AudioTrack.of(text),
                new AudioTrack(good, 0, 5.0, AudioTrack.UNTIL_END, 1, 0, 0, false)));

        List<AudioFileException> problems = AudioProbe.check(project);

        // One problem per file, in the order the files first appear.
        assertThat(problems).extracting(AudioFileException::file).containsExactly(good, missing, text);
        assertThat(problems.get(0).getMessage()).contains("good.wav", "trim in");
        assertThat(problems.get(1).getMessage()).contains("gone.mp3", "not found");
        assertThat(problems.get(2).getMessage()).contains("readme.m4a");
        assertThat(AudioProbe.check(project.withAudioTracks(List.of(AudioTrack.of(good))))).isEmpty();
    }
}
