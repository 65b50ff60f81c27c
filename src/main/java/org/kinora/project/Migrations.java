package org.kinora.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.kinora.model.Project;

/**
 * Upgrades older project files, one version at a time, on the JSON tree before it is mapped.
 * To change the format: bump {@link Project#CURRENT_FORMAT_VERSION}, add a step from the old
 * version here, add a fixture of the old format under src/test/resources/projects/, and document
 * it in docs/project-format.md.
 */
final class Migrations {

    /** Step from version key to key + 1. */
    private static final Map<Integer, UnaryOperator<ObjectNode>> STEPS = Map.of(1, Migrations::v1ToV2);

    private Migrations() {
    }

    static ObjectNode upgrade(ObjectNode root, int fromVersion) {
        ObjectNode node = root;
        for (int v = fromVersion; v < Project.CURRENT_FORMAT_VERSION; v++) {
            node = STEPS.get(v).apply(node);
            node.put("formatVersion", v + 1);
        }
        return node;
    }

    /**
     * Version 1 (the pre-release format) wrote the output size as one string
     * ({@code "size": "1920x1080"}) and slide durations in whole milliseconds ({@code "durationMs"}).
     */
    private static ObjectNode v1ToV2(ObjectNode root) {
        JsonNode output = root.get("output");
        if (output instanceof ObjectNode o && o.has("size")) {
            String[] wh = o.remove("size").asText().toLowerCase(java.util.Locale.ROOT).split("x");
            if (wh.length == 2) {
                o.put("width", parseIntOrKeep(wh[0]));
                o.put("height", parseIntOrKeep(wh[1]));
            }
        }
        JsonNode slides = root.get("slides");
        if (slides != null && slides.isArray()) {
            for (JsonNode s : slides) {
                if (s instanceof ObjectNode slide && slide.has("durationMs")) {
                    slide.put("duration", slide.remove("durationMs").asDouble() / 1000.0);
                }
            }
        }
        return root;
    }

    private static int parseIntOrKeep(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return -1; // reported as out of range by the mapper, with the field's name
        }
    }
}
