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

    /**
     * libx264 options beyond preset and CRF, measured on the reference slideshow (docs/benchmarks.md):
     * <ul>
     * <li>{@code open-gop=1}: the 2 s keyframes are I-frames that the B-frames before them may
     * reference, instead of closed-GOP IDR frames. With closed GOPs every keyframe reset the
     * encoder's slowly drifting detail at once, a visible jump between the frames around it
     * (jitter 0.017 px RMS, p99 0.066, against 0.013 with x264's 250-frame default); open GOPs read
     * 0.014 (p99 0.036) with the same keyframes. They are still marked as sync samples, so players
     * seek to them. An open-GOP keyframe may follow the B-frames shown before it, so it can land
     * up to {@link #X264_BFRAMES} frames later than {@code keyint} says: see {@link #gopSize}.</li>
     * <li>{@code bframes=3}: see {@link #X264_BFRAMES}.</li>
     * </ul>
     * Not used: {@code sync-lookahead=0} gives bit-identical output and holds five fewer 1080p
     * frames (~35 MB), but encodes 10-15% slower on 2 cores (the lookahead no longer runs beside
     * the encoding threads).
     */
    static final String X264_PARAMS = "open-gop=1:bframes=3";

    /**
     * Consecutive B-frames libx264 may use: what every preset Kinora uses (veryfast, fast, medium)
     * has anyway, pinned so that the keyframe bound in {@link #gopSize} holds.
     */
    static final int X264_BFRAMES = 3;

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

    /**
     * The GOP size to ask for so that keyframes come at least every
     * {@link EncodeSettings#keyframeInterval()} frames: libx264's open GOPs can overshoot by the
     * B-frames before a keyframe, so it is asked for that many frames less.
     */
    public int gopSize(EncodeSettings s) {
        return this == LIBX264 ? Math.max(1, s.keyframeInterval() - X264_BFRAMES) : s.keyframeInterval();
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
                o.put("x264-params", X264_PARAMS);
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
