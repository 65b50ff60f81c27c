package org.kinora.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kinora} command line: {@code new}, {@code check}, {@code render}, {@code encoders}, ... */
@Command(name = "kinora",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Turns photos and music into a smooth Ken Burns slideshow video.",
        subcommands = {
                NewCommand.class,
                CheckCommand.class,
                RenderCommand.class,
                EncodersCommand.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class
        })
public final class KinoraCli {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for bad input or failed work. */
    public static final int FAILED = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;
    /** Exit code for a cancelled render, as after Ctrl-C (128 + SIGINT). */
    public static final int CANCELLED = 130;

    private static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new picocli.CommandLine.TypeConversionException("'" + text + "' is not a number");
        }
    }

    public static int run(String... args) {
        return newCommandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args);
    }

    /** A command line writing to the given streams; tests use this to capture the output. */
    public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new KinoraCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.registerConverter(java.nio.file.Path.class, PathArguments.ofThisJvm());
        // The library's own words ("'abc' is not an int") name a Java type, not what to write.
        cli.registerConverter(Integer.class, KinoraCli::wholeNumber);
        cli.registerConverter(int.class, KinoraCli::wholeNumber);
        cli.registerConverter(Double.class, KinoraCli::number);
        cli.registerConverter(double.class, KinoraCli::number);
        cli.setExitCodeExceptionMapper(e -> FAILED);
        cli.setExecutionExceptionHandler(new OneLineErrors());
        cli.setParameterExceptionHandler((ex, argv) -> {
            ex.getCommandLine().getErr().println("kinora: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return USAGE;
        });
        return cli;
    }
}
