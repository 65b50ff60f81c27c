package org.kinora.project;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Every problem found in a project file, in the order found, as "PATH: problem" with the file's
 * own field names. A value of the wrong type also says where it stands in the text.
 */
final class Problems {

    private final List<String> found = new ArrayList<>();
    private final UnaryOperator<String> where;

    /** @param where "line 3, column 14: " for a field path, or "" when unknown */
    Problems(UnaryOperator<String> where) {
        this.where = where;
    }

    void add(String path, String problem) {
        found.add(path.isEmpty() ? problem : path + ": " + problem);
    }

    /** A problem with the text at {@code valuePath} itself (a wrong type, an unknown field): says the line. */
    void addInText(String path, String valuePath, String problem) {
        found.add(where.apply(valuePath) + (path.isEmpty() ? problem : path + ": " + problem));
    }

    int count() {
        return found.size();
    }

    List<String> list() {
        return List.copyOf(found);
    }
}
