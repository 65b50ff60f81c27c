package org.kinora.project;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JSON syntax error in plain words. The parser's own messages name its feature flags and source
 * descriptions ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`"), which mean nothing to
 * someone who edited a project file by hand; the line and column are added by the caller.
 */
final class JsonSyntaxWords {

    private static final Pattern UNEXPECTED = Pattern.compile("^Unexpected character \\('(.)' \\(code (\\d+)\\)\\)(.*)", Pattern.DOTALL);
    private static final Pattern CLOSE_MARKER = Pattern.compile("^Unexpected close marker '(.)': expected '(.)'");
    private static final Pattern TOKEN = Pattern.compile("^Unrecognized token '(.*?)'");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'");
    private static final Pattern ESCAPE = Pattern.compile("^Unrecognized character escape '(.)'");

    private JsonSyntaxWords() {
    }

    static String describe(JsonProcessingException e, JsonParser parser) {
        String message = String.valueOf(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            return message.contains("nesting depth") ? "nested too deeply" : "a value is too long";
        }
        if (e instanceof JsonEOFException || message.startsWith("Unexpected end-of-input")) {
            return "the file ends in the middle of " + (message.contains("VALUE_STRING") ? "a text" : openedHere(parser));
        }
        Matcher m;
        if ((m = UNEXPECTED.matcher(message)).find()) {
            return unexpected(m.group(1).charAt(0), m.group(3));
        }
        if ((m = CLOSE_MARKER.matcher(message)).find()) {
            return "expected '" + m.group(2) + "', found '" + m.group(1) + "'";
        }
        if ((m = DUPLICATE.matcher(message)).find()) {
            return "field '" + m.group(1) + "' appears twice";
        }
        if ((m = TOKEN.matcher(message)).find()) {
            return "'" + m.group(1) + "' is not a value (text goes in double quotes; true, false and null in lower case)";
        }
        if ((m = ESCAPE.matcher(message)).find()) {
            return "'\\" + m.group(1) + "' is not an escape that text may hold";
        }
        if (message.startsWith("Illegal unquoted character")) {
            return "a line break or other control character inside text must be written as an escape such as \\n";
        }
        if (message.startsWith("Invalid numeric value") || message.contains("in numeric value")) {
            return "not a valid number";
        }
        if (message.startsWith("Invalid UTF-8") || message.startsWith("Invalid UTF-32")) {
            return "the file is not UTF-8 text";
        }
        return "not valid JSON";
    }

    private static String unexpected(char c, String expectation) {
        String found = c < ' ' ? "a control character (code " + (int) c + ")" : "'" + c + "'";
        if (c == '/' || c == '#') {
            return "comments are not allowed in a project file";
        }
        if (c == '\'') {
            return "text and field names go in double quotes, not single quotes";
        }
        if (expectation.contains("in numeric value")) {
            return "not a valid number";
        }
        if (expectation.contains("start field name")) {
            return "expected a field name in double quotes, found " + found;
        }
        if (expectation.contains("colon to separate")) {
            return "expected ':' after the field name, found " + found;
        }
        if (expectation.contains("separate Object entries")) {
            return "expected ',' or '}', found " + found;
        }
        if (expectation.contains("separate Array entries")) {
            return "expected ',' or ']', found " + found;
        }
        if (expectation.contains("expected a value") || expectation.contains("expected a valid value")) {
            return "expected a value, found " + found;
        }
        return "unexpected " + found;
    }

    /** "an object (opened at line 1, column 32)": the innermost object or list left open. */
    private static String openedHere(JsonParser parser) {
        JsonStreamContext open = parser == null ? null : parser.getParsingContext();
        if (open == null || open.inRoot()) {
            return "a value";
        }
        var at = open.startLocation(ContentReference.unknown());
        return (open.inArray() ? "a list" : "an object")
                + " (opened at line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
