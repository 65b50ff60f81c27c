package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.cli.KinoraCli;
import org.kinora.model.AudioTrack;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Slide;
import org.kinora.project.ProjectFile;
import org.kinora.render.pipeline.ProjectSources;

/**
 * {@code kinora check} and {@code kinora render} apply one rule to a track's audio: a file without
 * decodable audio, a trim in at or past the end, and a looped part under 50 ms are refused by both,
 * in the same words, before any video is written.
 */
class AudioProbeTest {

    @TempDir
    Path dir;

    private Path photo;
    /** Exactly 2.000 s, 48 kHz stereo. */
    private Path twoSeconds;

    @BeforeEach
    void files() throws Exception {
        photo = dir.resolve("p.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        twoSeconds = TestAudio.wav(dir.resolve("two.wav"), 48_000, 2, 2.0, TestAudio.sine(440, 0.5));
    }

    /** A 44-byte RIFF/WAVE file whose data chunk is empty: valid header, no audio. */
    static Path headerOnlyWav(Path file) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 2)
                .putInt(48_000).putInt(48_000 * 4).putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(0);
        return Files.write(file, b.array());
    }

    private static AudioTrack track(Path file, double trimIn, double trimOut, boolean loop) {
        return new AudioTrack(file, 0, trimIn, trimOut, 1, 0, 0, loop);
    }

    private Project project(AudioTrack track) {
        return new Project(new OutputSettings(160, 90, 30, Quality.DRAFT, EncoderPreference.LIBX264),
                List.of(new Slide(photo, 1.0, Motion.STILL)), List.of(track));
    }

    /** Runs check and render on a project with {@code track}; both must fail with {@code problem}, no MP4 left. */
    private void bothRefuse(AudioTrack track, String problem) throws Exception {
        Path file = dir.resolve("show.kinora");
        ProjectFile.save(project(track), file);
        Path mp4 = dir.resolve("show.mp4");

        StringWriter checkErr = new StringWriter();
        int checked = KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(checkErr, true))
                .execute("check", file.toString());
        StringWriter renderErr = new StringWriter();
        int rendered = KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(renderErr, true))
                .execute("render", file.toString(), "-o", mp4.toString(), "--quiet");

        assertThat(checked).as("check exit code").isEqualTo(KinoraCli.FAILED);
        assertThat(checkErr.toString()).contains("audio[0].file: " + track.file() + ": " + problem + System.lineSeparator());
        assertThat(rendered).as("render exit code; stderr: %s", renderErr).isEqualTo(KinoraCli.FAILED);
        assertThat(renderErr.toString()).isEqualTo("kinora: " + track.file() + ": " + problem + System.lineSeparator());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("mp4"));
        }
    }

    @Test
    void aWavWithOnlyAHeaderFailsRenderAsItFailsCheck() throws Exception {
        Path empty = headerOnlyWav(dir.resolve("empty.wav"));
        bothRefuse(AudioTrack.of(empty), "contains no decodable audio");
    }

    @Test
    void theEditorsExportRefusesItToo() throws Exception {
        // The editor exports through ProjectSources as the CLI does (PipelineExporter).
        Path empty = headerOnlyWav(dir.resolve("empty.wav"));
        assertThatThrownBy(() -> ProjectSources.audio(project(AudioTrack.of(empty))).close())
                .isInstanceOf(AudioFileException.class).hasMessage(empty + ": contains no decodable audio");
    }

    @Test
    void aTrimInPastAnExactLengthIsRefusedByCheckAsByRender() throws Exception {
        // The WAV's declared length is exact: no half-second allowance.
        bothRefuse(track(twoSeconds, 2.3, AudioTrack.UNTIL_END, false),
                "trim in (2.3 s) is past the end of the audio (2.000 s)");
    }

    @Test
    void aTrimInAtTheEndLeavesNothingToPlayOrLoop() throws Exception {
        bothRefuse(track(twoSeconds, 2.0, AudioTrack.UNTIL_END, true),
                "trim in (2 s) is at the end of the audio (2.000 s): nothing is left to play");
        bothRefuse(track(twoSeconds, 2.0, AudioTrack.UNTIL_END, false),
                "trim in (2 s) is at the end of the audio (2.000 s): nothing is left to play");
    }

    @Test
    void aLoopOfAFewSamplesIsRefusedNamingItsLength() throws Exception {
        // 1.0001 s -> sample 48005, 1.0002 s -> 48010: 5 samples, which rendered as DC and a 9.6 kHz whine.
        bothRefuse(track(twoSeconds, 1.0001, 1.0002, true), "the looped part is only 0.1 ms (5 samples),"
                + " from trim in 1.0001 s to trim out 1.0002 s; a loop needs at least 50 ms");
    }

    @Test
    void aShortLoopToTheEndOfTheFileIsFoundByDecoding() throws Exception {
        // No trim out: the part is only known from the file's length.
        bothRefuse(track(twoSeconds, 1.99, AudioTrack.UNTIL_END, true), "the looped part is only 10.0 ms (480 samples),"
                + " from trim in 1.99 s to the end of the audio at 2.000 s; a loop needs at least 50 ms");
    }

    @Test
    void loopsOfFiftyMillisecondsOrMoreAndShortPlainPartsAreFine() throws Exception {
        assertThat(AudioProbe.problemOf(track(twoSeconds, 1.0, 1.05, true))).isNull();
        assertThat(AudioProbe.problemOf(track(twoSeconds, 1.95, AudioTrack.UNTIL_END, true))).isNull();
        assertThat(AudioProbe.problemOf(track(twoSeconds, 1.9999, AudioTrack.UNTIL_END, false))).isNull();
        assertThat(AudioProbe.problemOf(track(twoSeconds, 1.0, 1.0001, false))).isNull();
        assertThat(AudioProbe.problemOf(track(twoSeconds, 0, AudioTrack.UNTIL_END, true))).isNull();
        // A loop a whisker short of 50 ms is not.
        assertThat(AudioProbe.problemOf(track(twoSeconds, 1.0, 1.0499, true))).contains("49.9 ms (2395 samples)");
        // Trims that round to the same sample leave nothing to play, looped or not.
        assertThat(AudioProbe.problemOf(track(twoSeconds, 1.000001, 1.000002, false)))
                .isEqualTo("no audio to play from trim in 1.000001 s to trim out 1.000002 s (less than one sample)");
    }

    @Test
    void tracksSharingAFileAreEachHeldToTheRule() throws Exception {
        Project project = project(AudioTrack.of(twoSeconds)).withAudioTracks(List.of(
                AudioTrack.of(twoSeconds), track(twoSeconds, 1.98, AudioTrack.UNTIL_END, true)));
        assertThat(AudioProbe.check(project)).singleElement()
                .extracting(AudioFileException::problem).asString().contains("only 20.0 ms (960 samples)");
    }
}
