package org.kinora.project;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A project file's text as a JSON tree, with the line and column of every value, so a problem
 * found later in the tree can still say where it is. Syntax errors are refused here, in plain
 * words ({@link JsonSyntaxWords}).
 */
final class JsonText {

    /** A project nests five levels deep (slides[0].motion.start.x); far deeper is not a project. */
    static final int MAX_NESTING = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // NaN and Infinity are parsed so that the field holding one can be named; they are then refused.
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build();
    private static final ObjectMapper TREE = JsonMapper.builder(FACTORY).build();

    private final ObjectNode root;
    private final Map<String, JsonLocation> locations;

    private JsonText(ObjectNode root, Map<String, JsonLocation> locations) {
        this.root = root;
        this.locations = locations;
    }

    static JsonText parse(Path file, byte[] bytes) throws ProjectFileException {
        Map<String, JsonLocation> locations = locate(file, bytes);
        try {
            return new JsonText((ObjectNode) TREE.readTree(bytes), locations);
        } catch (IOException e) { // the text was read once already: not expected
            throw new ProjectFileException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    ObjectNode root() {
        return root;
    }

    /** "line 3, column 14: " for the value at {@code path} (as in "slides[0].duration"), or "" if unknown. */
    String where(String path) {
        JsonLocation at = locations.get(path);
        return at == null ? "" : at(at);
    }

    /** Reads every token once: finds syntax errors and notes where each value starts. */
    private static Map<String, JsonLocation> locate(Path file, byte[] bytes) throws ProjectFileException {
        Map<String, JsonLocation> locations = new HashMap<>();
        JsonParser parser = null;
        try {
            parser = FACTORY.createParser(bytes);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ProjectFileException(file, "file is empty, not a Kinora project", null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new ProjectFileException(file, "not a Kinora project: expected a JSON object", null);
            }
            for (JsonToken t = first; t != null && parser.getParsingContext().getParent() != null; t = parser.nextToken()) {
                if (t.isStructStart()) {
                    locations.put(pathOf(parser.getParsingContext().getParent()), parser.currentTokenLocation());
                } else if (t.isScalarValue()) {
                    locations.put(pathOf(parser.getParsingContext()), parser.currentTokenLocation());
                }
            }
            if (parser.nextToken() != null) {
                throw new ProjectFileException(file, at(parser.currentTokenLocation())
                        + "more text after the project's closing '}'", null);
            }
            return locations;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation();
            throw new ProjectFileException(file, (at == null ? "" : at(at)) + JsonSyntaxWords.describe(e, parser), e);
        } catch (ProjectFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ProjectFileException(file, "cannot read: " + e.getMessage(), e);
        } finally {
            closeQuietly(parser);
        }
    }

    /** The field path of the value the context is at: "slides[0].motion.start.x". */
    static String pathOf(JsonStreamContext context) {
        if (context == null || context.inRoot()) {
            return "";
        }
        String parent = pathOf(context.getParent());
        if (context.inArray()) {
            return parent + "[" + context.getCurrentIndex() + "]";
        }
        return parent.isEmpty() ? context.getCurrentName() : parent + "." + context.getCurrentName();
    }

    private static String at(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr() + ": ";
    }

    private static void closeQuietly(JsonParser parser) {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException ignored) {
                // reading from a byte array: nothing to release
            }
        }
    }
}
