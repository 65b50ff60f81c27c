package org.kinora.cli;

import java.nio.charset.Charset;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * File names from the command line. Java encodes file names in the charset the locale gave it at
 * startup ({@code sun.jnu.encoding}); under LC_ALL=C that is ASCII, a name like "é.kinora" cannot
 * be used, and Java only says "Malformed input". This says why and what to do instead.
 */
final class PathArguments implements ITypeConverter<Path> {

    private final String fileNameEncoding;

    /** @param fileNameEncoding the charset file names are encoded in (this JVM's sun.jnu.encoding) */
    PathArguments(String fileNameEncoding) {
        this.fileNameEncoding = fileNameEncoding;
    }

    static PathArguments ofThisJvm() {
        return new PathArguments(System.getProperty("sun.jnu.encoding", Charset.defaultCharset().name()));
    }

    @Override
    public Path convert(String value) {
        if (!fitsEncoding(value)) {
            throw new TypeConversionException("'" + value + "' cannot be a file name here: this Java reads file names as "
                    + fileNameEncoding + " (from the locale), which has no room for characters beyond plain ASCII; "
                    + "run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("'" + value + "' is not a valid file name (" + e.getReason() + ")");
        }
    }

    /** Whether the text survives this JVM's file-name encoding; if not, passing it on to another process mangles it. */
    boolean fitsEncoding(String value) {
        try {
            return Charset.forName(fileNameEncoding).newEncoder().canEncode(value);
        } catch (IllegalArgumentException unknownCharset) {
            return true; // let Path.of decide
        }
    }
}
