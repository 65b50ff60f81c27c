package org.kinora.render.audio;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.kinora.render.AudioSource;

/** Generates test audio files: signals are functions of (channel, time in seconds). */
final class TestAudio {

    interface Signal {
        double at(int channel, double seconds);
    }

    private TestAudio() {
    }

    static Signal sine(double hz, double amplitude) {
        return (c, t) -> amplitude * Math.sin(2 * Math.PI * hz * t);
    }

    /** Writes 16-bit PCM WAV with javax.sound.sampled. */
    static Path wav(Path file, int rate, int channels, double seconds, Signal signal) throws IOException {
        int frames = (int) Math.round(seconds * rate);
        byte[] bytes = new byte[frames * channels * 2];
        int i = 0;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < channels; c++) {
                double v = Math.max(-1, Math.min(1, signal.at(c, (double) f / rate)));
                int s = (int) Math.round(v * 32767);
                bytes[i++] = (byte) s;
                bytes[i++] = (byte) (s >> 8);
            }
        }
        AudioFormat format = new AudioFormat(rate, 16, channels, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, frames)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }

    /** Encodes with FFmpeg (e.g. "libmp3lame" into .mp3, "aac" into .m4a, "flac", "libopus" into .ogg). */
    static Path encode(Path file, String encoder, int rate, int channels, double seconds, Signal signal)
            throws IOException {
        if (avcodec_find_encoder_by_name(encoder) == null) {
            throw new IllegalStateException("FFmpeg build has no encoder " + encoder);
        }
        int frames = (int) Math.round(seconds * rate);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), channels)) {
            recorder.setAudioCodecName(encoder);
            recorder.setSampleRate(rate);
            recorder.setAudioChannels(channels);
            recorder.setAudioBitrate(192_000);
            recorder.start();
            int chunk = 4096;
            float[] buf = new float[chunk * channels];
            for (int f0 = 0; f0 < frames; f0 += chunk) {
                int n = Math.min(chunk, frames - f0);
                for (int f = 0; f < n; f++) {
                    for (int c = 0; c < channels; c++) {
                        buf[f * channels + c] = (float) signal.at(c, (double) (f0 + f) / rate);
                    }
                }
                recorder.recordSamples(rate, channels, FloatBuffer.wrap(buf, 0, n * channels));
            }
            recorder.stop();
        }
        return file;
    }

    /** Reads a whole AudioSource (tests only: short sources). */
    static float[] readAll(AudioSource source) throws IOException {
        long length = source.lengthInSampleFrames();
        float[] all = new float[Math.toIntExact(length * AudioSource.CHANNELS)];
        float[] chunk = new float[1000 * AudioSource.CHANNELS];
        int pos = 0;
        int n;
        while ((n = source.read(chunk, 1000)) > 0) {
            if (pos + n * 2 > all.length) {
                throw new AssertionError("source returned more than its length " + length);
            }
            System.arraycopy(chunk, 0, all, pos, n * 2);
            pos += n * 2;
        }
        if (pos != all.length) {
            throw new AssertionError("source returned " + pos / 2 + " sample frames, length says " + length);
        }
        return all;
    }

    static boolean hasEncoder(String name) {
        return avcodec_find_encoder_by_name(name) != null;
    }

    /** Goertzel power of {@code hz} in channel c of interleaved stereo, over [from, to) sample frames, normalized to amplitude. */
    static double toneAmplitude(float[] stereo, int channel, int from, int to, double hz) {
        double w = 2 * Math.PI * hz / AudioSource.SAMPLE_RATE;
        double coeff = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s = stereo[i * 2 + channel] + coeff * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        double power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
        return 2 * Math.sqrt(Math.max(0, power)) / (to - from);
    }

    static double rms(float[] stereo, int channel, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double v = stereo[i * 2 + channel];
            sum += v * v;
        }
        return Math.sqrt(sum / (to - from));
    }
}
