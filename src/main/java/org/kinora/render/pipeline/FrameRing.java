package org.kinora.render.pipeline;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.kinora.render.YuvFrame;

/**
 * The bounded reorder buffer between the producers and the encoder: {@code slots} pooled frames,
 * frame i always in slot i % slots. A producer may start frame i once the encoder has released
 * frame i - slots, so producers run at most {@code slots} frames ahead, memory stays fixed and
 * frames are never copied; the encoder takes them strictly in order. The first failure or a
 * cancel wakes every waiting thread.
 */
final class FrameRing {

    private final YuvFrame[] frames;
    private final boolean[] ready;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int released; // frames 0..released-1 have been encoded and their slots freed
    private Throwable stop; // why the render stops early; first one wins

    FrameRing(int slots, int width, int height) {
        if (slots < 1) {
            throw new IllegalArgumentException("need at least one slot, was " + slots);
        }
        frames = new YuvFrame[slots];
        ready = new boolean[slots];
        for (int i = 0; i < slots; i++) {
            frames[i] = new YuvFrame(width, height);
        }
    }

    int slots() {
        return frames.length;
    }

    /** Waits until frame {@code index}'s slot is free and returns its buffer to render into. */
    YuvFrame awaitFree(int index) throws InterruptedException, StoppedException {
        lock.lockInterruptibly();
        try {
            while (index >= released + frames.length) {
                checkStop();
                changed.await();
            }
            checkStop();
            return frames[index % frames.length];
        } finally {
            lock.unlock();
        }
    }

    /** Marks frame {@code index} rendered. */
    void publish(int index) {
        lock.lock();
        try {
            ready[index % frames.length] = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for frame {@code index}, which must be the next one in order, and returns it. */
    YuvFrame awaitReady(int index) throws InterruptedException, StoppedException {
        lock.lockInterruptibly();
        try {
            if (index != released) {
                throw new IllegalStateException("frame " + index + " taken out of order; next is " + released);
            }
            while (!ready[index % frames.length]) {
                checkStop();
                changed.await();
            }
            checkStop();
            return frames[index % frames.length];
        } finally {
            lock.unlock();
        }
    }

    /** Gives frame {@code index}'s buffer back for frame index + slots. */
    void release(int index) {
        lock.lock();
        try {
            ready[index % frames.length] = false;
            released = index + 1;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the render: every wait, now or later, throws {@link StoppedException}. First reason wins. */
    void stop(Throwable reason) {
        lock.lock();
        try {
            if (stop == null) {
                stop = reason;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    Throwable stopReason() {
        lock.lock();
        try {
            return stop;
        } finally {
            lock.unlock();
        }
    }

    private void checkStop() throws StoppedException {
        if (stop != null) {
            throw new StoppedException(stop);
        }
    }

    /** The render was stopped while a thread waited; the reason is the cause. */
    static final class StoppedException extends Exception {
        StoppedException(Throwable reason) {
            super("render stopped", reason);
        }
    }
}
