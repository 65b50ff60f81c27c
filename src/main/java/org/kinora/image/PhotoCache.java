package org.kinora.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Decoded photos shared by every frame that needs them, bounded by a byte budget.
 *
 * <p>The first thread asking for a key loads it; others asking meanwhile wait for that one load
 * instead of decoding the same photo again. Finished entries are kept in least-recently-used order
 * and evicted once the total exceeds the budget, so memory stays flat however many photos a
 * project has: frames still drawing from an evicted photo keep their own reference, and the
 * garbage collector frees it when they are done. Failed loads are not kept.
 */
public final class PhotoCache implements AutoCloseable {

    public static final long DEFAULT_BUDGET_BYTES = 512L * 1024 * 1024;

    /** A cached value that knows how much memory it holds. */
    public interface Sized {
        long bytes();
    }

    /** Produces a value for a missing key. */
    @FunctionalInterface
    public interface Loader<T extends Sized> {
        T load() throws IOException;
    }

    private static final class Entry {
        final CompletableFuture<Sized> future = new CompletableFuture<>();
        long bytes;
        boolean done;
    }

    private final long budget;
    private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long used;
    private long loads;

    public PhotoCache() {
        this(DEFAULT_BUDGET_BYTES);
    }

    public PhotoCache(long budgetBytes) {
        if (budgetBytes <= 0) {
            throw new IllegalArgumentException("cache budget must be positive");
        }
        this.budget = budgetBytes;
    }

    /** The value for key, loading it once if absent. Keys need proper equals/hashCode (records). */
    @SuppressWarnings("unchecked")
    public <T extends Sized> T get(Object key, Loader<T> loader) throws IOException {
        Entry entry;
        boolean owner = false;
        synchronized (this) {
            entry = entries.get(key);
            if (entry == null) {
                entry = claim(key);
                owner = true;
            }
        }
        if (owner) {
            return load(key, entry, loader);
        }
        try {
            return (T) entry.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting for " + key);
            io.initCause(e);
            throw io;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }

    /**
     * Loads key ahead of need, unless it is already held or loading: unlike {@link #get} it never
     * waits for another thread's load.
     *
     * @return whether this call loaded it
     */
    public <T extends Sized> boolean loadIfAbsent(Object key, Loader<T> loader) throws IOException {
        Entry entry;
        synchronized (this) {
            if (entries.containsKey(key)) {
                return false;
            }
            entry = claim(key);
        }
        load(key, entry, loader);
        return true;
    }

    private Entry claim(Object key) {
        Entry entry = new Entry();
        entries.put(key, entry);
        loads++;
        return entry;
    }

    private <T extends Sized> T load(Object key, Entry entry, Loader<T> loader) throws IOException {
        T value;
        try {
            value = loader.load();
            if (value == null) {
                throw new IllegalStateException("loader returned nothing for " + key);
            }
        } catch (IOException | RuntimeException | Error e) {
            synchronized (this) {
                entries.remove(key, entry);
            }
            entry.future.completeExceptionally(e);
            throw e;
        }
        synchronized (this) {
            entry.bytes = value.bytes();
            entry.done = true;
            if (entries.get(key) == entry) {
                used += entry.bytes;
                evictOver(key);
            }
        }
        entry.future.complete(value);
        return value;
    }

    private void evictOver(Object keep) {
        Iterator<Map.Entry<Object, Entry>> it = entries.entrySet().iterator();
        while (used > budget && it.hasNext()) {
            Map.Entry<Object, Entry> e = it.next();
            if (e.getValue().done && !e.getKey().equals(keep)) {
                used -= e.getValue().bytes;
                it.remove();
            }
        }
    }

    /** Drops one entry (for example a photo no remaining frame needs). */
    public synchronized void release(Object key) {
        Entry e = entries.get(key);
        if (e != null && e.done) {
            entries.remove(key);
            used -= e.bytes;
        }
    }

    public long budgetBytes() {
        return budget;
    }

    /** Bytes held by finished entries. */
    public synchronized long bytesHeld() {
        return used;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** How many loads were started (a measure of sharing: ideally one per photo). */
    public synchronized long loadCount() {
        return loads;
    }

    @Override
    public synchronized void close() {
        entries.clear();
        used = 0;
    }
}
