package org.kinora.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.kinora.model.Project;
import org.kinora.project.ProjectFile;

/**
 * Keeps a copy of unsaved work so a crash loses little: the editor writes it every so often while
 * the project is dirty and deletes it on a clean exit. A copy still there at the next start means
 * the editor did not close cleanly, and it is offered back. Plain Java; call off the JavaFX thread.
 */
public final class Autosave {

    /** Unsaved work found at start: the project, the file it belongs to (or null), when it was saved. */
    public record Recovered(Project project, Path original, FileTime savedAt) {
        /** When it was saved, in the user's time zone, e.g. "2026-11-25 14:05". */
        public String savedAtText() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .format(savedAt.toInstant().atZone(java.time.ZoneId.systemDefault()));
        }
    }

    private final Path projectCopy;
    private final Path originFile;

    public Autosave(Path directory) {
        this.projectCopy = directory.resolve("autosave" + ProjectFile.EXTENSION);
        this.originFile = directory.resolve("autosave.origin");
    }

    public static Autosave forUser() {
        return new Autosave(Path.of(System.getProperty("user.home"), ".kinora", "autosave"));
    }

    public synchronized void save(Project project, Path original) throws IOException {
        Files.createDirectories(projectCopy.getParent());
        ProjectFile.save(project, projectCopy);
        Files.writeString(originFile, original == null ? "" : original.toAbsolutePath().toString(),
                StandardCharsets.UTF_8);
    }

    /** The work left by an editor that did not close cleanly, if any. */
    public synchronized Optional<Recovered> pending() throws IOException {
        if (!Files.exists(projectCopy)) {
            return Optional.empty();
        }
        Project p = ProjectFile.load(projectCopy);
        String origin = Files.exists(originFile) ? Files.readString(originFile, StandardCharsets.UTF_8).trim() : "";
        return Optional.of(new Recovered(p, origin.isEmpty() ? null : Path.of(origin),
                Files.getLastModifiedTime(projectCopy)));
    }

    public synchronized void clear() throws IOException {
        Files.deleteIfExists(projectCopy);
        Files.deleteIfExists(ProjectFile.backupOf(projectCopy));
        Files.deleteIfExists(originFile);
    }
}
