package org.kinora.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens a file or folder with the desktop's default application, without blocking the caller. */
final class Desktop {

    private Desktop() {
    }

    static void open(Path path, Consumer<String> onError) {
        Thread t = new Thread(() -> {
            try {
                if (java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
                    java.awt.Desktop.getDesktop().open(path.toFile());
                } else {
                    String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
                    String cmd = os.contains("mac") ? "open" : os.contains("win") ? "explorer" : "xdg-open";
                    new ProcessBuilder(cmd, path.toString()).inheritIO().start();
                }
            } catch (IOException | RuntimeException e) {
                javafx.application.Platform.runLater(() -> onError.accept("Cannot open " + path + ": " + e.getMessage()));
            }
        }, "kinora-open");
        t.setDaemon(true);
        t.start();
    }
}
