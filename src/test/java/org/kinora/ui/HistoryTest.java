package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.kinora.model.Motion;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.junit.jupiter.api.Test;

class HistoryTest {

    static Slide slide(String name) {
        return new Slide(Path.of("/photos", name).toAbsolutePath(), 4, Motion.STILL);
    }

    static Project projectOf(String... names) {
        return Project.empty().withSlides(java.util.Arrays.stream(names).map(HistoryTest::slide).toList());
    }

    static List<String> names(Project p) {
        return p.slides().stream().map(s -> s.photo().getFileName().toString()).toList();
    }

    @Test
    void undoAndRedoWalkTheSnapshotsAndTrackDirtiness() throws Exception {
        History h = new History(projectOf("a", "b"));
        h.apply("Add", p -> SlideEdits.insert(p, 1, List.of(slide("x"))));
        h.apply("Delete", p -> SlideEdits.remove(p, List.of(0)));
        assertThat(names(h.current())).containsExactly("x", "b");
        assertThat(h.isDirty()).isTrue();
        assertThat(h.undoLabel()).isEqualTo("Delete");

        h.undo();
        assertThat(names(h.current())).containsExactly("a", "x", "b");
        h.undo();
        assertThat(names(h.current())).containsExactly("a", "b");
        assertThat(h.isDirty()).as("back at the opened project").isFalse();
        assertThat(h.canUndo()).isFalse();

        h.redo();
        assertThat(names(h.current())).containsExactly("a", "x", "b");
        h.apply("Move", p -> SlideEdits.move(p, List.of(2), 0));
        assertThat(h.canRedo()).as("a new edit drops the redo branch").isFalse();
        assertThat(names(h.current())).containsExactly("b", "a", "x");
    }

    @Test
    void mergedEditsUndoAsOneStepUntilSealed() throws Exception {
        History h = new History(projectOf("a"));
        h.apply("Duration", "dur", p -> p.withSlide(0, p.slides().get(0).withDuration(5)));
        h.apply("Duration", "dur", p -> p.withSlide(0, p.slides().get(0).withDuration(6)));
        h.seal();
        h.apply("Duration", "dur", p -> p.withSlide(0, p.slides().get(0).withDuration(7)));
        h.undo();
        assertThat(h.current().slides().get(0).durationSeconds()).isEqualTo(6);
        h.undo();
        assertThat(h.current().slides().get(0).durationSeconds()).isEqualTo(4);
    }

    @Test
    void refusedEditLeavesProjectAndHistoryAlone() {
        History h = new History(projectOf("a", "b"));
        assertThatThrownBy(() -> h.apply("Transition",
                p -> p.withSlide(0, p.slides().get(0).withTransition(Transition.crossfade(9)))))
                .isInstanceOf(History.RejectedEdit.class)
                .hasMessageContaining("Transition");
        assertThat(h.canUndo()).isFalse();
        assertThat(h.isDirty()).isFalse();
    }

    @Test
    void markSavedClearsDirtyAndNoOpEditsAreNotSteps() throws Exception {
        History h = new History(projectOf("a"));
        h.apply("Nothing", p -> p);
        assertThat(h.canUndo()).isFalse();
        h.apply("Delete", p -> SlideEdits.remove(p, List.of(0)));
        h.markSaved();
        assertThat(h.isDirty()).isFalse();
        h.undo();
        assertThat(h.isDirty()).isTrue();
    }

    @Test
    void moveKeepsTheOrderOfTheMovedSlides() {
        Project p = projectOf("a", "b", "c", "d", "e");
        assertThat(names(SlideEdits.move(p, List.of(0, 2), 4))).containsExactly("b", "d", "a", "c", "e");
        assertThat(names(SlideEdits.move(p, List.of(3, 4), 1))).containsExactly("a", "d", "e", "b", "c");
        assertThat(names(SlideEdits.move(p, List.of(1), 5))).containsExactly("a", "c", "d", "e", "b");
        assertThat(SlideEdits.movedTo(List.of(0, 2), 4)).isEqualTo(2);
    }
}
