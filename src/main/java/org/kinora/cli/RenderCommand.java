package org.kinora.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.kinora.model.EncoderPreference;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.project.ProjectFile;
import org.kinora.render.AudioSource;
import org.kinora.render.FrameSource;
import org.kinora.render.encode.EncodeSettings;
import org.kinora.render.pipeline.OutputFiles;
import org.kinora.render.pipeline.OutputTarget;
import org.kinora.render.pipeline.ProjectSources;
import org.kinora.render.pipeline.RenderCancelledException;
import org.kinora.render.pipeline.RenderException;
import org.kinora.render.pipeline.RenderJob;
import org.kinora.render.pipeline.RenderListener;
import org.kinora.render.pipeline.RenderRequest;
import org.kinora.render.pipeline.RenderResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kinora render FILE.kinora -o OUT.mp4}: the project to an MP4, with a progress bar. */
@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Render a project to an MP4 video (H.264 + AAC).")
final class RenderCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE.kinora", description = "The project to render.")
    Path project;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.mp4", description = "The video to write (.mp4, .m4v or .mov).")
    Path output;

    @Option(names = "--encoder", paramLabel = "auto|h264_nvenc|libx264",
            description = "H.264 encoder (default: the project's, normally auto: NVENC, else libx264, else OpenH264).")
    String encoder;

    @Option(names = "--size", paramLabel = "WxH", description = "Video size instead of the project's.")
    String size;

    @Option(names = "--fps", paramLabel = "N", description = "Frames per second instead of the project's.")
    Integer fps;

    @Option(names = "--crf", paramLabel = "N",
            description = "libx264 CRF instead of the quality setting's (0 = lossless; NVENC gets it as CQ).")
    Integer crf;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads making frames (default: one per core).")
    Integer threads;

    @Option(names = "--force", description = "Replace OUT.mp4 if it exists.")
    boolean force;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary; errors only.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        EncoderPreference requestedEncoder = checkOptions();
        // All of the output's checks come before any photo is loaded: fail fast.
        Project loaded = ProjectFile.load(project);
        Optional<String> input = OutputFiles.inputProblem(output, project, loaded); // first: --force cannot help
        if (input.isPresent()) {
            throw new RenderException(input.get());
        }
        OutputTarget.check(output, force); // before the name: "it is a folder" says more than "must end in .mp4"
        if (!OutputFiles.hasVideoExtension(output)) {
            throw new ParameterException(spec.commandLine(), "-o/--output " + OutputFiles.extensionProblem(output));
        }
        if (loaded.slides().isEmpty()) {
            throw new RenderException(project + ": the project has no slides");
        }
        Project p = loaded.withOutput(outputSettings(loaded.output()));
        if (p.timeline().totalFrames() < 1) {
            throw new RenderException(project + ": the project is shorter than one frame at " + p.output().fps() + " fps");
        }
        EncodeSettings settings = EncodeSettings.of(p.output());
        if (crf != null) {
            settings = settings.withCrf(crf);
        }
        EncoderPreference preference = requestedEncoder != null ? requestedEncoder : p.output().encoder();
        int producers = threads != null ? threads : RenderRequest.defaultProducers();
        try (FrameSource frames = ProjectSources.frames(p, producers); AudioSource audio = ProjectSources.audio(p)) {
            RenderRequest request = RenderRequest.of(frames, output, preference, settings)
                    .withAudio(audio).withOverwrite(force).withProducers(producers);
            RenderResult result;
            try {
                result = run(request, err);
            } catch (RenderCancelledException saidSo) {
                return KinoraCli.CANCELLED;
            }
            if (!quiet) {
                for (String skipped : result.skippedEncoders()) {
                    err.println("kinora: " + skipped + "; used " + result.encoder().ffmpegName() + " instead");
                }
                out.println(RenderSummary.of(result));
            }
            return KinoraCli.OK;
        }
    }

    private RenderResult run(RenderRequest request, PrintWriter err) throws RenderException, InterruptedException {
        // Ctrl-C or a kill: cancel so the partial file is deleted before the JVM exits, and say so once.
        try (CancelOnExit onExit = new CancelOnExit(err)) {
            try (RenderProgressBar bar = quiet ? null : new RenderProgressBar(err, request.frames().frameCount(),
                    System.console() != null)) {
                RenderJob job = RenderJob.create(request, bar == null ? RenderListener.NONE : bar);
                onExit.watch(job); // before the temporary file exists: a stop from here on deletes it
                job.begin();
                return job.await();
            } catch (RenderCancelledException e) {
                onExit.cancelled(e); // after the progress bar's last line
                throw e;
            }
        }
    }

    /**
     * Every option's value on its own, before any file is read: a bad value is a usage error
     * (exit 2) whatever state the files are in. Returns the --encoder asked for, or null.
     */
    private EncoderPreference checkOptions() {
        if (output.toString().isEmpty()) {
            throw new ParameterException(spec.commandLine(), "-o/--output must name a file, not be empty");
        }
        if (crf != null && (crf < 0 || crf > 51)) {
            throw new ParameterException(spec.commandLine(), "--crf must be between 0 and 51, was " + crf);
        }
        if (threads != null && threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be 1 or more, was " + threads);
        }
        outputSettings(OutputSettings.FULL_HD); // --size and --fps, whatever the project holds
        try {
            return encoder == null ? null : EncoderPreference.fromId(encoder);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private OutputSettings outputSettings(OutputSettings base) {
        OutputSettings s = base;
        try {
            if (size != null) {
                int[] wh = OutputSettings.parseSize(size);
                s = s.withSize(wh[0], wh[1]);
            }
            if (fps != null) {
                s = s.withFps(fps);
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return s;
    }
}
