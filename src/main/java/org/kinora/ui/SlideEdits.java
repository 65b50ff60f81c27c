package org.kinora.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kinora.model.Project;
import org.kinora.model.Slide;

/** Pure edits of a project's slide list, used by the filmstrip and undone through {@link History}. */
public final class SlideEdits {

    private SlideEdits() {
    }

    /** Inserts slides before {@code index} (clamped to 0..size). */
    public static Project insert(Project project, int index, List<Slide> added) {
        List<Slide> slides = new ArrayList<>(project.slides());
        int at = Math.max(0, Math.min(index, slides.size()));
        slides.addAll(at, added);
        return project.withSlides(slides);
    }

    /** Removes the slides at the given indices. */
    public static Project remove(Project project, Collection<Integer> indices) {
        SortedSet<Integer> gone = new TreeSet<>(indices);
        List<Slide> slides = new ArrayList<>();
        for (int i = 0; i < project.slides().size(); i++) {
            if (!gone.contains(i)) {
                slides.add(project.slides().get(i));
            }
        }
        return project.withSlides(slides);
    }

    /**
     * Moves the slides at {@code indices} (kept in their order) so that they sit before the slide
     * that was at {@code target} (0..size; size = the end), as dragging them there in the
     * filmstrip would.
     */
    public static Project move(Project project, Collection<Integer> indices, int target) {
        return project.withSlides(moved(project.slides(), indices, target));
    }

    /** Where the first moved slide ends up after {@link #move}. */
    public static int movedTo(Collection<Integer> indices, int target) {
        int before = 0;
        for (int i : new TreeSet<>(indices)) {
            if (i < target) {
                before++;
            }
        }
        return target - before;
    }

    static <T> List<T> moved(List<T> items, Collection<Integer> indices, int target) {
        SortedSet<Integer> picked = new TreeSet<>(indices);
        List<T> moving = new ArrayList<>();
        List<T> staying = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            (picked.contains(i) ? moving : staying).add(items.get(i));
        }
        int at = Math.max(0, Math.min(movedTo(picked, target), staying.size()));
        staying.addAll(at, moving);
        return staying;
    }
}
