package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kinora.render.pipeline.RenderProgress;

class RenderProgressBarTest {

    /** In a log (stderr not a terminal) the final state is one line, not the same line twice. */
    @Test
    void logGetsTheFinalLineOnce() {
        StringWriter log = new StringWriter();
        try (RenderProgressBar bar = new RenderProgressBar(new PrintWriter(log, true), 300, false)) {
            bar.onProgress(new RenderProgress(RenderProgress.Stage.RENDERING, 0, 300, 0, Duration.ZERO,
                    Optional.empty(), "libx264"));
            awaitFirstLine(log); // as in a real render: the bar has drawn its start before it closes
            bar.onProgress(new RenderProgress(RenderProgress.Stage.RENDERING, 150, 300, 120, Duration.ofSeconds(1),
                    Optional.of(Duration.ofSeconds(1)), "libx264"));
            bar.onProgress(new RenderProgress(RenderProgress.Stage.DONE, 300, 300, 150, Duration.ofSeconds(2),
                    Optional.empty(), "libx264"));
        }
        var finalLines = log.toString().lines().filter(l -> l.contains("300/300")).toList();
        assertThat(finalLines).singleElement().asString().contains("100%").contains("done 150.0 fps");
        assertThat(log.toString()).doesNotContain("\r");
    }

    private static void awaitFirstLine(StringWriter log) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.toString().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(log.toString()).contains("0/300");
    }
}
