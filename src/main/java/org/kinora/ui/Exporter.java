package org.kinora.ui;

import java.nio.file.Path;
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

    /** A finished export: the file, the encoder that wrote it, and why others were skipped. */
    record Exported(Path file, String encoder, java.util.List<String> skippedEncoders) {
    }

    /**
     * Renders to {@code output}; the video is written to a temporary file moved into place only when
     * complete. Interrupting the calling thread cancels the export, which then throws and leaves no
     * file behind.
     *
     * @param overwrite an existing {@code output} may be replaced: true only once the user has said
     *     so; false leaves the pipeline's own check to refuse a file that appeared meanwhile
     */
    Exported export(Project project, Path output, boolean overwrite, Consumer<Progress> progress) throws Exception;
}
