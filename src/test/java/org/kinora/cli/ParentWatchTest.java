package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ParentWatchTest {

    private static final ProcessHandle PARENT = ProcessHandle.current().parent().orElseThrow();

    @Test
    void theJvmThatStartedThisOneIsWatchedUntilItIsGone() {
        assertThat(ParentWatch.of(ParentWatch.describe(PARENT)).orElseThrow().gone()).isFalse();
        assertThat(ParentWatch.of(Long.toString(PARENT.pid())).orElseThrow().gone()).as("start unknown").isFalse();
    }

    @Test
    void aReusedPidIsNotTheParent() {
        long start = PARENT.info().startInstant().orElseThrow().toEpochMilli();
        assertThat(ParentWatch.of(PARENT.pid() + ":" + (start - 1000)).orElseThrow().gone()).isTrue();
    }

    @Test
    void aProcessThatIsNotOrNoLongerOurParentIsGone() {
        // Alive, but not our parent: what an orphan sees once another process adopted it.
        assertThat(ParentWatch.of(ParentWatch.describe(ProcessHandle.current())).orElseThrow().gone()).isTrue();
        assertThat(ParentWatch.of("999999999").orElseThrow().gone()).as("no such process").isTrue();
    }

    @Test
    void somethingElseInTheVariableIsNotWatched() {
        assertThat(ParentWatch.of(null)).isEmpty();
        assertThat(ParentWatch.of("")).isEmpty();
        assertThat(ParentWatch.of("12x")).isEmpty();
        assertThat(ParentWatch.of("99999999999999999999999")).isEmpty();
    }

    @Test
    void theWatchActsOnItsOwnDaemonThread() throws InterruptedException {
        CountDownLatch acted = new CountDownLatch(1);
        Thread gone = ParentWatch.of("999999999").orElseThrow().start(acted::countDown);
        assertThat(gone.isDaemon()).isTrue();
        assertThat(acted.await(10, TimeUnit.SECONDS)).isTrue();

        CountDownLatch never = new CountDownLatch(1);
        Thread watching = ParentWatch.of(ParentWatch.describe(PARENT)).orElseThrow().start(never::countDown);
        assertThat(never.await(3 * ParentWatch.POLL_MILLIS, TimeUnit.MILLISECONDS)).isFalse();
        watching.interrupt();
        watching.join(10_000);
        assertThat(watching.isAlive()).isFalse();
        assertThat(never.getCount()).as("stopped, not acted").isEqualTo(1);
    }
}
