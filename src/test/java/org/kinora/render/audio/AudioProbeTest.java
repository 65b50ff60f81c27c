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
 * {@code kinora check} and {@code kinora render} apply one check to a track's audio: a file without
 * decodable audio is refused by both, in the same words, before any video is written.
 */
class AudioProbeTest {

    @TempDir
    Path dir;

    private Path photo;

    @BeforeEach
    void files() throws Exception {
        photo = dir.resolve("p.png");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
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
}
