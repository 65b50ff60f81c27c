package org.kinora.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.kinora.render.pipeline.RenderListener;
import org.kinora.render.pipeline.RenderProgress;

/**
 * The terminal progress bar of {@code render}: frames, percent, encoder, fps and time left. It
 * appears once frames are being made, so a render that fails before (no encoder works, the output
 * cannot be written) says only why.
 */
final class RenderProgressBar implements RenderListener, AutoCloseable {

    private static final int WIDTH = 100;

    private final PrintWriter err;
    private final int totalFrames;
    private final boolean interactive;
    private ProgressBar bar; // null until the first frame is on its way
    private String lastLine; // the last line written when not interactive

    /**
     * @param interactive true on a terminal: one line redrawn in place; false (a log file, a pipe):
     *                    a new line every few seconds, so logs stay readable
     */
    RenderProgressBar(PrintWriter err, int totalFrames, boolean interactive) {
        this.err = err;
        this.totalFrames = totalFrames;
        this.interactive = interactive;
    }

    private ProgressBar build() {
        return new ProgressBarBuilder()
                .setTaskName("Rendering")
                .setInitialMax(totalFrames)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" frames", 1)
                .setUpdateIntervalMillis(interactive ? 250 : 5_000)
                .hideEta() // ours, from the encoder's rate, is in the extra message
                .setConsumer(new DelegatingProgressBarConsumer(this::print, WIDTH))
                .build();
    }

    /**
     * Closing the bar draws its last state twice (a refresh, then a final forced one). On a
     * terminal the second overwrites the first; in a log it would be a duplicate line, so a line
     * equal to the one before is not written again.
     */
    private void print(String line) {
        if (interactive) {
            err.print("\r" + line);
        } else if (!line.equals(lastLine)) {
            err.print(line + System.lineSeparator());
            lastLine = line;
        }
        err.flush();
    }

    @Override
    public synchronized void onProgress(RenderProgress p) {
        if (bar == null) {
            if (p.stage() != RenderProgress.Stage.RENDERING) {
                return; // opening the encoder, or a failure before any frame: nothing to draw yet
            }
            bar = build();
        }
        bar.stepTo(p.framesDone());
        bar.setExtraMessage(message(p));
    }

    static String message(RenderProgress p) {
        String stage = switch (p.stage()) {
            case OPENING_ENCODER -> "starting encoder";
            case RENDERING -> p.encoder();
            case FINISHING -> "writing index";
            case DONE -> "done";
            case CANCELLED -> "cancelled";
            case FAILED -> "failed";
        };
        StringBuilder s = new StringBuilder(stage);
        if (p.framesPerSecond() > 0) {
            s.append(String.format(Locale.ROOT, " %.1f fps", p.framesPerSecond()));
        }
        p.remaining().filter(r -> p.stage() == RenderProgress.Stage.RENDERING)
                .ifPresent(r -> s.append(", ").append(Durations.format(r.toMillis() / 1000.0)).append(" left"));
        return s.toString();
    }

    @Override
    public synchronized void close() {
        if (bar == null) {
            return;
        }
        bar.close();
        if (interactive) {
            err.println(); // the bar redraws its line with \r; end it before the summary
        }
        err.flush();
    }
}
