package org.kinora.render.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kinora.render.YuvFrame;

class FrameRingTest {

    @Test
    void producersNeverRunMoreThanTheBoundAheadAndTheConsumerSeesFramesInOrder() throws Exception {
        int slots = 3;
        int frames = 200;
        FrameRing ring = new FrameRing(slots, 16, 16);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger maxAhead = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        Set<YuvFrame> buffers = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread p = new Thread(() -> {
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < frames) {
                        YuvFrame f = ring.awaitFree(i);
                        maxAhead.accumulateAndGet(i - consumed.get(), Math::max);
                        buffers.add(f);
                        f.data().putInt(0, i);
                        if (i % 7 == 0) {
                            Thread.sleep(1); // uneven work puts frames out of order
                        }
                        ring.publish(i);
                    }
                } catch (Exception e) {
                    ring.stop(e);
                }
            });
            producers.add(p);
            p.start();
        }
        for (int i = 0; i < frames; i++) {
            assertThat(ring.awaitReady(i).data().getInt(0)).isEqualTo(i);
            consumed.set(i + 1); // before release: producers must never see a count older than the ring's
            ring.release(i);
        }
        for (Thread p : producers) {
            p.join();
        }
        assertThat(ring.stopReason()).isNull();
        assertThat(maxAhead.get()).isLessThan(slots);
        assertThat(buffers).hasSize(slots); // reused, never allocated per frame
    }

    @Test
    void aStopWakesWaitersWithTheReason() throws Exception {
        FrameRing ring = new FrameRing(2, 16, 16);
        IllegalStateException reason = new IllegalStateException("boom");
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ring.stop(reason);
        });
        stopper.start();
        assertThatThrownBy(() -> ring.awaitReady(0)).isInstanceOf(FrameRing.StoppedException.class).hasCause(reason);
        assertThatThrownBy(() -> ring.awaitFree(5)).hasCause(reason);
        ring.stop(new RuntimeException("later"));
        assertThat(ring.stopReason()).isSameAs(reason);
        stopper.join();
    }
}
