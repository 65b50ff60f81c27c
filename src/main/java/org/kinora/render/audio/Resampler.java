package org.kinora.render.audio;

import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLT;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.swresample.SwrContext;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.kinora.render.AudioSource;

/**
 * Converts interleaved float audio of one sample rate to 48 kHz with swresample, and flushes it
 * at the end. The flush matters: the resampler holds back a few samples (its filter delay), and a
 * decoder that never flushes, as FFmpegFrameGrabber does not, makes every pass of a loop a little
 * short, which adds up to an audible drift over a long video.
 */
final class Resampler implements AutoCloseable {

    private final int channels;
    private final int inRate;
    private SwrContext context;
    private FloatPointer in = new FloatPointer(0L);
    private FloatPointer out = new FloatPointer(0L);
    private final PointerPointer<FloatPointer> inPlanes = new PointerPointer<>(1L);
    private final PointerPointer<FloatPointer> outPlanes = new PointerPointer<>(1L);

    Resampler(int inRate, int channels) {
        this.inRate = inRate;
        this.channels = channels;
        AVChannelLayout layout = new AVChannelLayout();
        av_channel_layout_default(layout, channels);
        context = swr_alloc();
        int status = context == null || context.isNull() ? -1
                : swr_alloc_set_opts2(context, layout, AV_SAMPLE_FMT_FLT, AudioSource.SAMPLE_RATE,
                        layout, AV_SAMPLE_FMT_FLT, inRate, 0, null);
        av_channel_layout_uninit(layout);
        if (status < 0 || swr_init(context) < 0) {
            close();
            throw new IllegalStateException("swresample cannot convert " + inRate + " Hz to "
                    + AudioSource.SAMPLE_RATE + " Hz (error " + status + ")");
        }
    }

    /** Upper bound of output frames for {@code inFrames} input frames, delay included. */
    private int capacityFor(int inFrames) {
        return (int) ((long) inFrames * AudioSource.SAMPLE_RATE / inRate) + 256;
    }

    /**
     * Resamples {@code frames} interleaved frames of {@code src} into {@code dst} (or a larger array
     * if it is too small, which is returned); the number of output frames goes to {@code count[0]}.
     */
    float[] convert(float[] src, int frames, int[] count, float[] dst) {
        ensure(frames, capacityFor(frames));
        in.put(src, 0, frames * channels);
        inPlanes.put(0, in);
        outPlanes.put(0, out);
        int n = swr_convert(context, outPlanes, capacityFor(frames), inPlanes, frames);
        return copyOut(n, count, dst);
    }

    /** Drains what the filter still holds into {@code dst} like {@link #convert}; call once at the end. */
    float[] flush(int[] count, float[] dst) {
        ensure(0, capacityFor(0));
        outPlanes.put(0, out);
        int n = swr_convert(context, outPlanes, capacityFor(0), (PointerPointer<?>) null, 0);
        return copyOut(n, count, dst);
    }

    private float[] copyOut(int n, int[] count, float[] dst) {
        if (n < 0) {
            throw new IllegalStateException("swresample failed (error " + n + ")");
        }
        float[] target = dst.length >= n * channels ? dst : new float[n * channels];
        out.get(target, 0, n * channels);
        count[0] = n;
        return target;
    }

    private void ensure(int inFrames, int outFrames) {
        if (in.capacity() < (long) inFrames * channels) {
            in.close();
            in = new FloatPointer((long) inFrames * channels);
        }
        if (out.capacity() < (long) outFrames * channels) {
            out.close();
            out = new FloatPointer((long) outFrames * channels);
        }
    }

    @Override
    public void close() {
        if (context != null && !context.isNull()) {
            swr_free(context);
        }
        context = null;
        in.close();
        out.close();
        inPlanes.close();
        outPlanes.close();
    }
}
