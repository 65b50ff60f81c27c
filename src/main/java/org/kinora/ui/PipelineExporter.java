package org.kinora.ui;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.kinora.model.EncoderPreference;
import org.kinora.model.Project;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameSource;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.encode.EncoderProbe;
import org.kinora.render.encode.EncoderStatus;
import org.kinora.render.encode.VideoEncoder;
import org.kinora.render.pipeline.ProjectSources;
import org.kinora.render.pipeline.RenderCancelledException;
import org.kinora.render.pipeline.RenderJob;
import org.kinora.render.pipeline.RenderProgress;
import org.kinora.render.pipeline.RenderRequest;
import org.kinora.render.pipeline.RenderResult;

/** Exports through the render pipeline, exactly as {@code kinora render} does. */
final class PipelineExporter implements Exporter {

    @Override
    public Exported export(Project project, Path output, boolean overwrite, Consumer<Progress> progress) throws Exception {
        EncodeSettings settings = EncodeSettings.of(project.output());
        EncoderPreference preference = project.output().encoder();
        // Say up front why NVENC will not be used, so the dialog shows it while rendering.
        String note = "";
        if (preference == EncoderPreference.AUTO) {
            EncoderStatus nvenc = EncoderProbe.probe(VideoEncoder.H264_NVENC, settings);
            note = nvenc.usable() ? "" : nvenc.reason();
        }
        String encoderNote = note;
        try (FrameSource frames = ProjectSources.frames(project); AudioSource audio = ProjectSources.audio(project)) {
            RenderRequest request = RenderRequest.of(frames, output, preference, settings)
                    .withAudio(audio).withOverwrite(overwrite);
            RenderJob job = RenderJob.start(request, p -> progress.accept(toProgress(p, encoderNote)));
            RenderResult result;
            try {
                result = job.await();
            } catch (InterruptedException e) {
                job.cancelAndWait(); // returns once the partial file is gone
                throw new RenderCancelledException("render cancelled; no file written");
            }
            return new Exported(result.file(), result.encoder().displayName(), result.skippedEncoders());
        }
    }

    private static Progress toProgress(RenderProgress p, String note) {
        double left = p.remaining().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
        return new Progress(p.framesDone(), p.totalFrames(), p.framesPerSecond(), left,
                p.encoder().isEmpty() ? "opening…" : p.encoder(), note);
    }
}
