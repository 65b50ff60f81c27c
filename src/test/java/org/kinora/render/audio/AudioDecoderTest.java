package org.kinora.render.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioDecoderTest {

    @TempDir
    Path dir;

    /** The resampler is flushed at the end, so no sample rate loses its last few samples. */
    @ParameterizedTest
    @CsvSource({"8000,1", "22050,2", "32000,1", "44100,1", "44100,2", "48000,2", "96000,2"})
    void decodesToExactly48kStereoOfTheSameDuration(int rate, int channels) throws Exception {
        Path wav = TestAudio.wav(dir.resolve("t.wav"), rate, channels, 2.0,
                (c, t) -> 0.5 * Math.sin(2 * Math.PI * 300 * t));
        float[] all = new float[48_000 * 2 * 3];
        int total = 0;
        int n;
        try (AudioDecoder decoder = AudioDecoder.open(wav)) {
            assertThat(decoder.sourceSampleRate()).isEqualTo(rate);
            assertThat(decoder.sourceChannels()).isEqualTo(channels);
            while ((n = decoder.read(all, total * 2, 4096)) > 0) {
                total += n;
            }
        }
        assertThat(total).isEqualTo(96_000);
        for (int ch = 0; ch < 2; ch++) {
            assertThat(TestAudio.toneAmplitude(all, ch, 4_800, 91_200, 300)).isCloseTo(0.5, within(0.01));
        }
    }

    @Test
    void skipDropsExactlyTheAskedFrames() throws Exception {
        // A ramp: after skipping k frames the next sample tells where we are.
        Path wav = TestAudio.wav(dir.resolve("ramp.wav"), 48_000, 2, 1.0, (c, t) -> t - 0.5);
        try (AudioDecoder decoder = AudioDecoder.open(wav)) {
            assertThat(decoder.skip(12_345)).isEqualTo(12_345);
            float[] one = new float[2];
            assertThat(decoder.read(one, 0, 1)).isEqualTo(1);
            assertThat(one[0]).isCloseTo((float) (12_345 / 48_000.0 - 0.5), within(1e-4f));
        }
    }
}
