package org.kinora.ui;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.kinora.model.Project;

/** Renders a project to a video file, reporting progress; the render dialog runs it in a Task. */
interface Exporter {

    /** One progress report, already in the words the dialog shows. */
    record Progress(long framesDone, long framesTotal, double fps, double secondsLeft,
                    String encoder, String encoderNote) {
        double fraction() {
            return framesTotal <= 0 ? 0 : (double) framesDone / framesTotal;
        }
    }

    /**
     * Renders to {@code output}; writes to a temporary file moved into place only when complete.
     * Returns normally when done; throws on failure or when {@code cancelled} turned true (then no
     * file is left behind).
     */
    void export(Project project, Path output, Consumer<Progress> progress, BooleanSupplier cancelled)
            throws Exception;
}
