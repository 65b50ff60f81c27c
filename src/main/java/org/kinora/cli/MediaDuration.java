package org.kinora.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

/** Reads the length of a media file from its container, without decoding it. */
final class MediaDuration {

    private MediaDuration() {
    }

    static double seconds(Path file) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
            grabber.start();
            return grabber.getLengthInTime() / 1_000_000.0;
        } catch (FrameGrabber.Exception e) {
            throw new IOException(file + ": not an audio file FFmpeg can read (" + e.getMessage() + ")", e);
        }
    }
}
