package org.kinora.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The {@code --verbose} option, mixed into every command. */
public final class Verbosity {

    @Option(names = {"-v", "--verbose"}, description = "Print details and stack traces of errors.")
    boolean verbose;

    public boolean verbose() {
        return verbose;
    }

    static boolean isVerbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
