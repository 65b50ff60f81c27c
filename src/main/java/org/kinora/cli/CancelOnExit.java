package org.kinora.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kinora.render.pipeline.RenderCancelledException;
import org.kinora.render.pipeline.RenderException;
import org.kinora.render.pipeline.RenderJob;

/**
 * Cancels a render when its JVM exits before the render ends (Ctrl-C, a SIGTERM such as the one
 * the first JVM sends when it is stopped alone, or the first JVM gone: {@link ParentWatch}), so
 * the partial file is deleted first, and says so in one line, once.
 * <p>
 * The JVM stops once its shutdown hooks have run, wherever its other threads are, so the main
 * thread alone cannot be relied on to print anything. The hook waits a moment for the main thread
 * to end the progress bar's line and say it ({@link #cancelled}), and says it itself otherwise.
 */
final class CancelOnExit implements AutoCloseable {

    /** How long the hook waits for the main thread to end the progress bar and report. */
    private static final long REPORT_WAIT_MILLIS = 2_000;

    private final PrintWriter err;
    private final AtomicBoolean said = new AtomicBoolean();
    private final CountDownLatch mainDone = new CountDownLatch(1);
    private Thread hook;

    CancelOnExit(PrintWriter err) {
        this.err = err;
    }

    /** From now until {@link #close}, an exit of the JVM cancels the job and waits for it. */
    void watch(RenderJob job) {
        hook = new Thread(() -> onExit(job), "kinora-render-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Says that the render was cancelled, unless the hook already did. */
    void cancelled(RenderCancelledException e) {
        say(e.getMessage());
    }

    private void onExit(RenderJob job) {
        job.cancelAndWait();
        try {
            job.await(); // returns at once now; finished before the cancel: nothing to say
        } catch (RenderCancelledException e) {
            try {
                mainDone.await(REPORT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            say(e.getMessage());
        } catch (RenderException | InterruptedException other) {
            // a failure of its own: the main thread reports it if the JVM lets it
        }
    }

    private void say(String message) {
        if (said.compareAndSet(false, true)) {
            err.println("kinora: " + message);
            err.flush();
        }
    }

    /** Removes the hook, unless the JVM is already exiting and runs it. */
    @Override
    public void close() {
        mainDone.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already exiting and runs the hook itself, which is what we want.
            }
        }
    }
}
