package org.kinora.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code kinora render}: built with the render pipeline. */
@Command(name = "render", description = "Not available yet.")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("'render' is not available in this build yet");
    }
}
