package org.kinora.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The on-disk shape of a {@code .kinora} file as it is written, kept apart from the model so the
 * file format can evolve (with a migration step) without touching the model. Boxed types: a null
 * field is left out. Reading does not bind to these records: {@link ProjectMapper} reads the JSON
 * tree field by field, so that it can report every problem, not only the first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProjectJson(Integer formatVersion, OutputJson output, String background,
                   List<SlideJson> slides, List<AudioJson> audio) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OutputJson(Integer width, Integer height, Integer fps, String quality, String encoder) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SlideJson(String photo, Double duration, MotionJson motion, String fit,
                     TransitionJson transition, String caption) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MotionJson(ViewJson start, ViewJson end, String easing) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ViewJson(Double x, Double y, Double zoom) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TransitionJson(String type, Double duration) {
    }

    /** {@code trimOut} null means "to the end of the file". */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AudioJson(String file, Double start, Double trimIn, Double trimOut, Double volume,
                     Double fadeIn, Double fadeOut, Boolean loop) {
    }
}
