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
import java.security.SecureRandom;
import org.kinora.model.Project;
import org.kinora.render.pipeline.WriteProblems;

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

    /** Far beyond any real project (10,000 slides take about 3 MB): what is larger is some other file. */
    static final long MAX_BYTES = 64L << 20;

    private static final SecureRandom RANDOM = new SecureRandom();
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

    /**
     * Saves atomically, keeping the previous version as {@code FILE.bak}. The file gets the
     * default permissions (the umask's), like any file the user makes, so a shared project stays
     * readable by others.
     *
     * @throws IOException "cannot write /path/show.kinora: permission denied": always naming the
     *                     target, never the temporary file, which is removed
     */
    public static void save(Project project, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        byte[] bytes = JSON.writeValueAsBytes(ProjectMapper.toJson(project, new PathCodec(target)));
        refuseUnwritable(target);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
        try {
            // Not Files.createTempFile: its owner-only permissions would carry over to the project.
            Files.createFile(temp);
            Files.write(temp, bytes);
            keepBackup(target);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw cannotWrite(target, WriteProblems.reason(e, temp, target), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** What is known to fail before anything is written. */
    private static void refuseUnwritable(Path target) throws IOException {
        Path folder = target.getParent();
        if (folder == null || Files.isDirectory(target)) {
            throw cannotWrite(target, "is a folder", null);
        }
        if (!Files.exists(folder)) {
            throw cannotWrite(target, "folder " + folder + " does not exist", null);
        }
        if (!Files.isDirectory(folder)) {
            throw cannotWrite(target, folder + " is not a folder", null);
        }
    }

    private static void keepBackup(Path target) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        Path backup = backupOf(target);
        try {
            Files.copy(target, backup, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("cannot keep the previous version as " + backup + ": "
                    + WriteProblems.reason(e, backup, backup), e);
        }
    }

    private static IOException cannotWrite(Path target, String reason, Throwable cause) {
        return new IOException("cannot write " + target + ": " + reason, cause);
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the save's own outcome matters more; a stray hidden temporary file is harmless
        }
    }

    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    private static byte[] readBytes(Path file) throws ProjectFileException {
        // Only a regular file: reading a FIFO would wait forever for a writer, a device might never end.
        if (Files.isDirectory(file)) {
            throw new ProjectFileException(file, "is a folder, not a project file", null);
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new ProjectFileException(file, "not a regular file", null);
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new ProjectFileException(file, "too large for a project file ("
                        + Files.size(file) / (1 << 20) + " MB; a project is text, a few MB at most)", null);
            }
            return Files.readAllBytes(file);
        } catch (ProjectFileException e) {
            throw e;
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
