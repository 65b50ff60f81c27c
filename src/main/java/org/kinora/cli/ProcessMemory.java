package org.kinora.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of this process, as Linux counts it (/proc/self/status). */
final class ProcessMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ProcessMemory() {
    }

    /** Peak resident set size (VmHWM) in KiB, or -1 where /proc is not available. */
    static long peakRssKb() {
        return field("VmHWM:");
    }

    static long rssKb() {
        return field("VmRSS:");
    }

    private static long field(String name) {
        if (!Files.isReadable(STATUS)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.substring(name.length()).replace("kB", "").trim());
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STATUS, e);
        }
    }
}
