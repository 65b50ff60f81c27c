package org.kinora.render.encode;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The H.264 encoders Kinora can write with, in the order {@code auto} tries them, and the
 * FFmpeg options that make each honour the same {@link EncodeSettings}.
 */
public enum VideoEncoder {
    /** NVIDIA's hardware encoder: fastest, needs an NVIDIA GPU with an NVENC engine and driver. */
    H264_NVENC("h264_nvenc", "NVENC"),
    /** The reference software encoder; GPL, included in Kinora's FFmpeg build. */
    LIBX264("libx264", "libx264"),
    /** Cisco's BSD-licensed software encoder: the last resort, lower quality per bit. */
    LIBOPENH264("libopenh264", "OpenH264");

    private final String ffmpegName;
    private final String displayName;

    VideoEncoder(String ffmpegName, String displayName) {
        this.ffmpegName = ffmpegName;
        this.displayName = displayName;
    }

    /** FFmpeg's encoder name, as given to {@code avcodec_find_encoder_by_name}. */
    public String ffmpegName() {
        return ffmpegName;
    }

    public String displayName() {
        return displayName;
    }

    public static VideoEncoder fromFfmpegName(String name) {
        for (VideoEncoder e : values()) {
            if (e.ffmpegName.equalsIgnoreCase(name.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown encoder '" + name + "'");
    }

    /** Encoder private and generic options for {@code avcodec_open2}. */
    public Map<String, String> options(EncodeSettings s) {
        Map<String, String> o = new LinkedHashMap<>();
        switch (this) {
            case H264_NVENC -> {
                // p4 is NVENC's balanced preset; p5 for the high quality setting. VBR with a CQ target
                // is NVENC's counterpart of CRF; cq 0 would mean "automatic", so lossless uses tune.
                o.put("preset", s.quality() == org.kinora.model.Quality.HIGH ? "p5" : "p4");
                if (s.lossless()) {
                    o.put("tune", "lossless");
                } else {
                    o.put("tune", "hq");
                    o.put("rc", "vbr");
                    o.put("cq", Integer.toString(s.crf()));
                    o.put("b", "0"); // no bitrate cap: quality decides
                }
            }
            case LIBX264 -> {
                o.put("preset", s.quality().x264Preset());
                o.put("crf", Integer.toString(s.crf()));
                if (s.lossless()) {
                    o.put("qp", "0");
                }
            }
            case LIBOPENH264 -> {
                // OpenH264 has no CRF; a quality-based rate control with a bitrate ceiling per pixel.
                o.put("rc_mode", "quality");
                o.put("allow_skip_frames", "0");
                o.put("b", Long.toString(bitrateFor(s)));
            }
            default -> throw new AssertionError(this);
        }
        // BT.709, limited range: what Kinora's frames are, tagged so players convert them right.
        o.put("color_primaries", "bt709");
        o.put("color_trc", "bt709");
        o.put("colorspace", "bt709");
        o.put("color_range", "tv");
        return o;
    }

    private static long bitrateFor(EncodeSettings s) {
        double bitsPerPixel = switch (s.quality()) {
            case DRAFT -> 0.06;
            case STANDARD -> 0.1;
            case HIGH -> 0.15;
        };
        return Math.round(bitsPerPixel * s.width() * s.height() * s.fps());
    }

    @Override
    public String toString() {
        return ffmpegName.toLowerCase(Locale.ROOT);
    }
}
