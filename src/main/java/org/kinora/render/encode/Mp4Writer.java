package org.kinora.render.encode;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avio_close;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacv.Frame;
import org.kinora.render.AudioSource;
import org.kinora.render.YuvFrame;

/**
 * Writes one MP4: H.264 video from {@link YuvFrame}s and AAC audio, through JavaCV's
 * {@link FFmpegFrameRecorder}. Frames go to the encoder as they are: the recorder is opened
 * with yuv420p at the frames' own size, so it points FFmpeg at the frame's direct buffer and
 * never runs swscale (see {@link #convertsFrames()}). Not thread-safe: one encoder thread uses it.
 */
public final class Mp4Writer implements AutoCloseable {

    public static final int AUDIO_BITRATE = 192_000;
    private static final Pattern ERROR_CODE = Pattern.compile("error (-?\\d{1,9})");
    /** JavaCV's message when FFmpeg could not write a packet to the file. */
    private static final Pattern WRITE_ERROR = Pattern.compile("write_frame\\(\\) error (-?\\d{1,9})");
    /**
     * Frames between handing freed native memory back to the system ({@code malloc_trim}). The
     * encoder and muxer allocate and free packets and buffers all the time, and glibc keeps the
     * freed pages in its arenas: without trimming, a 1080p render's RSS grew by about 30 MB. A
     * trim takes 1-4 ms, about once every two seconds of video.
     */
    static final int TRIM_EVERY_FRAMES = 60;

    private final FFmpegFrameRecorder recorder;
    private final Path file;
    private final VideoEncoder encoder;
    private final EncodeSettings settings;
    private final FloatBuffer audioChunk;
    private boolean open;
    private long framesWritten;

    private Mp4Writer(FFmpegFrameRecorder recorder, Path file, VideoEncoder encoder, EncodeSettings settings,
                      int audioChunkFrames) {
        this.recorder = recorder;
        this.file = file;
        this.encoder = encoder;
        this.settings = settings;
        this.audioChunk = ByteBuffer.allocateDirect(audioChunkFrames * AudioSource.CHANNELS * Float.BYTES)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        this.open = true;
    }

    /**
     * Opens {@code file} for writing with {@code encoder}, which must have been found usable.
     *
     * @throws EncoderOpenException with FFmpeg's reason when the encoder or the file cannot be opened
     */
    public static Mp4Writer open(Path file, VideoEncoder encoder, EncodeSettings s, int audioChunkFrames)
            throws EncoderOpenException {
        FfmpegLog.install();
        if (!EncoderProbe.isBuiltIn(encoder)) {
            // Checked here too: FFmpegFrameRecorder would silently fall back to another H.264 encoder.
            throw new EncoderOpenException(EncoderStatus.unusable(encoder, "not included in this FFmpeg build").reason());
        }
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(file.toString(), s.width(), s.height(), AudioSource.CHANNELS);
        r.setFormat("mp4");
        r.setVideoCodec(AV_CODEC_ID_H264);
        r.setVideoCodecName(encoder.ffmpegName());
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(s.fps());
        r.setGopSize(encoder.gopSize(s));
        r.setVideoBitrate(0); // JavaCV defaults to 400 kb/s; quality (CRF / CQ) decides instead
        for (Map.Entry<String, String> o : encoder.options(s).entrySet()) {
            r.setVideoOption(o.getKey(), o.getValue());
        }
        r.setAudioCodec(AV_CODEC_ID_AAC);
        r.setSampleRate(AudioSource.SAMPLE_RATE);
        r.setAudioChannels(AudioSource.CHANNELS);
        r.setAudioBitrate(AUDIO_BITRATE);
        r.setOption("movflags", "+faststart"); // index first: the video plays while it downloads
        FfmpegLog.Captured<Boolean> started = FfmpegLog.capture(() -> {
            r.start();
            return true;
        });
        if (started.failed()) {
            releaseQuietlyAfter(r, started.failure());
            String why = EncoderReasons.explain(encoder, started.lines(), started.failure());
            throw new EncoderOpenException(encoder.displayName() + " could not start writing " + file.getFileName()
                    + ": " + why, started.failure());
        }
        String actual = r.getVideoCodecName();
        if (actual != null && !actual.isEmpty() && !actual.equals(encoder.ffmpegName())) {
            releaseQuietlyAfter(r, null);
            throw new EncoderOpenException("asked for " + encoder.ffmpegName() + " but FFmpeg opened " + actual);
        }
        return new Mp4Writer(r, file, encoder, s, audioChunkFrames);
    }

    public VideoEncoder encoder() {
        return encoder;
    }

    /** Encodes one frame. The frame's buffer may be reused as soon as this returns. */
    public void writeVideo(YuvFrame frame) throws IOException {
        if (frame.width() != settings.width() || frame.height() != settings.height()) {
            throw new IllegalArgumentException("frame is " + frame.width() + "x" + frame.height()
                    + ", the video " + settings.width() + "x" + settings.height());
        }
        try {
            // stride = width, depth 8 bits: planes as YuvFrame lays them out, read in place.
            recorder.recordImage(frame.width(), frame.height(), Frame.DEPTH_UBYTE, 1, frame.width(),
                    AV_PIX_FMT_YUV420P, frame.data());
        } catch (Exception e) {
            throw failure("encoding a video frame", e);
        }
        if (++framesWritten % TRIM_EVERY_FRAMES == 0) {
            Pointer.trimMemory();
        }
    }

