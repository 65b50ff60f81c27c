package org.kinora.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.kinora.model.AudioTrack;
import org.kinora.model.FitMode;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.project.PhotoFinder;
import org.kinora.project.ProjectBuilder;
import org.kinora.project.ProjectFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kinora new PHOTOS... -o FILE.kinora}: a project with automatic Ken Burns motion. */
@Command(name = "new", description = "Create a project from photos and folders, with automatic motion.")
final class NewCommand implements Callable<Integer> {

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PHOTO_OR_FOLDER", arity = "1..*",
            description = "Photos, or folders of photos (taken in name order).")
    List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.kinora", description = "Project file to write.")
    Path output;

    @Option(names = "--music", paramLabel = "FILE", description = "Music, played one after the other (repeatable).")
    List<Path> music = new ArrayList<>();

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1920x1080", description = "Video size (default: ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--fps", defaultValue = "30", description = "Frames per second (default: ${DEFAULT-VALUE}).")
    int fps;

    @Option(names = "--seconds-per-photo", paramLabel = "S", defaultValue = "4",
            description = "How long each photo is shown, transitions included (default: ${DEFAULT-VALUE}).")
    double secondsPerPhoto;

    @Option(names = "--transition", paramLabel = "TYPE:SECONDS", defaultValue = "crossfade:1.0",
            description = "Transition between photos, e.g. crossfade:1.0, fade-black:0.8, cut (default: ${DEFAULT-VALUE}).")
    String transition;

    @Option(names = "--fit", defaultValue = "auto",
            description = "How photos of another shape fill the frame: auto, fill, blur, color (default: ${DEFAULT-VALUE}).")
    String fit;

    @Option(names = "--quality", defaultValue = "standard", description = "draft, standard or high (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--force", description = "Overwrite an existing project file.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (!output.getFileName().toString().endsWith(ProjectFile.EXTENSION)) {
            throw new ParameterException(spec.commandLine(), "the project file must end in " + ProjectFile.EXTENSION + ": " + output);
        }
        if (Files.exists(output) && !force) {
            throw new IOException(output + ": already exists (use --force to overwrite)");
        }
        ProjectBuilder builder = configuredBuilder();
        PhotoFinder.Result found = PhotoFinder.find(inputs);
        var err = spec.commandLine().getErr();
        for (Path skipped : found.skipped()) {
            err.println("kinora: warning: skipped " + skipped + " (not an image Kinora can read)");
        }
        if (found.photos().isEmpty()) {
            throw new IOException("no photos found in " + inputs);
        }
        addMusic(builder);
        Project project = builder.build(found.photos());
        ProjectFile.save(project, output);
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d photos, %s, %dx%d at %d fps%n", output,
                project.slides().size(), Durations.format(project.timeline().durationSeconds()),
                project.output().width(), project.output().height(), project.output().fps());
        return KinoraCli.OK;
    }

    private ProjectBuilder configuredBuilder() {
        try {
            int[] wh = OutputSettings.parseSize(size);
            OutputSettings settings = OutputSettings.FULL_HD.withSize(wh[0], wh[1]).withFps(fps)
                    .withQuality(Quality.fromId(quality));
            Transition t = parseTransition(transition);
            if (2 * t.durationSeconds() > secondsPerPhoto) {
                throw new IllegalArgumentException("a " + t.durationSeconds() + " s transition needs --seconds-per-photo of at least "
                        + 2 * t.durationSeconds());
            }
            return new ProjectBuilder().output(settings).secondsPerPhoto(secondsPerPhoto).transition(t)
                    .fit(parseFit(fit));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Music files play one after the other, so each starts where the previous one ends. */
    private void addMusic(ProjectBuilder builder) throws IOException {
        double start = 0;
        for (int i = 0; i < music.size(); i++) {
            Path file = music.get(i).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": music file not found");
            }
            AudioTrack track = AudioTrack.of(file);
            builder.music(new AudioTrack(file, start, 0, AudioTrack.UNTIL_END, track.volume(),
                    track.fadeInSeconds(), track.fadeOutSeconds(), false));
            if (i + 1 < music.size()) {
                start += MediaDuration.seconds(file);
            }
        }
    }

    static Transition parseTransition(String text) {
        String[] parts = text.split(":", 2);
        TransitionType type = TransitionType.fromId(parts[0]);
        if (parts.length == 1) {
            return new Transition(type, type == TransitionType.CUT ? 0 : 1.0);
        }
        try {
            return new Transition(type, Double.parseDouble(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("transition must look like crossfade:1.0, was '" + text + "'");
        }
    }

    static FitMode parseFit(String text) {
        try {
            return FitMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fit '" + text + "'; known: auto, fill, blur, color");
        }
    }
}
