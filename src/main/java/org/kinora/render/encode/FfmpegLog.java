package org.kinora.render.encode;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_WARNING;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.setLogCallback;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.bytedeco.ffmpeg.avutil.LogCallback;
import org.bytedeco.javacpp.BytePointer;

/**
 * Routes FFmpeg's log into Java. FFmpeg reports why an encoder failed to open only in its log
 * ("Cannot load libcuda.so.1"), never in the error code, so the lines are kept: the ones logged
 * by the current thread during {@link #capture} for encoder reasons, and the last few warnings and errors of
 * any thread for failure messages. Nothing goes to stderr, where it would break the progress bar.
 */
public final class FfmpegLog {

    private static final int RECENT_ERRORS = 16;

    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();
    private static final Deque<String> RECENT = new ArrayDeque<>();
    private static Callback callback; // a strong reference: FFmpeg holds only a native pointer

    private FfmpegLog() {
    }

    /** Installs the callback once; called before any FFmpeg work. */
    public static synchronized void install() {
        if (callback == null) {
            callback = new Callback();
            av_log_set_level(AV_LOG_WARNING);
            setLogCallback(callback);
        }
    }

    /** Runs {@code work}, returning the error and warning lines FFmpeg logged on this thread meanwhile. */
    public static <T> Captured<T> capture(ThrowingSupplier<T> work) {
        install();
        List<String> lines = new ArrayList<>();
        List<String> outer = CAPTURE.get();
        CAPTURE.set(lines);
        try {
            return new Captured<>(work.get(), null, List.copyOf(lines));
        } catch (Exception e) {
            return new Captured<>(null, e, List.copyOf(lines));
        } finally {
            CAPTURE.set(outer);
        }
    }

    /** The last error and warning lines FFmpeg logged from any thread, oldest first. */
    public static synchronized List<String> recentErrors() {
        return List.copyOf(RECENT);
    }

    private static synchronized void remember(String line) {
        if (RECENT.size() == RECENT_ERRORS) {
            RECENT.removeFirst();
        }
        RECENT.addLast(line);
    }

    /** What {@link #capture} returns: the value or the exception, and the lines logged. */
    public record Captured<T>(T value, Exception failure, List<String> lines) {
        public boolean failed() {
            return failure != null;
        }
    }

    @FunctionalInterface
    public interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    private static final class Callback extends LogCallback {
        @Override
        public void call(int level, BytePointer msg) {
            String line = msg.getString().strip();
            if (line.isEmpty()) {
                return;
            }
            List<String> capture = CAPTURE.get();
            if (capture != null) {
                capture.add(line);
            }
            if (level <= AV_LOG_WARNING) {
                remember(line);
            }
        }
    }
}
