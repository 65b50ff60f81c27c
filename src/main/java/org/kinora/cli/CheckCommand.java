package org.kinora.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinora check}: built with the render pipeline. */
@Command(name = "check", description = "Not available yet.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'check' is not available in this build yet");
    }
}
