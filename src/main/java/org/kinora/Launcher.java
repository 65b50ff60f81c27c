package org.kinora;

import org.kinora.cli.KinoraCli;

/**
 * Entry point of the runnable jar. With no arguments it opens the editor, otherwise it runs the
 * command line. It does not extend {@code javafx.application.Application}: the JavaFX runtime
 * then loads from the class path of a plain jar, and the command line never loads JavaFX at all.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--open")) {
            org.kinora.ui.KinoraApp.launchEditor(args); // JavaFX classes load only on this path
            return;
        }
        // render/bench: memory settings that only a fresh JVM can take (see MemoryRelaunch)
        java.util.OptionalInt relaunched = org.kinora.cli.MemoryRelaunch.runIfNeeded(args);
        System.exit(relaunched.isPresent() ? relaunched.getAsInt() : KinoraCli.run(args));
    }
}
