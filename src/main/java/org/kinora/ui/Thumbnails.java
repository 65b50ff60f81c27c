package org.kinora.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Photo images for the filmstrip and the Ken Burns editor, decoded on a background executor and
 * cached. Callers get the image through a callback on the JavaFX thread; until then they show a
 * placeholder. Must be used from the JavaFX thread.
 */
public final class Thumbnails {

    /** A loaded image, or why it failed. */
    public record Loaded(Image image, String error) {
    }

    private record Key(Path file, int size) {
    }

    private final Executor background;
    private final Executor fx;
    private final Map<Key, Loaded> cache;
    private final Map<Key, List<Consumer<Loaded>>> pending = new HashMap<>();
    private final long maxHoldNanos;
    private final List<Runnable> held = new ArrayList<>();
    private long heldSince;

    /**
     * @param background where decoding runs (a thread pool; a direct executor in tests)
     * @param fx where callbacks run (Platform::runLater)
     */
    public Thumbnails(Executor background, Executor fx, int capacity) {
        this(background, fx, capacity, MAX_HOLD_NANOS);
    }

    Thumbnails(Executor background, Executor fx, int capacity, long maxHoldNanos) {
        this.maxHoldNanos = maxHoldNanos;
        this.background = background;
        this.fx = fx;
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Loaded> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached image, or null (then {@link #request} it). */
    public Loaded cached(Path file, int size) {
        return cache.get(new Key(file, size));
    }

    public void request(Path file, int size, Consumer<Loaded> callback) {
        Key key = new Key(file, size);
        Loaded hit = cache.get(key);
        if (hit != null) {
            callback.accept(hit);
            return;
        }
        List<Consumer<Loaded>> waiting = pending.get(key);
        if (waiting != null) {
            waiting.add(callback);
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(callback);
        pending.put(key, waiting);
        background.execute(() -> {
            Loaded loaded;
            try {
                loaded = new Loaded(PhotoImages.load(file, size), null);
            } catch (Exception e) {
                loaded = new Loaded(null, e.getMessage());
            }
            Loaded result = loaded;
            fx.execute(() -> deliver(key, result));
        });
    }

    /** Longest a task given to {@link #whenIdle} waits while images keep coming. */
    private static final long MAX_HOLD_NANOS = 1_000_000_000L;

    /**
     * Runs {@code task} once no requested image is still loading (at once when none is), or, while
     * images keep being requested, when an image arrives after it has waited 1 s.
     * Lets heavy work that can wait (the motion editor's large photo, preview frames) leave the
     * CPU to the thumbnails a user is looking at, without holding it up for long.
     */
    public void whenIdle(Runnable task) {
        if (pending.isEmpty()) {
            task.run();
            return;
        }
        if (held.isEmpty()) {
            heldSince = System.nanoTime();
        }
        held.add(task);
    }

    private void deliver(Key key, Loaded loaded) {
        cache.put(key, loaded);
        List<Consumer<Loaded>> waiting = pending.remove(key);
        if (waiting != null) {
            waiting.forEach(c -> c.accept(loaded));
        }
        if (!held.isEmpty() && (pending.isEmpty() || System.nanoTime() - heldSince >= maxHoldNanos)) {
            List<Runnable> release = new ArrayList<>(held);
            held.clear();
            release.forEach(Runnable::run);
        }
    }
}
