package org.kinora.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinora new}: built with the render pipeline. */
@Command(name = "new", description = "Not available yet.")
final class NewCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'new' is not available in this build yet");
    }
}
