package org.kinora.cli;

import java.util.Locale;
import org.kinora.render.pipeline.RenderResult;

/** The one line {@code render} ends with: file, duration, size, encoder, average fps, wall time. */
final class RenderSummary {

    private RenderSummary() {
    }

    static String of(RenderResult r) {
        return String.format(Locale.ROOT, "%s: %.2f s, %d frames, %s, %s, %.1f fps, wall %s",
                r.file(), r.durationSeconds(), r.frames(), size(r.bytes()),
                r.encoder().ffmpegName(), r.averageFps(), Durations.format(r.wallTime().toNanos() / 1e9));
    }

    /** In MB, or kB below 1 MB: a short preview render read "0.0 MB". */
    static String size(long bytes) {
        return bytes < 1_000_000 ? String.format(Locale.ROOT, "%d kB", Math.max(1, Math.round(bytes / 1e3)))
                : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
