package org.kinora.project;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.kinora.model.AudioTrack;
import org.kinora.model.Easing;
import org.kinora.model.EncoderPreference;
import org.kinora.model.FitMode;
import org.kinora.model.Limits;
import org.kinora.model.Motion;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.model.RgbColor;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.model.View;
import org.kinora.project.ProjectJson.AudioJson;
import org.kinora.project.ProjectJson.MotionJson;
import org.kinora.project.ProjectJson.OutputJson;
import org.kinora.project.ProjectJson.SlideJson;
import org.kinora.project.ProjectJson.TransitionJson;
import org.kinora.project.ProjectJson.ViewJson;

/**
 * Converts between the project file and the model. Reading goes field by field over the JSON tree
 * ({@link JsonFields}) and notes every problem with the path of its field in the file's own names
 * (for example {@code slides[3].motion.end.zoom}) instead of stopping at the first, so
 * {@code kinora check} can list them all; the limits are the model's own ({@link Limits}), so a
 * file and the editor are refused with the same words. Writing goes through {@link ProjectJson}.
 */
final class ProjectMapper {

    private static final Limits FORMAT_VERSIONS = new Limits(1, Project.CURRENT_FORMAT_VERSION);

    private final PathCodec paths;
    private final Problems problems;
    private final List<ProjectReading.Photo> photos = new ArrayList<>();
    private final List<ProjectReading.Audio> audio = new ArrayList<>();
    private OutputSettings output;

    /** @param where "line 3, column 14: " for a field path, or "" (see {@link JsonText#where}) */
    ProjectMapper(PathCodec paths, UnaryOperator<String> where) {
        this.paths = paths;
        this.problems = new Problems(where);
    }

    /** The model for a (migrated) project tree, or every problem with it. */
    ProjectReading read(ObjectNode root) {
        JsonFields f = new JsonFields(root, "", problems);
        f.wholeNumber("formatVersion", FORMAT_VERSIONS); // checked before migrating; read so it is not unknown
        output = f.object("output", this::output);
        RgbColor background = f.text("background", RgbColor::parse, RgbColor.BLACK);
        List<Slide> slides = f.list("slides", this::slide);
        List<AudioTrack> tracks = f.list("audio", this::audio);
        Project project = f.build(() -> new Project(Project.CURRENT_FORMAT_VERSION, output, slides, tracks, background));
        return new ProjectReading(project, problems.list(), output, slides.size(), photos, audio);
    }

    private OutputSettings output(JsonFields f) {
        Integer width = f.wholeNumber("width", OutputSettings.SIZE);
        Integer height = f.wholeNumber("height", OutputSettings.SIZE);
        Integer fps = f.wholeNumber("fps", OutputSettings.FPS);
        Quality quality = f.text("quality", Quality::fromId, Quality.STANDARD);
        EncoderPreference encoder = f.text("encoder", EncoderPreference::fromId, EncoderPreference.AUTO);
        return f.build(() -> new OutputSettings(width, height, fps, quality, encoder));
    }

    private Slide slide(JsonFields f) {
        Path photo = f.text("photo", paths::read);
        if (photo != null) {
            photos.add(new ProjectReading.Photo(f.path("photo"), photo));
        }
        Double duration = f.number("duration", Slide.DURATION);
        Motion motion = f.object("motion", this::motion, Motion.STILL);
        FitMode fit = f.text("fit", v -> enumValue(FitMode.class, v), FitMode.AUTO);
        Transition transition = f.object("transition", this::transition, Transition.NONE);
        String caption = f.text("caption", text -> text, "");
        return f.build(() -> new Slide(photo, duration, motion, fit, transition, caption));
    }

    private Motion motion(JsonFields f) {
        View start = f.object("start", this::view);
        View end = f.object("end", this::view);
        Easing easing = f.text("easing", v -> enumValue(Easing.class, v), Easing.LINEAR);
        return f.build(() -> new Motion(start, end, easing));
    }

    private View view(JsonFields f) {
        Double x = f.number("x", View.CENTER);
        Double y = f.number("y", View.CENTER);
        Double zoom = f.number("zoom", View.ZOOM);
        return f.build(() -> new View(x, y, zoom));
    }

    private Transition transition(JsonFields f) {
        TransitionType type = f.text("type", TransitionType::fromId);
        Double duration = f.number("duration", Limits.NON_NEGATIVE, 0);
        return f.build(() -> new Transition(type, duration));
    }

    private AudioTrack audio(JsonFields f) {
        Path file = f.text("file", paths::read);
        Double start = f.number("start", Limits.NON_NEGATIVE, 0);
        Double trimIn = f.number("trimIn", Limits.NON_NEGATIVE, 0);
        Double trimOut = f.number("trimOut", Limits.NON_NEGATIVE, AudioTrack.UNTIL_END);
        Double volume = f.number("volume", AudioTrack.VOLUME, 1.0);
        Double fadeIn = f.number("fadeIn", Limits.NON_NEGATIVE, 0);
        Double fadeOut = f.number("fadeOut", Limits.NON_NEGATIVE, 0);
        Boolean loop = f.bool("loop", false);
        AudioTrack track = f.build(() -> new AudioTrack(file, start, trimIn, trimOut, volume, fadeIn, fadeOut, loop));
        if (file != null) { // checked as audio even when a setting is wrong: then with the whole file
            audio.add(new ProjectReading.Audio(f.path("file"), track != null ? track : AudioTrack.of(file)));
        }
        return track;
    }

    static ProjectJson toJson(Project p, PathCodec paths) {
        OutputSettings o = p.output();
        List<SlideJson> slides = p.slides().stream().map(s -> new SlideJson(
                paths.write(s.photo()),
                s.durationSeconds(),
                new MotionJson(view(s.motion().start()), view(s.motion().end()), id(s.motion().easing())),
                id(s.fit()),
                new TransitionJson(s.transition().type().id(), s.transition().durationSeconds()),
                s.caption().isEmpty() ? null : s.caption())).toList();
        List<AudioJson> audio = p.audioTracks().stream().map(a -> new AudioJson(
                paths.write(a.file()), a.startSeconds(), a.trimInSeconds(),
                a.trimmedAtEnd() ? a.trimOutSeconds() : null,
                a.volume(), a.fadeInSeconds(), a.fadeOutSeconds(), a.loop())).toList();
        return new ProjectJson(Project.CURRENT_FORMAT_VERSION,
                new OutputJson(o.width(), o.height(), o.fps(), o.quality().id(), o.encoder().id()),
                p.background().hex(), slides, audio);
    }

    private static ViewJson view(View v) {
        return new ViewJson(v.centerX(), v.centerY(), v.zoom());
    }

    static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String id) {
        String key = id.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return e;
            }
        }
        List<String> known = java.util.Arrays.stream(type.getEnumConstants()).map(ProjectMapper::id).toList();
        throw new IllegalArgumentException("unknown value '" + id + "'; known: " + String.join(", ", known));
    }
}
