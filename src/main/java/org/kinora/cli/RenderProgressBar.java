package org.kinora.cli;

import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.kinora.render.pipeline.RenderListener;
import org.kinora.render.pipeline.RenderProgress;

/** The terminal progress bar of {@code render}: frames, percent, encoder, fps and time left. */
final class RenderProgressBar implements RenderListener, AutoCloseable {

    private static final int WIDTH = 100;

    private final ProgressBar bar;
    private final PrintWriter err;

    RenderProgressBar(PrintWriter err, int totalFrames) {
        this.err = err;
        bar = new ProgressBarBuilder()
                .setTaskName("Rendering")
                .setInitialMax(totalFrames)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" frames", 1)
                .setUpdateIntervalMillis(250)
                .hideEta() // ours, from the encoder's rate, is in the extra message
                .setConsumer(new DelegatingProgressBarConsumer(line -> {
                    err.print('\r');
                    err.print(line);
                    err.flush();
                }, WIDTH))
                .build();
    }

    @Override
    public void onProgress(RenderProgress p) {
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
    public void close() {
        bar.close();
        err.println(); // the bar redraws its line with \r; end it before the summary
        err.flush();
    }
}