    /** A direct buffer to fill with up to {@link #audioChunkFrames()} interleaved stereo sample frames. */
    public FloatBuffer audioChunk() {
        return audioChunk;
    }

    public int audioChunkFrames() {
        return audioChunk.capacity() / AudioSource.CHANNELS;
    }

    /** Writes the first {@code sampleFrames} sample frames of {@link #audioChunk()}. */
    public void writeAudioChunk(int sampleFrames) throws IOException {
        audioChunk.position(0).limit(sampleFrames * AudioSource.CHANNELS);
        try {
            recorder.recordSamples(AudioSource.SAMPLE_RATE, AudioSource.CHANNELS, audioChunk);
        } catch (Exception e) {
            throw failure("encoding audio", e);
        } finally {
            audioChunk.clear();
        }
    }

    /**
     * Flushes both encoders and writes the index; the file is complete when this returns.
     *
     * @throws OutputWriteException when FFmpeg could not write the file, such as on a full disk
     */
    public void finish() throws IOException {
        open = false;
        IOException failure = null;
        try {
            recorder.flush(); // drains both encoders; a packet that cannot be written throws here
            writeTrailerAndClose();
        } catch (OutputWriteException e) {
            failure = e;
        } catch (Exception e) {
            failure = failure("finishing the file", e);
        }
        try {
            recorder.release();
        } catch (Exception e) {
            if (failure == null) {
                failure = new IOException("could not release the encoder: " + e.getMessage(), e);
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * What JavaCV's stop() does, with the errors it drops checked: av_write_trailer's result (the
     * index, +faststart's rewrite, the last buffered bytes) and avio_close's (the final flush).
     * Small videos never leave FFmpeg's write buffer before this, so a full disk shows up only here.
     */
    private void writeTrailerAndClose() throws OutputWriteException {
        AVFormatContext oc = formatContext();
        int ret = av_write_trailer(oc);
        AVIOContext pb = oc.pb() == null || oc.pb().isNull() ? null : oc.pb();
        if (ret >= 0 && pb != null && pb.error() < 0) {
            ret = pb.error(); // a buffered write that failed earlier, e.g. while flushing the muxer's queue
        }
        if (pb != null) {
            int closed = avio_close(pb);
            oc.pb(null); // closed: release() must not close it again
            if (ret >= 0 && closed < 0) {
                ret = closed;
            }
        }
        if (ret < 0) {
            throw new OutputWriteException(file, reason(ret), null);
        }
    }

    private AVFormatContext formatContext() {
        try {
            var field = FFmpegFrameRecorder.class.getDeclaredField("oc");
            field.setAccessible(true);
            return (AVFormatContext) field.get(recorder);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot reach FFmpegFrameRecorder's format context (JavaCV changed?)", e);
        }
    }

    /**
     * True if the recorder converted any frame with swscale. Kinora's frames are already in the
     * encoder's format, so this stays false; a test holds it to that.
     */
    public boolean convertsFrames() {
        try {
            var field = FFmpegFrameRecorder.class.getDeclaredField("img_convert_ctx");
            field.setAccessible(true);
            return field.get(recorder) != null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot inspect FFmpegFrameRecorder (JavaCV changed?)", e);
        }
    }

    /** Abandons the file without flushing: fast, for cancel and failures. The caller deletes it. */
    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            try {
                recorder.release();
            } catch (Exception e) {
                throw new IOException("could not release the encoder: " + e.getMessage(), e);
            }
        }
    }

    /** A packet FFmpeg could not write is a failed file write; anything else an encoder failure. */
    private IOException failure(String what, Exception e) {
        Matcher write = WRITE_ERROR.matcher(String.valueOf(e.getMessage()));
        if (write.find()) {
            return new OutputWriteException(file, reason(Integer.parseInt(write.group(1))), e);
        }
        return new IOException(encoder.displayName() + " failed " + what + ": " + describe(e), e);
    }

    /** JavaCV reports "av_write_frame() error -28"; a user needs "No space left on device". */
    static String describe(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher m = ERROR_CODE.matcher(message);
        if (m.find()) {
            return EncoderProbe.errorText(Integer.parseInt(m.group(1))) + " (" + message + ")";
        }
        return message;
    }

    /** FFmpeg's error text as part of a sentence: "no space left on device". */
    static String reason(int errorCode) {
        String text = EncoderProbe.errorText(errorCode);
        return text.isEmpty() ? "FFmpeg error " + errorCode : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static void releaseQuietlyAfter(FFmpegFrameRecorder r, Exception primary) {
        try {
            r.release();
        } catch (Exception e) {
            if (primary != null) {
                primary.addSuppressed(e);
            } else {
                throw new IllegalStateException("could not release the recorder", e);
            }
        }
    }
}
