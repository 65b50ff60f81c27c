package org.kinora.project;

import java.nio.file.Path;
import java.util.List;
import org.kinora.model.AudioTrack;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;

/**
 * What reading a project file found: the project, or every problem with it; and, even when there
 * are problems, the parts that could be read, so {@link ProjectChecker} can still check them.
 *
 * @param project null when there is any problem
 * @param output null when the output settings have a problem
 * @param slideCount the number of entries in {@code slides}, readable or not
 */
record ProjectReading(Project project, List<String> problems, OutputSettings output, int slideCount,
                      List<Photo> photos, List<Audio> audio) {

    ProjectReading {
        problems = List.copyOf(problems);
        photos = List.copyOf(photos);
        audio = List.copyOf(audio);
    }

    /** A photo the project names, with the field that names it ("slides[2].photo"). */
    record Photo(String field, Path file) {
    }

    /** An audio file the project names; {@code track} is the whole file when its entry has a problem. */
    record Audio(String field, AudioTrack track) {
    }
}
