package org.kinora.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinora encoders}: built with the render pipeline. */
@Command(name = "encoders", description = "Not available yet.")
final class EncodersCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'encoders' is not available in this build yet");
    }
}
