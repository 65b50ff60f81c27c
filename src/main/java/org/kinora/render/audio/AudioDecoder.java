package org.kinora.render.audio;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.kinora.render.AudioSource;
import org.kinora.render.encode.FfmpegLog;

/**
 * Decodes any audio file FFmpeg reads into 48 kHz stereo interleaved float samples, one decoded
 * packet at a time, so a whole song is never held in memory. FFmpeg's swresample converts sample
 * rate, channel layout and sample format, which is why tracks of different rates never glitch, and
 * the decoded length is exact: {@code round(source frames * 48000 / source rate)}.
 */
public final class AudioDecoder implements AutoCloseable {

    private static final int RATE = AudioSource.SAMPLE_RATE;
    private static final int CHANNELS = AudioSource.CHANNELS;

    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final int sourceRate;
    private final int sourceChannels;
    private final String codec;
    private final long containerMicros;
    /** Samples of the last decoded packet not yet handed out. */
    private float[] pending = new float[0];
    private int pendingPos;
    private int pendingEnd;
    private boolean ended;

    /** Channels the grabber delivers: 1 for mono sources (we duplicate them), else 2. */
    private final int decodedChannels;
    private float[] packet = new float[0];
    private float[] resampled = new float[0];
    private final int[] converted = new int[1];
    /** Null while the audio is already at 48 kHz. */
    private Resampler resampler;
    private int activeRate;

    private AudioDecoder(Path file, FFmpegFrameGrabber grabber, int sourceRate, int sourceChannels,
                         Resampler resampler) {
        this.file = file;
        this.grabber = grabber;
        this.sourceRate = sourceRate;
        this.sourceChannels = sourceChannels;
        this.decodedChannels = sourceChannels == 1 ? 1 : CHANNELS;
        this.resampler = resampler;
        this.activeRate = sourceRate;
        this.codec = grabber.getAudioCodecName();
        this.containerMicros = grabber.getLengthInTime();
    }

