package org.kinora.render.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Quality;

class EncoderSelectionTest {

    private static final EncodeSettings SMALL = new EncodeSettings(320, 180, 30, Quality.STANDARD, -1);

    @TempDir
    Path dir;

    private static boolean nvencWorksHere() {
        return EncoderProbe.probe(VideoEncoder.H264_NVENC, SMALL).usable();
    }

    @Test
    void autoTriesEncodersInOrderAndNamedOnesAlone() {
        assertThat(EncoderSelection.candidates(EncoderPreference.AUTO))
                .containsExactly(VideoEncoder.H264_NVENC, VideoEncoder.LIBX264, VideoEncoder.LIBOPENH264);
        assertThat(EncoderSelection.candidates(EncoderPreference.H264_NVENC)).containsExactly(VideoEncoder.H264_NVENC);
        assertThat(EncoderSelection.candidates(EncoderPreference.LIBX264)).containsExactly(VideoEncoder.LIBX264);
    }

    @Test
    void nvencWithoutAnNvidiaEncoderFailsWithTheReason() {
        assumeFalse(nvencWorksHere(), "this machine has a working NVENC");
        Path file = dir.resolve("nvenc.mp4");
        assertThatThrownBy(() -> EncoderSelection.open(EncoderPreference.H264_NVENC, SMALL, file, 1024, () -> { }))
                .isInstanceOf(EncoderOpenException.class)
                .hasMessageStartingWith("NVENC unavailable: ")
                .hasMessageNotContaining("libx264");
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void autoFallsBackToLibx264AndSaysWhy() throws Exception {
        assumeFalse(nvencWorksHere(), "this machine has a working NVENC");
        Path file = dir.resolve("auto.mp4");
        EncoderSelection.Opened opened = EncoderSelection.open(EncoderPreference.AUTO, SMALL, file, 1024, () -> { });
        try (Mp4Writer writer = opened.writer()) {
            assertThat(writer.encoder()).isEqualTo(VideoEncoder.LIBX264);
            assertThat(opened.skipped()).singleElement().asString().startsWith("NVENC unavailable: ");
        }
    }

    @Test
    void probeNamesEveryEncoderWithAReason() {
        var all = EncoderProbe.probeAll(SMALL);
        assertThat(all).extracting(EncoderStatus::encoder).containsExactly(VideoEncoder.values());
        assertThat(all).filteredOn(s -> s.encoder() == VideoEncoder.LIBX264).singleElement()
                .satisfies(s -> assertThat(s.usable()).isTrue()); // the GPL build Kinora ships has it
        assertThat(all).allSatisfy(s -> assertThat(s.reason()).startsWith(s.encoder().displayName()));
    }

    @Test
    void explainsNvencFailuresInAUsersWords() {
        assertThat(EncoderReasons.explain(VideoEncoder.H264_NVENC,
                java.util.List.of("[h264_nvenc @ 0x1] Cannot load libcuda.so.1"), null))
                .isEqualTo("no NVIDIA driver found");
        assertThat(EncoderReasons.explain(VideoEncoder.H264_NVENC,
                java.util.List.of("[h264_nvenc @ 0x1] OpenEncodeSessionEx failed: unsupported device (2): (no details)"), null))
                .contains("no video encoder");
        assertThat(EncoderReasons.explain(VideoEncoder.H264_NVENC, java.util.List.of(
                "[h264_nvenc @ 0x1] Driver does not support the required nvenc API version. Required: 13.0 Found: 12.1"), null))
                .contains("too old").contains(EncoderReasons.MIN_NVIDIA_DRIVER);
    }
}
