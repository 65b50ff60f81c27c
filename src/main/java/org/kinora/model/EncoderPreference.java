package org.kinora.model;

/** Which H.264 encoder the render should use. */
public enum EncoderPreference {
    /** NVENC where an NVIDIA encoder works, otherwise libx264, otherwise OpenH264. */
    AUTO("auto"),
    H264_NVENC("h264_nvenc"),
    LIBX264("libx264");

    private final String id;

    EncoderPreference(String id) {
        this.id = id;
    }

    /** The name used in project files and on the command line (FFmpeg's encoder name). */
    public String id() {
        return id;
    }

    public static EncoderPreference fromId(String id) {
        for (EncoderPreference e : values()) {
            if (e.id.equalsIgnoreCase(id.trim())) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown encoder '" + id + "'; known: auto, h264_nvenc, libx264");
    }
}
