package org.kinora.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kinora.model.Limits;

/**
 * One JSON object of a project file, read field by field. A field that is missing, of the wrong
 * type or outside its {@link Limits} is noted in {@link Problems} with its path, and reading goes
 * on, so one pass finds every problem; the value read is then null. Types are strict: "320" is
 * text, not a number. {@link #build} then makes the model object, only if nothing in this object
 * (or inside it) had a problem, and notes any rule that spans fields (an odd video size) at this
 * object's path.
 */
final class JsonFields {

    private final ObjectNode node;
    private final String path;
    private final Problems problems;
    private final int problemsBefore;
    private final Set<String> asked = new HashSet<>();

    JsonFields(ObjectNode node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
        this.problemsBefore = problems.count();
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A required whole number within {@code limits}. */
    Integer wholeNumber(String name, Limits limits) {
        JsonNode v = required(name);
        if (v == null || !isNumber(name, v, "a whole number")) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            return wrongType(name, v, "a whole number");
        }
        return withinLimits(name, v.doubleValue(), limits) ? v.intValue() : null;
    }

    /** A required number within {@code limits}. */
    Double number(String name, Limits limits) {
        JsonNode v = required(name);
        return v == null ? null : number(name, v, limits);
    }

    /** An optional number within {@code limits}; {@code absent} when the field is not there. */
    Double number(String name, Limits limits, double absent) {
        JsonNode v = optional(name);
        return v == null ? Double.valueOf(absent) : number(name, v, limits);
    }

    /** Required text, turned into a value by {@code parse}; its IllegalArgumentException is the problem. */
    <T> T text(String name, Function<String, T> parse) {
        JsonNode v = required(name);
        return v == null ? null : text(name, v, parse);
    }

    /** Optional text, turned into a value by {@code parse}; {@code absent} when the field is not there. */
    <T> T text(String name, Function<String, T> parse, T absent) {
        JsonNode v = optional(name);
        return v == null ? absent : text(name, v, parse);
    }

    Boolean bool(String name, boolean absent) {
        JsonNode v = optional(name);
        if (v == null) {
            return absent;
        }
        return v.isBoolean() ? Boolean.valueOf(v.booleanValue()) : wrongType(name, v, "true or false");
    }

    /** A required object, read by {@code read}. */
    <T> T object(String name, Function<JsonFields, T> read) {
        JsonNode v = required(name);
        return v == null ? null : object(name, v, read);
    }

    /** An optional object, read by {@code read}; {@code absent} when the field is not there. */
    <T> T object(String name, Function<JsonFields, T> read, T absent) {
        JsonNode v = optional(name);
        return v == null ? absent : object(name, v, read);
    }

    /** An optional list of objects, each read by {@code read}; empty when the field is not there. */
    <T> List<T> list(String name, Function<JsonFields, T> read) {
        JsonNode v = optional(name);
        List<T> items = new ArrayList<>();
        if (v == null) {
            return items;
        }
        if (!v.isArray()) {
            wrongType(name, v, "a list");
            return items;
        }
        for (int i = 0; i < v.size(); i++) {
            String itemPath = path(name) + "[" + i + "]";
            JsonNode item = v.get(i);
            if (item.isNull()) {
                problems.add(itemPath, "is empty");
                items.add(null);
            } else if (!item.isObject()) {
                problems.addInText(itemPath, itemPath, "expected an object, found " + shown(item));
                items.add(null);
            } else {
                items.add(read.apply(new JsonFields((ObjectNode) item, itemPath, problems)));
            }
        }
        return items;
    }

    /**
     * Notes the fields nobody asked for as unknown, then makes the model object if this object
     * had no problem; the model's own checks across fields become a problem at this path.
     */
    <T> T build(Supplier<T> make) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!asked.contains(name)) {
                problems.addInText(path, path(name), "unknown field '" + name + "'");
            }
        }
        if (problems.count() > problemsBefore) {
            return null;
        }
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            problems.add(path, e.getMessage());
            return null;
        }
    }

    /** The value, or null (noted as missing) when the field is absent or null. */
    private JsonNode required(String name) {
        JsonNode v = optional(name);
        if (v == null) {
            problems.add(path(name), "is missing");
        }
        return v;
    }

    /** The value, or null when the field is absent or null. */
    private JsonNode optional(String name) {
        asked.add(name);
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v;
    }

    private Double number(String name, JsonNode v, Limits limits) {
        if (!isNumber(name, v, "a number")) {
            return null;
        }
        return withinLimits(name, v.doubleValue(), limits) ? v.doubleValue() : null;
    }

    /** A finite JSON number; anything else is noted. */
    private boolean isNumber(String name, JsonNode v, String expected) {
        if (!v.isNumber()) {
            wrongType(name, v, expected);
            return false;
        }
        if (!Double.isFinite(v.doubleValue())) {
            problems.addInText(path(name), path(name), v.doubleValue() + " is not a number a project may hold");
            return false;
        }
        return true;
    }

    private boolean withinLimits(String name, double value, Limits limits) {
        String problem = limits.problem(value);
        if (problem != null) {
            problems.add(path(name), problem);
        }
        return problem == null;
    }

    private <T> T text(String name, JsonNode v, Function<String, T> parse) {
        if (!v.isTextual()) {
            return wrongType(name, v, "text");
        }
        try {
            return parse.apply(v.textValue());
        } catch (IllegalArgumentException e) {
            problems.add(path(name), e.getMessage());
            return null;
        }
    }

    private <T> T object(String name, JsonNode v, Function<JsonFields, T> read) {
        if (!v.isObject()) {
            return wrongType(name, v, "an object");
        }
        return read.apply(new JsonFields((ObjectNode) v, path(name), problems));
    }

    private <T> T wrongType(String name, JsonNode v, String expected) {
        problems.addInText(path(name), path(name), "expected " + expected + ", found " + shown(v));
        return null;
    }

    /** The value as written, shortened: {@code "320"}, {@code [1, 2]}, {@code {...}}. */
    private static String shown(JsonNode v) {
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        String text = v.toString();
        return text.length() > 40 ? text.substring(0, 37) + "..." : text;
    }
}
