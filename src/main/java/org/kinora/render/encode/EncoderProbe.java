package org.kinora.render.encode;

import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_make_q;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

/**
 * Finds out whether an encoder can write a given video here by opening it, alone, with the real
 * size and options: the only test that catches a missing driver, a GPU without NVENC or a driver
 * too old. Costs a few tens of milliseconds per encoder.
 */
public final class EncoderProbe {

    private EncoderProbe() {
    }

    /** True when this FFmpeg build has the encoder at all. */
    public static boolean isBuiltIn(VideoEncoder encoder) {
        AVCodec codec = avcodec_find_encoder_by_name(encoder.ffmpegName());
        return codec != null && !codec.isNull();
    }

    public static EncoderStatus probe(VideoEncoder encoder, EncodeSettings settings) {
        FfmpegLog.install();
        if (!isBuiltIn(encoder)) {
            return EncoderStatus.unusable(encoder, "not included in this FFmpeg build");
        }
        FfmpegLog.Captured<Integer> opened = FfmpegLog.capture(() -> tryOpen(encoder, settings));
        if (opened.failed()) {
            return EncoderStatus.unusable(encoder, EncoderReasons.explain(encoder, opened.lines(), opened.failure()));
        }
        int ret = opened.value();
        if (ret < 0) {
            List<String> lines = new ArrayList<>(opened.lines());
            if (lines.isEmpty()) {
                lines.add(errorText(ret));
            }
            return EncoderStatus.unusable(encoder, EncoderReasons.explain(encoder, lines, null));
        }
        return EncoderStatus.ok(encoder);
    }

    /** Probes every encoder in {@code auto}'s order. */
    public static List<EncoderStatus> probeAll(EncodeSettings settings) {
        List<EncoderStatus> result = new ArrayList<>();
        for (VideoEncoder e : VideoEncoder.values()) {
            result.add(probe(e, settings));
        }
        return result;
    }

    private static int tryOpen(VideoEncoder encoder, EncodeSettings s) {
        AVCodec codec = avcodec_find_encoder_by_name(encoder.ffmpegName());
        AVCodecContext ctx = avcodec_alloc_context3(codec);
        AVDictionary options = new AVDictionary(null);
        try {
            ctx.width(s.width());
            ctx.height(s.height());
            ctx.pix_fmt(AV_PIX_FMT_YUV420P);
            ctx.time_base(av_make_q(1, s.fps()));
            ctx.framerate(av_make_q(s.fps(), 1));
            ctx.gop_size(s.keyframeInterval());
            for (Map.Entry<String, String> o : encoder.options(s).entrySet()) {
                av_dict_set(options, o.getKey(), o.getValue(), 0);
            }
            return avcodec_open2(ctx, codec, options);
        } finally {
            av_dict_free(options);
            avcodec_free_context(ctx);
        }
    }

    /** FFmpeg's text for an error code, e.g. "No space left on device". */
    public static String errorText(int code) {
        byte[] buf = new byte[256];
        av_strerror(code, buf, buf.length);
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
}
