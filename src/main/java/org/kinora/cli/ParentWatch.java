package org.kinora.cli;

import java.time.Instant;
import java.util.Optional;

/**
 * Watches, from the render JVM, the JVM that started it ({@link MemoryRelaunch}). When that one is
 * gone without stopping the render first (SIGKILL, the OOM killer), its caller has already seen
 * a failure, so the render must not go on and write its file later: the render JVM then exits
 * the way Ctrl-C does, and its exit hook ({@link CancelOnExit}) deletes the partial file.
 * <p>
 * The first JVM is identified by its pid and start time, so that a reused pid does not pass for
 * it. It counts as gone when this JVM's parent is no longer it (on Linux and macOS an orphan is
 * handed to another process at once, even while the dead parent is still a zombie nobody has
 * reaped) or when it is no longer alive. {@link ProcessHandle#onExit} would poll too, ever more
 * slowly for a process that is not our child, so a daemon thread checks every
 * {@value #POLL_MILLIS} ms.
 */
final class ParentWatch {

    static final long POLL_MILLIS = 250;

    private final long pid;
    private final Optional<ProcessHandle> parent;

    private ParentWatch(long pid, Optional<ProcessHandle> parent) {
        this.pid = pid;
        this.parent = parent;
    }

    /** The process as {@code pid} or {@code pid:start}, start in epoch milliseconds, for its child's environment. */
    static String describe(ProcessHandle process) {
        return process.pid() + process.info().startInstant().map(s -> ":" + s.toEpochMilli()).orElse("");
    }

    /** A watch of the process {@link #describe} described; empty when the text is not such a description. */
    static Optional<ParentWatch> of(String described) {
        if (described == null || !described.matches("\\d+(:-?\\d+)?")) {
            return Optional.empty();
        }
        String[] parts = described.split(":");
        long pid;
        Optional<Instant> start;
        try {
            pid = Long.parseLong(parts[0]);
            start = parts.length > 1 ? Optional.of(Instant.ofEpochMilli(Long.parseLong(parts[1]))) : Optional.empty();
        } catch (NumberFormatException tooLong) {
            return Optional.empty();
        }
        // Taken now: from here on ProcessHandle.isAlive tells a reused pid from the process itself.
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(p -> start.isEmpty()
                || p.info().startInstant().map(start.get()::equals).orElse(true));
        return Optional.of(new ParentWatch(pid, process));
    }

    /** Whether the watched process has ended, or is no longer this JVM's parent. */
    boolean gone() {
        if (parent.isEmpty() || !parent.get().isAlive()) {
            return true;
        }
        Optional<ProcessHandle> ours = ProcessHandle.current().parent();
        return ours.isPresent() && ours.get().pid() != pid;
    }

    /** Runs {@code onGone} on a daemon thread once the process is gone (at once if it already is). */
    Thread start(Runnable onGone) {
        Thread watch = new Thread(() -> {
            try {
                while (!gone()) {
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException stop) {
                return;
            }
            onGone.run();
        }, "kinora-parent-watch");
        watch.setDaemon(true);
        watch.start();
        return watch;
    }
}
