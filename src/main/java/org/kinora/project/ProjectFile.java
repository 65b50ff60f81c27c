package org.kinora.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.kinora.model.Project;

/**
 * Reads and writes {@code .kinora} project files (JSON, documented in docs/project-format.md).
 *
 * <p>A project file is data: it is read as a JSON tree, field by field, into the model's records
 * (never bound by type hints), so a file can never make Kinora load a class, open a URL or run a
 * command. Saving is atomic: the new
 * content goes to a temporary file beside the target, the previous version is kept as
 * {@code NAME.kinora.bak}, and the temporary file is moved into place.
 */
public final class ProjectFile {

    public static final String EXTENSION = ".kinora";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProjectFile() {
    }

    /** Loads and validates a project, migrating older format versions. */
    public static Project load(Path file) throws ProjectFileException {
        ProjectReading reading = read(file);
        if (reading.project() == null) {
            throw new ProjectFileException(file, reading.problems(), null);
        }
        return reading.project();
    }

    /**
     * Reads a project and notes every problem in it; throws only when there is nothing to read
     * field by field (no such file, not JSON, a version this Kinora does not know).
     */
    static ProjectReading read(Path file) throws ProjectFileException {
        JsonText text = JsonText.parse(file, readBytes(file));
        int version = formatVersion(file, text.root());
        ObjectNode tree = Migrations.upgrade(text.root(), version);
        return new ProjectMapper(new PathCodec(file), text::where).read(tree);
    }

    /** Saves atomically, keeping the previous version as {@code FILE.bak}. */
    public static void save(Project project, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        Path dir = target.getParent();
        byte[] bytes = JSON.writeValueAsBytes(ProjectMapper.toJson(project, new PathCodec(target)));
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(temp, bytes);
            if (Files.exists(target)) {
                Files.copy(target, backupOf(target), StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static byte[] readBytes(Path file) throws ProjectFileException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ProjectFileException(file, "file not found", e);
        } catch (AccessDeniedException e) {
            throw new ProjectFileException(file, "permission denied", e);
        } catch (IOException e) {
            throw new ProjectFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    private static int formatVersion(Path file, ObjectNode root) throws ProjectFileException {
        JsonNode v = root.get("formatVersion");
        if (v == null) {
            throw new ProjectFileException(file, "formatVersion: is missing (is this a Kinora project?)", null);
        }
        if (!v.isInt()) {
            throw new ProjectFileException(file, "formatVersion: must be a whole number, was " + v, null);
        }
        int version = v.intValue();
        if (version > Project.CURRENT_FORMAT_VERSION) {
            throw new ProjectFileException(file, "formatVersion: " + version + " is newer than this Kinora reads ("
                    + Project.CURRENT_FORMAT_VERSION + "); update Kinora", null);
        }
        if (version < 1) {
            throw new ProjectFileException(file, "formatVersion: unknown version " + version, null);
        }
        return version;
    }
}
