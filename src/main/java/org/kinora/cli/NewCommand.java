package org.kinora.cli;

import java.io.IOException;
import java.math.BigDecimal;
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
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.project.PhotoFinder;
import org.kinora.project.ProjectBuilder;
import org.kinora.project.ProjectFile;
import org.kinora.render.audio.AudioProbe;
import org.kinora.render.audio.BeatSync;
import org.kinora.render.audio.Crossfades;
import org.kinora.render.audio.FitToMusic;
import org.kinora.render.audio.ProjectMusic;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kinora new PHOTOS... -o FILE.kinora}: a project with automatic Ken Burns motion. */
@Command(name = "new", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create a project from photos and folders, with automatic motion.")
final class NewCommand implements Callable<Integer> {

    private static final double MUSIC_CROSSFADE_SECONDS = 2.0;

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

    @Option(names = "--fit-to-music", description = "Scale the photo durations so the slideshow ends with the music.")
    boolean fitToMusic;

    @Option(names = "--beat-sync", description = "Move each photo change onto the nearest beat (within 0.25 s).")
    boolean beatSync;

    @Override
    public Integer call() throws IOException {
        // Every option is checked before any file is touched: a usage error is always exit 2.
        ProjectBuilder builder = configuredBuilder();
        if (!output.getFileName().toString().endsWith(ProjectFile.EXTENSION)) {
            throw new ParameterException(spec.commandLine(), "the project file must end in " + ProjectFile.EXTENSION + ": " + output);
        }
        if ((fitToMusic || beatSync) && music.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--fit-to-music and --beat-sync need --music");
        }
        if (Files.isDirectory(output)) {
            throw new IOException("cannot write " + output.toAbsolutePath().normalize() + ": it is a folder");
        }
        if (Files.exists(output) && !force) {
            throw new IOException(output + " already exists; use --force to replace it");
        }
        PhotoFinder.Result found = PhotoFinder.find(inputs);
        var err = spec.commandLine().getErr();
        for (PhotoFinder.Skipped skipped : found.skipped()) {
            err.println("kinora: warning: skipped " + skipped.file() + ": " + skipped.reason());
        }
        if (found.photos().isEmpty()) {
            throw new IOException("no photos found in " + String.join(", ", inputs.stream().map(Path::toString).toList()));
        }
        addMusic(builder);
        Project project = timeToMusic(builder.build(found.photos()));
        ProjectFile.save(project, output);
        int photos = project.slides().size();
        spec.commandLine().getOut().printf(Locale.ROOT, "%s: %d %s, %s, %dx%d at %d fps%n", output,
                photos, photos == 1 ? "photo" : "photos", Durations.format(project.timeline().durationSeconds()),
                project.output().width(), project.output().height(), project.output().fps());
        return KinoraCli.OK;
    }

    private ProjectBuilder configuredBuilder() {
        try {
            int[] wh = OutputSettings.parseSize(size);
            OutputSettings settings = OutputSettings.FULL_HD.withSize(wh[0], wh[1]).withFps(fps)
                    .withQuality(Quality.fromId(quality));
            checkSecondsPerPhoto(secondsPerPhoto);
            Transition t = parseTransition(transition);
            if (2 * t.durationSeconds() > secondsPerPhoto) {
                throw new IllegalArgumentException("a " + plain(t.durationSeconds()) + " s transition needs --seconds-per-photo of at least "
                        + plain(2 * t.durationSeconds()));
            }
            return new ProjectBuilder().output(settings).secondsPerPhoto(secondsPerPhoto).transition(t)
                    .fit(parseFit(fit));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** Music files play one after the other, each crossfading into the next. */
    private void addMusic(ProjectBuilder builder) throws IOException {
        List<AudioTrack> tracks = new ArrayList<>();
        double[] played = new double[music.size()];
        for (int i = 0; i < music.size(); i++) {
            Path file = music.get(i).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new IOException(file + ": music file not found");
            }
            AudioTrack track = AudioTrack.of(file);
            // Opened now, as check and render would: a file FFmpeg cannot decode is refused here, not later.
            AudioProbe.requireUsable(track);
            tracks.add(track);
            // Only a following track needs this one's length; a single track is not opened here.
            played[i] = music.size() > 1 ? ProjectMusic.playedSeconds(track, MediaDuration.seconds(file)) : 0;
        }
        Crossfades.chain(tracks, played, MUSIC_CROSSFADE_SECONDS).forEach(builder::music);
    }

    /** Decodes the music once and applies --fit-to-music, then --beat-sync (which keeps the end). */
    private Project timeToMusic(Project project) throws IOException {
        if (!fitToMusic && !beatSync) {
            return project;
        }
        ProjectMusic analysis = ProjectMusic.analyze(project);
        Project timed = fitToMusic ? FitToMusic.fit(project, analysis.endSeconds()) : project;
        return beatSync ? BeatSync.snap(timed, analysis.beatSeconds()) : timed;
    }

    /** The slide's own limits, said in the option's words (else NaN or -1 would surface as a slide error, exit 1). */
    static void checkSecondsPerPhoto(double seconds) {
        if (!(seconds >= Slide.MIN_DURATION && seconds <= Slide.MAX_DURATION)) {
            throw new IllegalArgumentException("--seconds-per-photo must be a number of seconds from "
                    + plain(Slide.MIN_DURATION) + " to " + plain(Slide.MAX_DURATION) + ", was " + plain(seconds));
        }
    }

    /** 4 rather than 4.0, 1000000000 rather than 1.0E9; NaN and Infinity as they are. */
    static String plain(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : Double.toString(value);
    }

    static Transition parseTransition(String text) {
        String[] parts = text.split(":", 2);
        TransitionType type = TransitionType.fromId(parts[0]);
        if (parts.length == 1) {
            return new Transition(type, type == TransitionType.CUT ? 0 : 1.0);
        }
        double seconds;
        try {
            seconds = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--transition must look like crossfade:1.0, was '" + text + "'");
        }
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("--transition needs a number of seconds of 0 or more, was '" + text + "'");
        }
        return new Transition(type, seconds);
    }

    static FitMode parseFit(String text) {
        try {
            return FitMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fit '" + text + "'; known: auto, fill, blur, color");
        }
    }
}
