package org.kinora.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/** The editor application. */
public class KinoraApp extends Application {

    private ExecutorService background;
    private ExecutorService previewThreads;
    private FramePreviewRenderer.Factory previewFactory;

    /** Called by the launcher; {@code --open FILE} opens a project. */
    public static void launchEditor(String[] args) {
        Application.launch(KinoraApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        background = ioThreads();
        previewThreads = previewThreads();
        Autosave autosave = Autosave.forUser();
        previewFactory = Integrations.previewFactory();
        EditorServices services = new EditorServices(background, previewThreads, Platform::runLater,
                previewFactory, Integrations.exporter(), RecentFiles.forUser(), autosave);
        EditorWindow window = new EditorWindow(stage, services);
        stage.show();

        Optional<Path> toOpen = openArgument(getParameters().getRaw());
        background.execute(() -> {
            Optional<Autosave.Recovered> recovered;
            try {
                recovered = autosave.pending();
            } catch (IOException e) {
                System.err.println("kinora: the autosave could not be read: " + e.getMessage());
                recovered = Optional.empty();
            }
            Optional<Autosave.Recovered> found = recovered;
            Platform.runLater(() -> {
                if (found.isPresent() && offerRestore(stage, found.get())) {
                    window.restore(found.get());
                } else {
                    toOpen.ifPresent(window::open);
                }
            });
        });
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdown();
            previewThreads.shutdownNow();
        }
        if (previewFactory != null) {
            previewFactory.close();
        }
    }

    /** Disk and decoding work: thumbnails, reading dropped files, projects (also used by benchmarks). */
    static ExecutorService ioThreads() {
        return Executors.newFixedThreadPool(2, daemon("kinora-io"));
    }

    /** Preview frames: one thread per core, but leave one for the JavaFX thread on small machines. */
    static ExecutorService previewThreads() {
        return Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors() - 1), daemon("kinora-preview"));
    }

    static Optional<Path> openArgument(List<String> args) {
        int i = args.indexOf("--open");
        return i >= 0 && i + 1 < args.size() ? Optional.of(Path.of(args.get(i + 1))) : Optional.empty();
    }

    private static boolean offerRestore(Stage owner, Autosave.Recovered r) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Kinora did not close cleanly last time. Unsaved work"
                        + (r.original() == null ? "" : " on " + r.original().getFileName())
                        + " from " + r.savedAtText() + " was kept (" + r.project().slides().size() + " slides).",
                restore, discard);
        alert.initOwner(owner);
        alert.setHeaderText("Restore unsaved work?");
        return alert.showAndWait().orElse(discard) == restore;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setPriority(Thread.NORM_PRIORITY - 1); // the JavaFX thread comes first
            return t;
        };
    }
}
