package org.kinora.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into one clear line on stderr and exit code 1. The stack trace is printed only
 * with {@code --verbose}; a user needs the file and the problem, not the call stack.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
        var err = cli.getErr();
        err.println("kinora: " + describe(ex));
        if (Verbosity.isVerbose(parsed)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return KinoraCli.FAILED;
    }

    static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            Throwable cause = ex.getCause();
            return cause != null ? describe(cause) : ex.getClass().getSimpleName();
        }
        return message;
    }
}
