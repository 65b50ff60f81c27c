package org.kinora.project;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import org.kinora.model.Project;

/**
 * Reads and writes {@code .kinora} project files (JSON, documented in docs/project-format.md).
 *
 * <p>A project file is data: only plain records are bound, with no polymorphic typing, so a file
 * can never make Kinora load a class, open a URL or run a command. Saving is atomic: the new
 * content goes to a temporary file beside the target, the previous version is kept as
 * {@code NAME.kinora.bak}, and the temporary file is moved into place.
 */
public final class ProjectFile {

    public static final String EXTENSION = ".kinora";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ProjectFile() {
    }

    /** Loads and validates a project, migrating older format versions. */
    public static Project load(Path file) throws ProjectFileException {
        byte[] bytes = readBytes(file);
        ObjectNode root = parseTree(file, bytes);
        int version = formatVersion(file, root);
        ProjectJson json;
        try {
            json = version == Project.CURRENT_FORMAT_VERSION
                    ? JSON.readValue(bytes, ProjectJson.class) // parsed again from text to report lines
                    : JSON.treeToValue(Migrations.upgrade(root, version), ProjectJson.class);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(file, describe(e), e);
        } catch (IOException e) {
            throw new ProjectFileException(file, "cannot read: " + e.getMessage(), e);
        }
        ProjectMapper mapper = new ProjectMapper(new PathCodec(file));
        Project project = mapper.toModel(json);
        if (project == null) {
            throw new ProjectFileException(file, mapper.problems(), null);
        }
        return project;
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

    private static ObjectNode parseTree(Path file, byte[] bytes) throws ProjectFileException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ProjectFileException(file, describe(e), e);
        } catch (IOException e) {
            throw new ProjectFileException(file, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new ProjectFileException(file, "file is empty, not a Kinora project", null);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new ProjectFileException(file, "not a Kinora project: expected a JSON object", null);
        }
        return object;
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

    /** "line 12, column 5: slides[2].duration: expected a number, found "four"". */
    static String describe(JsonProcessingException e) {
        StringBuilder s = new StringBuilder();
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            s.append("line ").append(at.getLineNr()).append(", column ").append(at.getColumnNr()).append(": ");
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            s.append(fieldPath(m)).append(": ");
        }
        s.append(problem(e));
        return s.toString();
    }

    private static String fieldPath(JsonMappingException m) {
        return m.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String problem(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown field '" + u.getPropertyName() + "'";
        }
        if (e instanceof InvalidFormatException f) {
            return "expected " + simpleType(f.getTargetType()) + ", found " + f.getValue();
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "expected " + simpleType(m.getTargetType());
        }
        String original = e.getOriginalMessage();
        int cut = original.indexOf('\n');
        return (cut > 0 ? original.substring(0, cut) : original).trim();
    }

    private static String simpleType(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
