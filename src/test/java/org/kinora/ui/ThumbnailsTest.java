package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work that can wait for the thumbnails (the motion editor's photo, preview frames) starts when
 * the requested thumbnails are in. Decoding and the JavaFX thread are queues run by hand here.
 * The files do not exist, so each "decode" ends quickly in an error, which counts as delivered.
 */
class ThumbnailsTest {

    @TempDir
    Path dir;

    private final Queue<Runnable> decodes = new ArrayDeque<>();
    private final Queue<Runnable> fxQueue = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();

    private Thumbnails thumbnails(long maxHoldNanos) {
        return new Thumbnails(decodes::add, fxQueue::add, 10, maxHoldNanos);
    }

    /** One decode on the background, then its delivery on the "JavaFX thread". */
    private void finishOneDecode() {
        decodes.remove().run();
        fxQueue.remove().run();
    }

    @Test
    void heldWorkRunsOnlyOnceEveryRequestedThumbnailIsIn() {
        Thumbnails t = thumbnails(60_000_000_000L);
        t.request(dir.resolve("a.jpg"), 160, l -> log.add("a " + (l.image() == null ? "failed" : "ok")));
        t.request(dir.resolve("b.jpg"), 160, l -> log.add("b"));
        t.whenIdle(() -> log.add("preview"));
        assertThat(log).as("held while two thumbnails load").isEmpty();

        finishOneDecode();
        assertThat(log).containsExactly("a failed");
        finishOneDecode();
        assertThat(log).containsExactly("a failed", "b", "preview");
        assertThat(t.cached(dir.resolve("a.jpg"), 160).error()).isNotBlank();
    }

    @Test
    void withNothingLoadingWorkRunsAtOnce() {
        Thumbnails t = thumbnails(60_000_000_000L);
        t.whenIdle(() -> log.add("preview"));
        assertThat(log).containsExactly("preview");

        t.request(dir.resolve("a.jpg"), 160, l -> log.add("a"));
        finishOneDecode();
        t.whenIdle(() -> log.add("again"));
        assertThat(log).containsExactly("preview", "a", "again");
    }

    @Test
    void whileThumbnailsKeepComingHeldWorkWaitsNoLongerThanTheLimit() {
        Thumbnails t = thumbnails(0); // any wait is over the limit
        t.request(dir.resolve("a.jpg"), 160, l -> log.add("a"));
        t.request(dir.resolve("b.jpg"), 160, l -> log.add("b"));
        t.whenIdle(() -> log.add("preview"));
        assertThat(log).isEmpty();

        finishOneDecode();
        assertThat(log).as("released by the first image although b still loads").containsExactly("a", "preview");
        finishOneDecode();
        assertThat(log).containsExactly("a", "preview", "b");
    }
}