    /** Opens {@code file}; fails with a message naming it when it is missing or has no audio. */
    public static AudioDecoder open(Path file) throws AudioFileException {
        if (!Files.exists(file)) {
            throw new AudioFileException(file, "file not found");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new AudioFileException(file, "not a readable file");
        }
        // Route FFmpeg's log (a format dump per opened file) away from stderr and the progress bar.
        FfmpegLog.install();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            releaseQuietly(grabber, e);
            throw new AudioFileException(file, "not an audio file FFmpeg can read (" + ffmpegReason(e) + ")", e);
        }
        int sourceRate = grabber.getSampleRate();
        int sourceChannels = grabber.getAudioChannels();
        if (!grabber.hasAudio() || sourceChannels <= 0 || sourceRate <= 0) {
            AudioFileException noAudio = new AudioFileException(file, "contains no audio stream");
            releaseQuietly(grabber, noAudio);
            throw noAudio;
        }
        // The grabber converts each packet to float and stereo at the file's own rate (no filter
        // delay); our Resampler changes the rate and is flushed at the end, which the grabber's
        // own resampling never is. Mono stays mono here and is copied to both channels at full
        // level: swresample's mono->stereo matrix would lower it by 3 dB, unlike every player.
        int channels = sourceChannels == 1 ? 1 : CHANNELS;
        grabber.setAudioChannels(channels);
        grabber.setSampleFormat(avutil.AV_SAMPLE_FMT_FLT);
        Resampler resampler = null;
        if (sourceRate != RATE) {
            try {
                resampler = new Resampler(sourceRate, channels);
            } catch (IllegalStateException e) {
                AudioFileException failed = new AudioFileException(file, e.getMessage(), e);
                releaseQuietly(grabber, failed);
                throw failed;
            }
        }
        return new AudioDecoder(file, grabber, sourceRate, sourceChannels, resampler);
    }

    /**
     * FFmpeg's own words for a failure: JavaCV's message wraps an error code in advice meant for
     * programmers ("Has setFormat() been called?"), so the code is turned back into text.
     */
    static String ffmpegReason(Exception e) {
        String message = String.valueOf(e.getMessage());
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("error (-\\d+)").matcher(message);
        if (code.find()) {
            byte[] text = new byte[256];
            if (avutil.av_strerror(Integer.parseInt(code.group(1)), text, text.length) == 0) {
                int end = 0;
                while (end < text.length && text[end] != 0) {
                    end++;
                }
                return new String(text, 0, end, java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return message;
    }

    private static void releaseQuietly(FFmpegFrameGrabber grabber, Exception primary) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            primary.addSuppressed(e); // the open failure is the news; keep the cleanup failure with it
        }
    }

    public Path file() {
        return file;
    }

    public int sourceSampleRate() {
        return sourceRate;
    }

    public int sourceChannels() {
        return sourceChannels;
    }

    public String codecName() {
        return codec;
    }

    /** Length the container declares, in seconds; an estimate for some formats (e.g. VBR MP3). */
    public double declaredSeconds() {
        return containerMicros > 0 ? containerMicros / 1e6 : Double.NaN;
    }

    /**
     * Writes up to {@code maxFrames} stereo sample frames into {@code dst} from float index
     * {@code offset}.
     *
     * @return sample frames written; 0 only at the end of the file
     */
    public int read(float[] dst, int offset, int maxFrames) throws AudioFileException {
        int written = 0;
        while (written < maxFrames) {
            if (pendingPos == pendingEnd && !refill()) {
                break;
            }
            int n = Math.min(maxFrames - written, (pendingEnd - pendingPos) / CHANNELS);
            System.arraycopy(pending, pendingPos, dst, offset + written * CHANNELS, n * CHANNELS);
            pendingPos += n * CHANNELS;
            written += n;
        }
        return written;
    }

    /** Drops {@code frames} sample frames; returns how many were dropped (fewer at the end). */
    public long skip(long frames) throws AudioFileException {
        long skipped = 0;
        while (skipped < frames) {
            if (pendingPos == pendingEnd && !refill()) {
                break;
            }
            int n = (int) Math.min(frames - skipped, (pendingEnd - pendingPos) / CHANNELS);
            pendingPos += n * CHANNELS;
            skipped += n;
        }
        return skipped;
    }

    private boolean refill() throws AudioFileException {
        while (!ended) {
            Frame frame;
            try {
                frame = grabber.grabSamples();
            } catch (FrameGrabber.Exception | RuntimeException e) {
                throw new AudioFileException(file, "cannot decode audio (" + ffmpegReason(e) + ")", e);
            }
            if (frame == null) {
                ended = true;
                if (resampler != null) {
                    resampled = resampler.flush(converted, resampled);
                    return deliver(resampled, converted[0]);
                }
                return false;
            }
            if (frame.samples == null || frame.samples.length == 0) {
                continue;
            }
            if (!(frame.samples[0] instanceof FloatBuffer buffer)) {
                throw new AudioFileException(file, "decoder returned " + frame.samples[0].getClass().getSimpleName()
                        + " samples instead of float");
            }
            int count = buffer.remaining() - buffer.remaining() % decodedChannels;
            if (count == 0) {
                continue;
            }
            if (packet.length < count) {
                packet = new float[count];
            }
            buffer.get(buffer.position(), packet, 0, count);
            int frames = count / decodedChannels;
            if (frame.sampleRate > 0 && frame.sampleRate != activeRate) {
                switchRate(frame.sampleRate);
            }
            if (resampler == null ? deliver(packet, frames)
                    : deliver(resampled = resampler.convert(packet, frames, converted, resampled), converted[0])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Some streams change rate midway (chained Ogg, joined MP3s). Start a resampler for the new
     * rate; the old one's last few samples (its filter delay, under 1 ms) are dropped at the join.
     */
    private void switchRate(int rate) throws AudioFileException {
        if (resampler != null) {
            resampler.close();
            resampler = null;
        }
        try {
            resampler = rate == RATE ? null : new Resampler(rate, decodedChannels);
        } catch (IllegalStateException e) {
            throw new AudioFileException(file, e.getMessage(), e);
        }
        activeRate = rate;
    }

    /** Puts {@code frames} frames of {@code samples} (decodedChannels each, 48 kHz) into pending as stereo. */
    private boolean deliver(float[] samples, int frames) {
        if (frames == 0) {
            return false;
        }
        if (pending.length < frames * CHANNELS) {
            pending = new float[frames * CHANNELS];
        }
        if (decodedChannels == CHANNELS) {
            System.arraycopy(samples, 0, pending, 0, frames * CHANNELS);
        } else {
            for (int i = 0; i < frames; i++) {
                pending[2 * i] = samples[i];
                pending[2 * i + 1] = samples[i];
            }
        }
        pendingPos = 0;
        pendingEnd = frames * CHANNELS;
        return true;
    }

    @Override
    public void close() throws AudioFileException {
        if (resampler != null) {
            resampler.close();
        }
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            throw new AudioFileException(file, "cannot close decoder (" + e.getMessage() + ")", e);
        }
    }
}
