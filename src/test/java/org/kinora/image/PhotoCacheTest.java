package org.kinora.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PhotoCacheTest {

    private record Blob(long bytes) implements PhotoCache.Sized {
    }

    @Test
    void concurrentRequestsShareOneLoad() throws Exception {
        PhotoCache cache = new PhotoCache(1000);
        AtomicInteger loads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Blob>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.get("photo", () -> {
                    loads.incrementAndGet();
                    try {
                        Thread.sleep(100); // long enough for the other requests to arrive meanwhile
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new java.io.InterruptedIOException("interrupted");
                    }
                    return new Blob(10);
                })));
            }
            Blob first = results.get(0).get(5, TimeUnit.SECONDS);
            for (Future<Blob> f : results) {
                assertThat(f.get(5, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(loads).hasValue(1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void evictsLeastRecentlyUsedBeyondTheBudget() throws Exception {
        PhotoCache cache = new PhotoCache(100);
        cache.get("a", () -> new Blob(40));
        cache.get("b", () -> new Blob(40));
        cache.get("a", () -> new Blob(40)); // a is now more recent than b
        cache.get("c", () -> new Blob(40)); // over budget: b goes
        assertThat(cache.bytesHeld()).isEqualTo(80);
        AtomicInteger reloads = new AtomicInteger();
        cache.get("a", () -> {
            reloads.incrementAndGet();
            return new Blob(40);
        });
        assertThat(reloads).as("a was kept").hasValue(0);
        cache.get("b", () -> {
            reloads.incrementAndGet();
            return new Blob(40);
        });
        assertThat(reloads).as("b was evicted").hasValue(1);
        assertThat(cache.bytesHeld()).isLessThanOrEqualTo(100);
    }

    @Test
    void failedLoadsAreNotKept() throws Exception {
        PhotoCache cache = new PhotoCache(100);
        assertThatThrownBy(() -> cache.get("x", () -> {
            throw new IOException("broken");
        })).hasMessage("broken");
        assertThat(cache.size()).isZero();
        assertThat(cache.get("x", () -> new Blob(5)).bytes()).isEqualTo(5);
    }

    @Test
    void loadIfAbsentLoadsOnceAndNeverWaitsForAnotherLoad() throws Exception {
        PhotoCache cache = new PhotoCache(1000);
        java.util.concurrent.CountDownLatch loading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch finish = new java.util.concurrent.CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Blob> slow = pool.submit(() -> cache.get("next", () -> {
                loading.countDown();
                try {
                    finish.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new Blob(10);
            }));
            loading.await();
            // Another thread is loading it: this returns at once instead of waiting.
            assertThat(cache.loadIfAbsent("next", () -> new Blob(99))).isFalse();
            finish.countDown();
            slow.get(5, TimeUnit.SECONDS);
        } finally {
            pool.shutdown();
        }
        assertThat(cache.loadIfAbsent("next", () -> new Blob(99))).isFalse();
        assertThat(cache.loadIfAbsent("other", () -> new Blob(20))).isTrue();
        assertThat(cache.loadCount()).isEqualTo(2);
        assertThat(cache.bytesHeld()).isEqualTo(30);
        // What it loaded is what get returns, without a second load.
        assertThat(cache.get("other", () -> new Blob(77)).bytes()).isEqualTo(20);
        assertThat(cache.loadCount()).isEqualTo(2);
    }

    @Test
    void aFailedLoadAheadIsNotKept() throws Exception {
        PhotoCache cache = new PhotoCache(1000);
        assertThatThrownBy(() -> cache.loadIfAbsent("bad", () -> {
            throw new IOException("corrupt");
        })).hasMessage("corrupt");
        assertThat(cache.size()).isZero();
        assertThat(cache.get("bad", () -> new Blob(5)).bytes()).isEqualTo(5);
    }
}
