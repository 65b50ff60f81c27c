package org.kinora.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kinora.render.pipeline.RenderProgress.Stage;

class ProgressThrottleTest {

    private long now;

    @Test
    void sendsAtMostOneEventPer100msAndAlwaysTheLast() {
        List<RenderProgress> sent = new ArrayList<>();
        ProgressThrottle t = new ProgressThrottle(sent::add, () -> now, 1000);
        t.report(Stage.OPENING_ENCODER, 0, "");
        now += 50_000_000L;
        t.report(Stage.RENDERING, 0, "libx264"); // dropped: 50 ms after the last
        for (int i = 1; i <= 1000; i++) {
            now += 1_000_000L; // 1000 fps
            t.report(Stage.RENDERING, i, "libx264");
        }
        t.report(Stage.DONE, 1000, "libx264");

        assertThat(sent).hasSize(1 + 10 + 1);
        assertThat(sent.get(sent.size() - 1).stage()).isEqualTo(Stage.DONE);
        RenderProgress mid = sent.get(5);
        assertThat(mid.stage()).isEqualTo(Stage.RENDERING);
        assertThat(mid.framesPerSecond()).isBetween(990.0, 1010.0);
        assertThat(mid.remaining()).get()
                .satisfies(d -> assertThat(d.toMillis()).isEqualTo(Math.round((1000 - mid.framesDone()) / mid.framesPerSecond() * 1000)));
        assertThat(sent.get(sent.size() - 1).remaining()).contains(Duration.ZERO);
        assertThat(sent.get(sent.size() - 1).elapsed()).isEqualTo(Duration.ofMillis(1050));
    }
}
