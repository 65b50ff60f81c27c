package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.cli.KinoraCli;
import org.kinora.model.Project;
import org.kinora.model.Timeline;
import org.kinora.project.ProjectFile;

/** {@code kinora new --fit-to-music --beat-sync} end to end, through the CLI and the project file. */
class NewCommandMusicTest {

    @TempDir
    Path dir;

    int kinora(StringWriter err, String... args) {
        return KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void fitToMusicAndBeatSyncFromTheCommandLine() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 5; i++) {
            ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photos.resolve("p" + i + ".png").toFile());
        }
        double[] clicks = OnsetDetectorTest.clickTimes(11, 17.3);
        Path song = TestAudio.encode(dir.resolve("song.mp3"), "libmp3lame", 44_100, 1, 17.3,
                OnsetDetectorTest.clickTrack(clicks, 11));
        Path out = dir.resolve("show.kinora");
        StringWriter err = new StringWriter();

        int code = kinora(err, "new", photos.toString(), "-o", out.toString(), "--size", "160x90",
                "--music", song.toString(), "--fit-to-music", "--beat-sync");

        assertThat(code).as(err.toString()).isEqualTo(KinoraCli.OK);
        Project project = ProjectFile.load(out);
        Timeline timeline = project.timeline();
        double musicEnd = MusicAnalysis.of(song).durationSeconds();
        assertThat(Math.abs(timeline.durationSeconds() - musicEnd)).isLessThanOrEqualTo(1.0 / timeline.fps());
        // The photos no longer all last the same: boundaries moved onto clicks.
        assertThat(project.slides().stream().mapToDouble(s -> s.durationSeconds()).distinct().count()).isGreaterThan(1);

        // kinora check opens the music as audio: a text file renamed .mp3 is reported, naming it.
        java.nio.file.Files.writeString(song, "not music\n".repeat(100));
        StringWriter checkErr = new StringWriter();
        assertThat(kinora(checkErr, "check", out.toString())).isEqualTo(KinoraCli.FAILED);
        assertThat(checkErr.toString()).contains("song.mp3", "not an audio file");

        StringWriter usage = new StringWriter();
        assertThat(kinora(usage, "new", photos.toString(), "-o", dir.resolve("b.kinora").toString(), "--beat-sync"))
                .isEqualTo(KinoraCli.USAGE);
        assertThat(usage.toString()).contains("need --music");
    }

    /** Random bytes named .mp3 are refused by new itself, naming the file, not only later by check or render. */
    @Test
    void musicFfmpegCannotReadIsRefusedWhenTheProjectIsMade() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photos.resolve("p.png").toFile());
        Path good = TestAudio.wav(dir.resolve("good.wav"), 44_100, 1, 3.0, TestAudio.sine(440, 0.3));
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        Path bad = Files.write(dir.resolve("bad.mp3"), noise);
        Path out = dir.resolve("show.kinora");

        for (String[] music : new String[][] {{bad.toString()}, {good.toString(), bad.toString()}}) {
            StringWriter err = new StringWriter();
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("new", photos.toString(), "-o", out.toString()));
            for (String m : music) {
                args.addAll(java.util.List.of("--music", m));
            }
            assertThat(kinora(err, args.toArray(String[]::new))).as(err.toString()).isEqualTo(KinoraCli.FAILED);
            assertThat(err.toString().lines().toList()).singleElement().asString()
                    .contains("bad.mp3", "not an audio file FFmpeg can read");
            assertThat(out).doesNotExist();
        }
    }

    @Test
    void severalMusicFilesPlayOneAfterTheOtherWithACrossfade() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "png", photos.resolve("p.png").toFile());
        Path first = TestAudio.wav(dir.resolve("first.wav"), 48_000, 2, 6.0, TestAudio.sine(440, 0.3));
        Path second = TestAudio.wav(dir.resolve("second.wav"), 44_100, 1, 5.0, TestAudio.sine(660, 0.3));
        Path out = dir.resolve("two.kinora");
        StringWriter err = new StringWriter();

        int code = kinora(err, "new", photos.toString(), "-o", out.toString(),
                "--music", first.toString(), "--music", second.toString());

        assertThat(code).as(err.toString()).isEqualTo(KinoraCli.OK);
        var tracks = ProjectFile.load(out).audioTracks();
        assertThat(tracks).hasSize(2);
        assertThat(tracks.get(0).startSeconds()).isZero();
        assertThat(tracks.get(0).fadeOutSeconds()).isEqualTo(2.0);
        assertThat(tracks.get(1).fadeInSeconds()).isEqualTo(2.0);
        assertThat(tracks.get(1).startSeconds()).isCloseTo(4.0, org.assertj.core.api.Assertions.within(0.05));
    }
}
