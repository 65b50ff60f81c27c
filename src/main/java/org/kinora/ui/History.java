package org.kinora.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.kinora.model.Project;

/**
 * The editor's undo/redo history over the immutable {@link Project}. Every edit is a function
 * from one project to the next; because projects are immutable and share their unchanged parts,
 * keeping the snapshot before and after each edit is cheap and undo can never drift from redo.
 *
 * <p>Plain Java, no JavaFX: the window listens through {@link #addListener}.
 */
public final class History {

    /** One undoable step. */
    public record Entry(String label, Project before, Project after, Object mergeKey) {
    }

    /** An edit the model refused (for example a transition longer than its slide). */
    public static final class RejectedEdit extends Exception {
        public RejectedEdit(String label, IllegalArgumentException cause) {
            super(label + ": " + cause.getMessage(), cause);
        }
    }

    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new ArrayList<>();
    private final int limit;
    private Project current;
    private Project saved;

    public History(Project initial) {
        this(initial, 500);
    }

    public History(Project initial, int limit) {
        this.current = Objects.requireNonNull(initial);
        this.saved = initial;
        this.limit = limit;
    }

    public Project current() {
        return current;
    }

    /** Applies an edit as one undoable step. */
    public void apply(String label, UnaryOperator<Project> edit) throws RejectedEdit {
        apply(label, null, edit);
    }

    /**
     * Applies an edit. Consecutive edits with the same non-null {@code mergeKey} (typing digits
     * into one field, say) become one step, so a single undo takes back the whole change.
     * An edit that changes nothing leaves the history untouched.
     */
    public void apply(String label, Object mergeKey, UnaryOperator<Project> edit) throws RejectedEdit {
        Project next;
        try {
            next = Objects.requireNonNull(edit.apply(current), "edit returned no project");
        } catch (IllegalArgumentException e) {
            throw new RejectedEdit(label, e);
        }
        if (next.equals(current)) {
            return;
        }
        Entry last = undo.peek();
        if (mergeKey != null && last != null && mergeKey.equals(last.mergeKey()) && redo.isEmpty()) {
            undo.pop();
            undo.push(new Entry(label, last.before(), next, mergeKey));
        } else {
            undo.push(new Entry(label, current, next, mergeKey));
            if (undo.size() > limit) {
                undo.removeLast();
            }
        }
        redo.clear();
        current = next;
        fire();
    }

    /** Ends merging: the next edit starts a new step even with the same merge key. */
    public void seal() {
        Entry last = undo.peek();
        if (last != null && last.mergeKey() != null) {
            undo.pop();
            undo.push(new Entry(last.label(), last.before(), last.after(), null));
        }
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** What undo would take back, e.g. "Delete 3 slides"; empty when there is nothing. */
    public String undoLabel() {
        return undo.isEmpty() ? "" : undo.peek().label();
    }

    public String redoLabel() {
        return redo.isEmpty() ? "" : redo.peek().label();
    }

    public void undo() {
        if (undo.isEmpty()) {
            return;
        }
        Entry e = undo.pop();
        redo.push(new Entry(e.label(), e.before(), e.after(), null));
        current = e.before();
        fire();
    }

    public void redo() {
        if (redo.isEmpty()) {
            return;
        }
        Entry e = redo.pop();
        undo.push(e);
        current = e.after();
        fire();
    }

    /** Starts over with another project (New, Open): no history, not dirty. */
    public void reset(Project project) {
        undo.clear();
        redo.clear();
        current = Objects.requireNonNull(project);
        saved = project;
        fire();
    }

    /** Remembers the current project as the one on disk. */
    public void markSaved() {
        markSaved(current);
    }

    /**
     * Remembers {@code project} as the one on disk: a save runs in the background, and the user may
     * have edited on meanwhile, which must leave the project dirty.
     */
    public void markSaved(Project project) {
        saved = Objects.requireNonNull(project);
        fire();
    }

    /** True when the project differs from the one last saved or opened (undoing back to it clears it). */
    public boolean isDirty() {
        return !current.equals(saved);
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        for (Runnable l : List.copyOf(listeners)) {
            l.run();
        }
    }
}
