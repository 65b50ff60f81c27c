package org.kinora.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinora bench}: built with the render pipeline. */
@Command(name = "bench", description = "Not available yet.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'bench' is not available in this build yet");
    }
}
