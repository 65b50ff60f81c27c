package org.kinora.project;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kinora.model.AudioTrack;
import org.kinora.model.Easing;
import org.kinora.model.EncoderPreference;
import org.kinora.model.FitMode;
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
 * Converts between the file shape ({@link ProjectJson}) and the model. Reading collects every
 * problem with the path of its field (for example {@code slides[3].motion.end.zoom}) instead of
 * stopping at the first, so {@code kinora check} can list them all.
 */
final class ProjectMapper {

    private final PathCodec paths;
    private final List<String> problems = new ArrayList<>();

    ProjectMapper(PathCodec paths) {
        this.paths = paths;
    }

    /** The model for {@code json}, or null when {@link #problems()} is not empty. */
    Project toModel(ProjectJson json) {
        OutputSettings output = field("output", () -> toOutput(required("output", json.output())));
        RgbColor background = json.background() == null ? RgbColor.BLACK
                : field("background", () -> RgbColor.parse(json.background()));
        List<Slide> slides = new ArrayList<>();
        List<SlideJson> slideJson = json.slides() == null ? List.of() : json.slides();
        for (int i = 0; i < slideJson.size(); i++) {
            String at = "slides[" + i + "]";
            SlideJson s = slideJson.get(i);
            Slide slide = s == null ? fail(at, "is empty") : field(at, () -> toSlide(s));
            slides.add(slide);
        }
        List<AudioTrack> tracks = new ArrayList<>();
        List<AudioJson> audioJson = json.audio() == null ? List.of() : json.audio();
        for (int i = 0; i < audioJson.size(); i++) {
            String at = "audio[" + i + "]";
            AudioJson a = audioJson.get(i);
            tracks.add(a == null ? fail(at, "is empty") : field(at, () -> toAudio(a)));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return field("slides", () -> new Project(Project.CURRENT_FORMAT_VERSION, output, slides, tracks, background));
    }

    List<String> problems() {
        return problems;
    }

    private OutputSettings toOutput(OutputJson o) {
        return new OutputSettings(
                required("width", o.width()),
                required("height", o.height()),
                required("fps", o.fps()),
                o.quality() == null ? Quality.STANDARD : parse("quality", o.quality(), Quality::fromId),
                o.encoder() == null ? EncoderPreference.AUTO : parse("encoder", o.encoder(), EncoderPreference::fromId));
    }

    private Slide toSlide(SlideJson s) {
        Path photo = paths.read(required("photo", s.photo()));
        Motion motion = s.motion() == null ? Motion.STILL : nested("motion", () -> toMotion(s.motion()));
        FitMode fit = s.fit() == null ? FitMode.AUTO : parse("fit", s.fit(), v -> enumValue(FitMode.class, v));
        Transition transition = s.transition() == null ? Transition.NONE
                : nested("transition", () -> toTransition(s.transition()));
        return new Slide(photo, required("duration", s.duration()), motion, fit, transition, s.caption());
    }

    private Motion toMotion(MotionJson m) {
        View start = nested("start", () -> toView(required("start", m.start())));
        View end = nested("end", () -> toView(required("end", m.end())));
        Easing easing = m.easing() == null ? Easing.LINEAR : parse("easing", m.easing(), v -> enumValue(Easing.class, v));
        return new Motion(start, end, easing);
    }

    private static View toView(ViewJson v) {
        return new View(required("x", v.x()), required("y", v.y()), required("zoom", v.zoom()));
    }

    private static Transition toTransition(TransitionJson t) {
        TransitionType type = parse("type", required("type", t.type()), TransitionType::fromId);
        return new Transition(type, t.duration() == null ? 0 : t.duration());
    }

    private AudioTrack toAudio(AudioJson a) {
        return new AudioTrack(paths.read(required("file", a.file())),
                orZero(a.start()), orZero(a.trimIn()),
                a.trimOut() == null ? AudioTrack.UNTIL_END : a.trimOut(),
                a.volume() == null ? 1.0 : a.volume(),
                orZero(a.fadeIn()), orZero(a.fadeOut()),
                a.loop() != null && a.loop());
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

    private static double orZero(Double v) {
        return v == null ? 0 : v;
    }

    /** Runs a conversion; a failure becomes a problem at {@code path} and the result is null. */
    private <T> T field(String path, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (FieldException e) {
            problems.add(path + "." + e.path + ": " + e.getMessage());
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(path + ": " + e.getMessage());
        }
        return null;
    }

    private <T> T fail(String path, String problem) {
        problems.add(path + ": " + problem);
        return null;
    }

    private static <T> T required(String name, T value) {
        if (value == null) {
            throw new FieldException(name, "is missing");
        }
        return value;
    }

    private static <T> T parse(String name, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new FieldException(name, e.getMessage());
        }
    }

    /** Prefixes the path of a failure inside a nested object. */
    private static <T> T nested(String name, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (FieldException e) {
            throw new FieldException(name + "." + e.path, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new FieldException(name, e.getMessage());
        }
    }

    /** A problem with one named field, carried up to where the full path is known. */
    private static final class FieldException extends IllegalArgumentException {
        private final String path;

        FieldException(String path, String problem) {
            super(problem);
            this.path = path;
        }
    }
}
