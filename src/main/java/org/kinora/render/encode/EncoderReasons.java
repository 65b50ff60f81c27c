package org.kinora.render.encode;

import java.util.List;
import java.util.Locale;

/** Turns what FFmpeg logged while an encoder failed to open into a reason a user understands. */
final class EncoderReasons {

    /**
     * The NVIDIA driver we ask users for. FFmpeg 8.0.1's own floor for NVENC API 13.0 is 570.0;
     * 580 is the figure the README publishes (docs/decisions/0001-javacv-version.md).
     */
    static final String MIN_NVIDIA_DRIVER = "580";

    private EncoderReasons() {
    }

    static String explain(VideoEncoder encoder, List<String> lines, Exception failure) {
        String all = String.join("\n", lines).toLowerCase(Locale.ROOT);
        if (encoder == VideoEncoder.H264_NVENC) {
            if (all.contains("cannot load libcuda") || all.contains("cannot load libnvidia-encode")
                    || all.contains("cannot load nvcuda") || all.contains("cannot load nvencodeapi")) {
                return "no NVIDIA driver found";
            }
            if (all.contains("required nvenc api version") || all.contains("driver does not support")) {
                return "the NVIDIA driver is too old (driver " + MIN_NVIDIA_DRIVER + " or newer is needed)";
            }
            if (all.contains("unsupported device")) {
                return "this NVIDIA GPU has no video encoder (NVENC engine)";
            }
            if (all.contains("no capable devices") || all.contains("no cuda capable device")
                    || all.contains("cuinit") && all.contains("failed")) {
                return "no NVIDIA GPU found";
            }
            if (all.contains("incompatible client key") || all.contains("out of memory")) {
                return "every NVENC session of the GPU is busy (close other recorders or encoders)";
            }
        }
        if (all.contains("width") && all.contains("height") || all.contains("frame size")) {
            return "it cannot encode this frame size (" + lastLine(lines, failure) + ")";
        }
        return lastLine(lines, failure);
    }

    private static String lastLine(List<String> lines, Exception failure) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).replaceFirst("^\\[[^]]*\\]\\s*", "").strip();
            if (!line.isEmpty()) {
                return line;
            }
        }
        return failure != null && failure.getMessage() != null ? failure.getMessage() : "it failed to open";
    }
}
