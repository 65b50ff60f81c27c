package org.kinora.ui;

/**
 * Decides which rendered preview frames may be shown: while playing, frames finish on several
 * threads in any order, and showing a late one would make the picture jump back. A frame is shown
 * only if it belongs to the current playback session (seeking or editing starts a new one) and
 * comes after the last frame shown. Thread-safe.
 */
public final class FrameGate {

    private long session;
    private int lastShown = -1;

    /** Starts a new session (seek, edit, play): any frame of it may be shown next. */
    public synchronized long newSession() {
        session++;
        lastShown = -1;
        return session;
    }

    public synchronized long session() {
        return session;
    }

    /** True, and remembers the frame, when it may be shown now. */
    public synchronized boolean admit(long frameSession, int frame) {
        if (frameSession != session || frame <= lastShown) {
            return false;
        }
        lastShown = frame;
        return true;
    }

    public synchronized int lastShown() {
        return lastShown;
    }
}
