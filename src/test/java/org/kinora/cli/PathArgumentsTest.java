package org.kinora.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class PathArgumentsTest {

    /** Under LC_ALL=C Java's file-name charset is ASCII: the error says so and names the fix. */
    @Test
    void aNameTheLocalesCharsetCannotHoldAsksForAUtf8Locale() {
        PathArguments ascii = new PathArguments("ANSI_X3.4-1968");
        assertThat(ascii.convert("uni dir/proj.kinora")).isEqualTo(Path.of("uni dir/proj.kinora"));
        assertThatThrownBy(() -> ascii.convert("uni dir \uFFFD/proj.kinora"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("file names as ANSI_X3.4-1968")
                .hasMessageEndingWith("run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
        assertThat(new PathArguments("UTF-8").convert("uni dir ü/proj é.kinora")).isEqualTo(Path.of("uni dir ü/proj é.kinora"));
    }

    @Test
    void anInvalidNameIsAOneLineUsageError() {
        StringWriter err = new StringWriter();
        int code = KinoraCli.newCommandLine(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true))
                .execute("check", "bad\0name.kinora");
        assertThat(code).isEqualTo(KinoraCli.USAGE);
        assertThat(err.toString().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
                .contains("FILE.kinora", "is not a valid file name (Nul character not allowed)")
                .doesNotContain("InvalidPathException"));
    }
}
