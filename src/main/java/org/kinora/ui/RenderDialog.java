package org.kinora.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kinora.model.EncoderPreference;
import org.kinora.model.OutputSettings;
import org.kinora.model.Project;
import org.kinora.model.Quality;
import org.kinora.render.pipeline.OutputFiles;
import org.kinora.render.pipeline.OutputTarget;
import org.kinora.render.pipeline.RenderException;
import org.kordamp.ikonli.feather.Feather;

/**
 * Export settings, then a live progress view. The export runs in a JavaFX {@link Task}; its
 * succeeded, failed and cancelled handlers own the reaction, so the editor stays usable while it runs.
 */
final class RenderDialog {

    enum SizePreset {
        PROJECT("Project size", 0), P720("720p", 720), P1080("1080p", 1080), P2160("4K", 2160);

        final String label;
        final int shortSide;

        SizePreset(String label, int shortSide) {
            this.label = label;
            this.shortSide = shortSide;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    enum Shape {
        WIDE("16:9 landscape", 16, 9), TALL("9:16 portrait", 9, 16), SQUARE("1:1 square", 1, 1);

        final String label;
        final int w;
        final int h;

        Shape(String label, int w, int h) {
            this.label = label;
            this.w = w;
            this.h = h;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Output size for a preset and shape: the short side is the preset's, both even. */
    static int[] size(SizePreset preset, Shape shape, OutputSettings project) {
        if (preset == SizePreset.PROJECT) {
            return new int[] {project.width(), project.height()};
        }
        int s = preset.shortSide;
        if (shape.w == shape.h) {
            return new int[] {s, s};
        }
        int longSide = (int) Math.round(s * (double) Math.max(shape.w, shape.h) / Math.min(shape.w, shape.h) / 2) * 2;
        return shape.w > shape.h ? new int[] {longSide, s} : new int[] {s, longSide};
    }

    private final Stage dialog = new Stage();
    private final Exporter exporter;
    private final Project project;
    private final Path projectFile;
    /** Asked, on the FX thread, whether an existing file may be replaced; a test answers it itself. */
    private Predicate<Path> confirmReplace = this::askReplace;
    private final TextField output = new TextField();
    private final ComboBox<SizePreset> preset = new ComboBox<>();
    private final ComboBox<Shape> shape = new ComboBox<>();
    private final ComboBox<Integer> fps = new ComboBox<>();
    private final ComboBox<Quality> quality = new ComboBox<>();
    private final ComboBox<EncoderPreference> encoder = new ComboBox<>();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label percent = new Label("");
    private final Label details = new Label("");
    private final Label encoderLine = new Label("");
    private final Label status = new Label("");
    private final Button start = new Button("Render", Icons.of(Feather.FILM));
    private final Button cancel = new Button("Cancel");
    private final Button playVideo = new Button("Play video", Icons.of(Feather.PLAY));
    private final Button openFolder = new Button("Open folder", Icons.of(Feather.FOLDER));
    private final Button close = new Button("Close");
    private Task<Exporter.Exported> task;
    private final javafx.beans.property.BooleanProperty running = new javafx.beans.property.SimpleBooleanProperty();

    RenderDialog(Window owner, Exporter exporter, Project project, Path projectFile) {
        this.exporter = exporter;
        this.project = project;
        this.projectFile = projectFile;
        dialog.initOwner(owner);
        dialog.initModality(Modality.NONE); // the editor stays usable during a render
        dialog.setTitle("Render video");

        Path dir = projectFile != null ? projectFile.toAbsolutePath().getParent()
                : Path.of(System.getProperty("user.home"));
        String base = projectFile == null ? "slideshow"
                : projectFile.getFileName().toString().replaceFirst("\\.kinora$", "");
        output.setText(dir.resolve(base + ".mp4").toString());
        output.setId("render-output");
        output.setPrefColumnCount(32);
        Button browse = new Button(null, Icons.of(Feather.FOLDER));
        browse.setOnAction(e -> browse());

        OutputSettings o = project.output();
        preset.getItems().setAll(SizePreset.values());
        shape.getItems().setAll(Shape.values());
        int shortSide = Math.min(o.width(), o.height());
        preset.setValue(shortSide == 720 ? SizePreset.P720 : shortSide == 1080 ? SizePreset.P1080
                : shortSide == 2160 ? SizePreset.P2160 : SizePreset.PROJECT);
        preset.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SizePreset p) {
                return p == null ? "" : p == SizePreset.PROJECT ? "Project (" + o.width() + "x" + o.height() + ")" : p.label;
            }

            @Override
            public SizePreset fromString(String s) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        });
        shape.disableProperty().bind(preset.valueProperty().isEqualTo(SizePreset.PROJECT).or(running));
        shape.setValue(o.width() == o.height() ? Shape.SQUARE : o.width() > o.height() ? Shape.WIDE : Shape.TALL);
        fps.getItems().setAll(24, 25, 30, 50, 60);
        if (!fps.getItems().contains(o.fps())) {
            fps.getItems().add(o.fps());
        }
        fps.setValue(o.fps());
        quality.getItems().setAll(Quality.values());
        quality.setValue(o.quality());
        quality.setConverter(label(q -> switch (q) {
            case DRAFT -> "Draft (fast, larger files)";
            case STANDARD -> "Standard";
            case HIGH -> "High (slower)";
        }));
        encoder.setConverter(label(e -> switch (e) {
            case AUTO -> "Automatic (NVENC, else x264)";
            case H264_NVENC -> "NVIDIA NVENC";
            case LIBX264 -> "x264 (software)";
        }));
        encoder.getItems().setAll(EncoderPreference.values());
        encoder.setValue(o.encoder());

        GridPane form = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        form.setHgap(10);
        form.setVgap(8);
        HBox file = new HBox(6, output, browse);
        HBox.setHgrow(output, Priority.ALWAYS);
        form.addRow(0, new Label("Output file"), file);
        form.addRow(1, new Label("Size"), new HBox(6, preset, shape));
        form.addRow(2, new Label("Frame rate"), fps);
        form.addRow(3, new Label("Quality"), quality);
        form.addRow(4, new Label("Encoder"), encoder);

        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setId("render-progress");
        percent.setId("render-percent");
        percent.getStyleClass().add(Styles.TITLE_4);
        details.getStyleClass().add("text-muted");
        encoderLine.setWrapText(true);
        status.setWrapText(true);
        status.setId("render-status");
        VBox progress = new VBox(6, new HBox(10, percent, details), bar, encoderLine, status);

        start.setId("render-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setDefaultButton(true);
        start.setOnAction(e -> start());
        cancel.setId("render-cancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (task != null && task.isRunning()) {
                task.cancel();
            } else {
                dialog.close();
            }
        });
        playVideo.setVisible(false);
        openFolder.setVisible(false);
        close.setVisible(false);
        close.setOnAction(e -> dialog.close());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, playVideo, openFolder, spacer, close, cancel, start);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox root = new VBox(16, form, progress, buttons);
        root.setPadding(new Insets(18));
        root.setPrefWidth(600);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().addAll(owner.getScene().getStylesheets());
        }
        dialog.setScene(scene);
        dialog.setOnCloseRequest(e -> {
            if (task != null && task.isRunning()) {
                task.cancel(); // closing the window stops the render; the Task cleans up
            }
        });
    }

    void show() {
        dialog.show();
    }

    boolean isRendering() {
        return task != null && task.isRunning();
    }

    /** Stops a running render (the editor is closing); the Task's handlers report it. */
    void cancelRender() {
        if (isRendering()) {
            task.cancel();
        }
    }

    Stage stage() {
        return dialog;
    }

    Task<Exporter.Exported> task() {
        return task;
    }

    void setOutput(Path path) {
        output.setText(path.toString());
    }

    /** Replaces the Replace/Cancel question asked before writing over an existing file. */
    void confirmReplaceWith(Predicate<Path> ask) {
        confirmReplace = ask;
    }

    void setSize(SizePreset p, Shape s) {
        preset.setValue(p);
        shape.setValue(s);
    }

    private void browse() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Render to");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("MP4 video", "*.mp4"));
        Path current = Path.of(output.getText());
        if (current.getParent() != null && Files.isDirectory(current.getParent())) {
            chooser.setInitialDirectory(current.getParent().toFile());
        }
        chooser.setInitialFileName(current.getFileName() == null ? "slideshow.mp4"
                : videoName(current.getFileName().toString()));
        File chosen = chooser.showSaveDialog(dialog);
        if (chosen != null) {
            output.setText(chosen.getAbsolutePath());
        }
    }

    /** {@code name} with its extension, if any, replaced by .mp4, unless it already names a video. */
    static String videoName(String name) {
        if (OutputFiles.hasVideoExtension(Path.of(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name) + ".mp4";
    }

    /**
     * The file to render to, or empty after showing why not. The same rules and words as
     * {@code kinora render}: never one of the project's own files, never a folder or other
     * non-regular file, only a .mp4, .m4v or .mov name; a name with no extension at all gets .mp4
     * (as save dialogs add it; the Linux file chooser does not). An existing file is replaced only
     * once the user says so.
     */
    private Optional<Path> target() {
        String typed = output.getText().trim();
        Path requested;
        try {
            requested = Path.of(typed);
            if (typed.isEmpty()) {
                OutputTarget.check(requested, false); // says "no output file given"
            }
        } catch (InvalidPathException e) {
            return refuse("cannot write " + typed + ": " + e.getReason());
        } catch (RenderException e) {
            return refuse(e.getMessage());
        }
        Path last = requested.getFileName();
        if (last != null && !last.toString().contains(".") && !Files.isDirectory(requested)) {
            requested = requested.resolveSibling(last + ".mp4");
        }
        Path target = requested.toAbsolutePath().normalize();
        if (!target.toString().equals(typed)) {
            output.setText(target.toString()); // show what is written: the full path, .mp4 added
        }
        Optional<String> input = OutputFiles.inputProblem(target, projectFile, project); // first: Replace cannot help
        if (input.isPresent()) {
            return refuse(input.get());
        }
        try {
            OutputTarget.check(target, true); // before the name: "it is a folder" says more than "must end in .mp4"
        } catch (RenderException e) {
            return refuse(e.getMessage());
        }
        if (!OutputFiles.hasVideoExtension(target)) {
            return refuse("the output file " + OutputFiles.extensionProblem(target));
        }
        return Optional.of(target);
    }

    private Optional<Path> refuse(String message) {
        String typed = output.getText().trim();
        showError(typed.isEmpty() ? null : typed.substring(typed.lastIndexOf(java.io.File.separatorChar) + 1), message);
        return Optional.empty();
    }

    private boolean askReplace(Path target) {
        ButtonType replace = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "A file with that name already exists in "
                + target.getParent() + ". Replacing it overwrites its contents.", replace, ButtonType.CANCEL);
        alert.initOwner(dialog);
        alert.setHeaderText("\u201c" + target.getFileName() + "\u201d already exists. Do you want to replace it?");
        // Enter keeps the file: replacing must be chosen
        ((Button) alert.getDialogPane().lookupButton(replace)).setDefaultButton(false);
        ((Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == replace;
    }

    /** Starts the export with the chosen settings, once the output file is allowed. */
    void start() {
        Optional<Path> allowed = target();
        if (allowed.isEmpty()) {
            return;
        }
        Path target = allowed.get();
        boolean overwrite = false; // the pipeline refuses a file that appears meanwhile
        if (Files.exists(target)) {
            if (!confirmReplace.test(target)) {
                status.setText("Not rendered: " + target.getFileName() + " was kept.");
                return;
            }
            overwrite = true;
        }
        boolean replace = overwrite;
        int[] wh = size(preset.getValue(), shape.getValue(), project.output());
        Project toRender = project.withOutput(new OutputSettings(wh[0], wh[1], fps.getValue(),
                quality.getValue(), encoder.getValue()));
        AtomicReference<Exporter.Progress> latest = new AtomicReference<>();
        task = new Task<>() {
            @Override
            protected Exporter.Exported call() throws Exception {
                return exporter.export(toRender, target, replace, p -> {
                    updateProgress(p.framesDone(), p.framesTotal());
                    // coalesce: the FX thread reads only the newest report
                    if (latest.getAndSet(p) == null) {
                        Platform.runLater(() -> showProgress(latest.getAndSet(null)));
                    }
                });
            }
        };
        bar.progressProperty().bind(task.progressProperty());
        task.setOnSucceeded(e -> succeeded(task.getValue()));
        task.setOnFailed(e -> failed(target, task.getException()));
        task.setOnCancelled(e -> cancelled(target));
        setRunning(true);
        status.setText("Rendering " + target.getFileName() + " at " + wh[0] + "x" + wh[1] + " …");
        Task<Exporter.Exported> running = task;
        Thread t = new Thread(() -> {
            running.run();
            Platform.runLater(() -> ended(running, target));
        }, "kinora-render-dialog");
        // Not a daemon: if the editor quits during a render, the cancelled render still removes its
        // partial file before the JVM exits.
        t.setDaemon(false);
        t.start();
    }

    private void showProgress(Exporter.Progress p) {
        if (p == null || task == null || !task.isRunning()) {
            return;
        }
        percent.setText(String.format(Locale.ROOT, "%.0f %%", p.fraction() * 100));
        details.setText(String.format(Locale.ROOT, "frame %d of %d · %.1f fps · %s left",
                p.framesDone(), p.framesTotal(), p.fps(),
                Double.isNaN(p.secondsLeft()) ? "…" : PreviewPane.clockText(p.secondsLeft())));
        encoderLine.setText("Encoder: " + p.encoder() + (p.encoderNote() == null || p.encoderNote().isEmpty()
                ? "" : " (" + p.encoderNote() + ")"));
    }

    private static <E> javafx.util.StringConverter<E> label(java.util.function.Function<E, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("picked, not typed");
            }
        };
    }

    private void setRunning(boolean running) {
        this.running.set(running);
        start.setDisable(running);
        for (var n : new javafx.scene.Node[] {output, preset, fps, quality, encoder}) {
            n.setDisable(running);
        }
        cancel.setText(running ? "Cancel" : "Close");
    }

    private void succeeded(Exporter.Exported done) {
        Path video = done.file();
        setRunning(false);
        bar.progressProperty().unbind();
        bar.setProgress(1);
        percent.setText("100 %");
        status.setText("Done: " + video);
        encoderLine.setText("Encoder: " + done.encoder() + (done.skippedEncoders().isEmpty() ? ""
                : " (" + String.join("; ", done.skippedEncoders()) + ")"));
        start.setVisible(false);
        playVideo.setVisible(true);
        openFolder.setVisible(true);
        playVideo.setOnAction(e -> Desktop.open(video, this::openFailed));
        openFolder.setOnAction(e -> Desktop.open(video.getParent(), this::openFailed));
    }

    private void failed(Path target, Throwable error) {
        setRunning(false);
        bar.progressProperty().unbind();
        showError(String.valueOf(target.getFileName()), String.valueOf(error.getMessage()));
    }

    /** The dialog's error display: the status line and an error alert. */
    private void showError(String name, String message) {
        status.setText("Failed: " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        alert.initOwner(dialog);
        alert.setHeaderText("Cannot render" + (name == null ? "" : " " + name));
        alert.show();
    }

    private void cancelled(Path target) {
        bar.progressProperty().unbind();
        bar.setProgress(0);
        percent.setText("");
        details.setText("");
        status.setText("Cancelling…");
        cancel.setDisable(true);
    }

    /** The render thread has ended: after a cancel, the partial file is gone only now. */
    private void ended(Task<Exporter.Exported> finished, Path target) {
        if (finished.isCancelled()) {
            setRunning(false);
            cancel.setDisable(false);
            status.setText("Cancelled; " + target.getFileName() + " was not written.");
        }
    }

    private void openFailed(String message) {
        status.setText(message);
    }
}
