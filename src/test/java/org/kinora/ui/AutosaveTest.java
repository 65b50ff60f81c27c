package org.kinora.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinora.model.Motion;
import org.kinora.model.Project;
import org.kinora.model.Slide;

class AutosaveTest {

    @Test
    void unsavedWorkIsOfferedBackUntilCleared(@TempDir Path dir) throws Exception {
        Autosave autosave = new Autosave(dir.resolve("autosave"));
        assertThat(autosave.pending()).isEmpty();

        Path photo = TestPhotos.write(dir, "p.jpg", 64, 48);
        Project work = Project.empty().withSlides(List.of(new Slide(photo, 3, Motion.STILL)));
        Path original = dir.resolve("trip.kinora");
        autosave.save(work, original);

        Autosave.Recovered r = autosave.pending().orElseThrow();
        assertThat(r.project()).isEqualTo(work);
        assertThat(r.original()).isEqualTo(original.toAbsolutePath());

        autosave.save(work, null);
        assertThat(autosave.pending().orElseThrow().original()).as("never saved").isNull();

        autosave.clear();
        assertThat(autosave.pending()).isEmpty();
    }
}
