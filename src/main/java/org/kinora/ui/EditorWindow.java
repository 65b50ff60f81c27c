package org.kinora.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.prefs.BackingStoreException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.project.AutoMotion;
import org.kinora.project.PhotoFinder;
import org.kinora.project.ProjectBuilder;
import org.kinora.project.ProjectFile;

/**
 * The main window: menu and toolbar, the Ken Burns editor and the preview side by side, the
 * inspector and audio tracks on the right, the filmstrip below. Every edit goes through
 * {@link History}; disk work runs on the background executor.
 */
final class EditorWindow {

    private static final FileChooser.ExtensionFilter PROJECTS =
            new FileChooser.ExtensionFilter("Kinora projects", "*" + ProjectFile.EXTENSION);

    private final Stage stage;
    private final EditorServices services;
    private final History history = new History(Project.empty());
    private final Thumbnails thumbnails;
    private final Filmstrip filmstrip;
    private final Inspector inspector;
    private final KenBurnsEditor kenBurns;
    private final PreviewPane preview;
    private final Notifier notifier = new Notifier();
    private final EditorMenus menus = new EditorMenus(this);
    private final AudioTrackList audio;
    private final MusicTiming musicTiming;
    private final StackPane overlay;
    private Path file;
    private List<Integer> selection = List.of();
    private boolean refreshing;
    private Project lastAutosaved = history.current();
    private RenderDialog renderDialog;

    EditorWindow(Stage stage, EditorServices services) {
        this.stage = stage;
        this.services = services;
        javafx.application.Application.setUserAgentStylesheet(
                new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet());
        this.thumbnails = new Thumbnails(services.background(), services.fx(), 600);
        this.filmstrip = new Filmstrip(thumbnails);
        this.inspector = new Inspector(this::editSelected, message -> notifier.warn(message));
        // The large photo for the motion editor and the preview frames take seconds of CPU each
        // (a 12 MP photo decoded near full size); started with a drop they would starve the
        // filmstrip's thumbnails and the JavaFX thread on a 2-core machine. So they run on their own
        // threads, and start once the thumbnails the strip asked for are in (or after at most 1 s).
        Executor previewThreads = task -> thumbnails.whenIdle(() -> executeUnlessClosing(services.previewThreads(), task));
        this.kenBurns = new KenBurnsEditor(new Thumbnails(previewThreads, services.fx(), 8));
        this.musicTiming = new MusicTiming(services.background(), services.fx(), history::current, this::apply,
                notifier, this::showMusicActions);
        this.audio = new AudioTrackList(stage, this::apply, this::fitToMusic, this::snapToBeats);
        this.preview = new PreviewPane(previewThreads, services.fx(), services.preview(),
                message -> notifier.warn(message));

        filmstrip.setOnFilesDropped(this::addFiles);
        filmstrip.setOnSlidesMoved(this::moveSlides);
        filmstrip.list().getSelectionModel().getSelectedIndices().addListener(
                (javafx.collections.ListChangeListener<Integer>) c -> selectionChanged());
        kenBurns.setOnMotionEdited(m -> editSelected("Edit motion", null, s -> s.withMotion(m)));
        // per slide: with several selected, each one's own motion is reversed
        kenBurns.setOnSwap(() -> editSelected("Edit motion", null, s -> s.withMotion(s.motion().reversed())));
        kenBurns.setOnReset(this::resetMotion);
        history.addListener(this::refresh);

        BorderPane root = new BorderPane();
        root.setTop(new VBox(menus.menuBar(), menus.toolBar()));
        SplitPane stageArea = new SplitPane(kenBurns, preview);
        stageArea.setDividerPositions(0.5);
        ScrollPane inspectorScroll = new ScrollPane(inspector);
        inspectorScroll.setFitToWidth(true);
        TitledPane audioPane = new TitledPane("Audio tracks", audio);
        audioPane.setCollapsible(false);
        TitledPane slidePane = new TitledPane("Slide", inspectorScroll);
        slidePane.setCollapsible(false);
        slidePane.setMaxHeight(Double.MAX_VALUE);
        VBox side = new VBox(slidePane, audioPane);
        VBox.setVgrow(slidePane, Priority.ALWAYS);
        side.setMinWidth(300);
        side.setPrefWidth(330);
        side.getStyleClass().add("side-panel");
        SplitPane main = new SplitPane(stageArea, side);
        main.setDividerPositions(0.76);
        SplitPane.setResizableWithParent(side, false);
        root.setCenter(main);
        root.setBottom(filmstrip);

        notifier.setMouseTransparent(false);
        overlay = new StackPane(root, notifier);
        StackPane.setAlignment(notifier, Pos.BOTTOM_RIGHT);
        notifier.setMaxHeight(Region.USE_PREF_SIZE);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(overlay, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(EditorWindow.class.getResource("editor.css").toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        // Photos dropped anywhere else in the window go after the selection (or at the end).
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
        });
        scene.setOnDragDropped(e -> {
            if (e.getDragboard().hasFiles()) {
                addFiles(e.getDragboard().getFiles().stream().map(File::toPath).toList(), insertionPoint());
                e.setDropCompleted(true);
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            e.consume();
            close();
        });
        Timeline autosave = new Timeline(new KeyFrame(Duration.seconds(30), e -> autosave()));
        autosave.setCycleCount(Timeline.INDEFINITE);
        autosave.play();
        refresh();
    }

    // ---- state shown -------------------------------------------------------------------------

    Project project() {
        return history.current();
    }

    History history() {
        return history;
    }

    Notifier notifier() {
        return notifier;
    }

    Filmstrip filmstrip() {
        return filmstrip;
    }

    PreviewPane preview() {
        return preview;
    }

    Path file() {
        return file;
    }

    private void refresh() {
        Project p = history.current();
        List<Integer> sel = selection.stream().filter(i -> i < p.slides().size()).toList();
        if (sel.isEmpty() && !p.slides().isEmpty() && !selection.isEmpty()) {
            sel = List.of(p.slides().size() - 1);
        }
        refreshing = true;
        try {
            filmstrip.show(p, sel);
        } finally {
            refreshing = false;
        }
        selection = sel;
        audio.show(p.audioTracks());
        showSelection();
        preview.setProject(p);
        menus.showHistory(history);
        showMusicActions();
        updateTitle();
    }

    private void showMusicActions() {
        Project p = history.current();
        boolean canFit = musicTiming.canRun(MusicTiming.Action.FIT, p);
        boolean canSnap = musicTiming.canRun(MusicTiming.Action.SNAP, p);
        menus.showMusicActions(canFit, canSnap);
        audio.showMusicActions(canFit, canSnap, musicTiming.busy());
    }

    private void selectionChanged() {
        if (refreshing) {
            return;
        }
        selection = filmstrip.selectedIndices();
        history.seal();
        showSelection();
        if (!selection.isEmpty()) {
            preview.showSlide(selection.get(0));
        }
    }

    private void showSelection() {
        Project p = history.current();
        inspector.show(p, selection);
        kenBurns.show(selection.isEmpty() ? null : p.slides().get(selection.get(0)), p.output().aspect());
    }

    private void updateTitle() {
        String name = file == null ? "Untitled" : String.valueOf(file.getFileName());
        stage.setTitle((history.isDirty() ? "• " : "") + name + " — Kinora");
    }

    // ---- edits -------------------------------------------------------------------------------

    private boolean apply(String label, Object mergeKey, UnaryOperator<Project> edit) {
        try {
            history.apply(label, mergeKey, edit);
            return true;
        } catch (History.RejectedEdit e) {
            notifier.warn(e.getMessage());
            refresh(); // put the inspector back to what the project really holds
            return false;
        }
    }

    private void editSelected(String label, Object mergeKey, UnaryOperator<Slide> change) {
        List<Integer> indices = selection;
        if (indices.isEmpty()) {
            return;
        }
        boolean done = apply(label, mergeKey, p -> {
            List<Slide> slides = new ArrayList<>(p.slides());
            for (int i : indices) {
                slides.set(i, change.apply(slides.get(i)));
            }
            return p.withSlides(slides);
        });
        if (done && !label.equals("Caption")) {
            preview.playSlide(indices.get(0)); // show the edit at once
        }
    }

    private void resetMotion() {
        List<Integer> indices = selection;
        apply("Automatic motion", null, p -> {
            List<Slide> slides = new ArrayList<>(p.slides());
            for (int i : indices) {
                slides.set(i, slides.get(i).withMotion(AutoMotion.forSlide(i)));
            }
            return p.withSlides(slides);
        });
        if (!indices.isEmpty()) {
            preview.playSlide(indices.get(0));
        }
    }

    /** Photos are classified and inserted this many at a time, so a big drop shows its first slides at once. */
    private static final int DROP_CHUNK = 24;

    /**
     * Adds photos and the photos in folders before slide {@code index}, with automatic motion.
     * Reading the files runs in the background; a big drop is inserted in chunks (one undo step in
     * all); files that are not photos are named in a warning at the end.
     */
    void addFiles(List<Path> dropped, int index) {
        notifier.info("Adding " + describeDrop(dropped) + " …");
        Object dropStep = new Object(); // the chunks of this drop merge into one undo step
        services.background().execute(() -> {
            List<Path> files = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path p : dropped) {
                if (Files.isDirectory(p)) {
                    try {
                        files.addAll(PhotoFinder.filesIn(p)); // as kinora new: hidden files left out
                    } catch (IOException | java.io.UncheckedIOException e) {
                        problems.add(p.getFileName() + " (cannot read the folder: " + e.getMessage() + ")");
                    }
                } else if (Files.isRegularFile(p)) {
                    files.add(p);
                } else {
                    problems.add(p.getFileName() + " (no such file)");
                }
            }
            List<Path> skipped = new ArrayList<>();
            // Chunks wait here for the JavaFX thread, which takes all that are ready in one insert.
            java.util.concurrent.ConcurrentLinkedQueue<List<Path>> ready = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.concurrent.atomic.AtomicBoolean drainQueued = new java.util.concurrent.atomic.AtomicBoolean();
            int[] added = {0};
            Runnable drain = () -> {
                drainQueued.set(false);
                List<Path> photos = new ArrayList<>();
                for (List<Path> chunk; (chunk = ready.poll()) != null; ) {
                    photos.addAll(chunk);
                }
                if (!photos.isEmpty()) {
                    insertPhotos(photos, index + added[0], added[0], dropStep);
                    added[0] += photos.size();
                }
            };
            for (int from = 0; from < files.size(); from += DROP_CHUNK) {
                PhotoFinder.Result found;
                try {
                    found = PhotoFinder.find(files.subList(from, Math.min(files.size(), from + DROP_CHUNK)));
                } catch (IOException e) {
                    problems.add(e.getMessage());
                    continue;
                }
                found.skipped().forEach(s -> skipped.add(s.file()));
                if (!found.photos().isEmpty()) {
                    ready.add(found.photos());
                    if (drainQueued.compareAndSet(false, true)) {
                        services.fx().execute(drain);
                    }
                }
            }
            services.fx().execute(() -> reportSkipped(skipped, problems));
        });
    }

    private void reportSkipped(List<Path> skipped, List<String> problems) {
        if (!skipped.isEmpty()) {
            notifier.warn("Skipped " + skipped.size() + (skipped.size() == 1 ? " file" : " files")
                    + " that " + (skipped.size() == 1 ? "is" : "are") + " not a photo: "
                    + skipped.stream().map(p -> String.valueOf(p.getFileName())).limit(8)
                    .collect(Collectors.joining(", "))
                    + (skipped.size() > 8 ? " …" : ""));
        }
        if (!problems.isEmpty()) {
            notifier.warn("Could not add " + String.join("; ", problems));
        }
    }

    /** Inserts one chunk of a drop; {@code before} photos of the same drop are already in. */
    private void insertPhotos(List<Path> photos, int index, int before, Object dropStep) {
        Project current = history.current();
        int at = Math.max(0, Math.min(index, current.slides().size()));
        ProjectBuilder builder = new ProjectBuilder().output(current.output());
        List<Slide> added = new ArrayList<>();
        for (int i = 0; i < photos.size(); i++) {
            added.add(builder.slide(photos.get(i), at + i));
        }
        int first = at - before;
        selection = IntStream.range(Math.max(0, first), at + added.size()).boxed().toList();
        int total = before + added.size();
        apply("Add " + total + (total == 1 ? " photo" : " photos"), dropStep, p -> SlideEdits.insert(p, at, added));
    }

    void moveSlides(List<Integer> indices, int target) {
        if (indices.isEmpty()) {
            return;
        }
        int first = SlideEdits.movedTo(indices, target);
        List<Integer> after = IntStream.range(first, first + indices.size()).boxed().toList();
        List<Integer> old = selection;
        selection = after;
        if (!apply("Move " + plural(indices.size(), "slide"), null, p -> SlideEdits.move(p, indices, target))) {
            selection = old;
        }
    }

    void deleteSelected() {
        List<Integer> indices = selection;
        if (indices.isEmpty()) {
            return;
        }
        int first = indices.get(0);
        selection = List.of(Math.max(0, first - 1));
        apply("Delete " + plural(indices.size(), "slide"), null, p -> SlideEdits.remove(p, indices));
        if (history.current().slides().isEmpty()) {
            selection = List.of();
            refresh();
        }
    }

    /** Plays the first selected slide again. */
    void replaySelected() {
        if (!selection.isEmpty()) {
            preview.playSlide(selection.get(0));
        }
    }

    /** Scales the photo durations so the slideshow ends with the music (one undo step). */
    void fitToMusic() {
        musicTiming.run(MusicTiming.Action.FIT);
    }

    /** Moves each cut onto the nearest beat within a quarter second (one undo step). */
    void snapToBeats() {
        musicTiming.run(MusicTiming.Action.SNAP);
    }

    RecentFiles recentFiles() {
        return services.recent();
    }

    void selectAll() {
        filmstrip.list().getSelectionModel().selectAll();
    }

    void undo() {
        history.undo();
    }

    void redo() {
        history.redo();
    }

    private int insertionPoint() {
        return selection.isEmpty() ? history.current().slides().size() : selection.get(selection.size() - 1) + 1;
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String describeDrop(List<Path> dropped) {
        return dropped.size() == 1 ? String.valueOf(dropped.get(0).getFileName()) : dropped.size() + " items";
    }

    // ---- files -------------------------------------------------------------------------------

    void newProject() {
        confirmDiscard(() -> {
            file = null;
            selection = List.of();
            history.reset(Project.empty());
        });
    }

    void chooseAndOpen() {
        confirmDiscard(() -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open project");
            chooser.getExtensionFilters().add(PROJECTS);
            File chosen = chooser.showOpenDialog(stage);
            if (chosen != null) {
                open(chosen.toPath());
            }
        });
    }

    /** Loads a project in the background and shows it. */
    void open(Path path) {
        services.background().execute(() -> {
            try {
                Project loaded = ProjectFile.load(path);
                services.fx().execute(() -> opened(path, loaded));
            } catch (IOException e) {
                services.fx().execute(() -> error("Cannot open " + path.getFileName(), e.getMessage()));
            }
        });
    }

    private void opened(Path path, Project loaded) {
        file = path.toAbsolutePath().normalize();
        selection = loaded.slides().isEmpty() ? List.of() : List.of(0);
        history.reset(loaded);
        remember(file);
    }

    /** Shows recovered unsaved work: dirty, so the user saves it where they like. */
    void restore(Autosave.Recovered recovered) {
        file = recovered.original();
        selection = recovered.project().slides().isEmpty() ? List.of() : List.of(0);
        history.reset(recovered.project());
        history.markSaved(Project.empty()); // unsaved: the title shows it and closing asks
        notifier.info("Restored unsaved work from " + recovered.savedAtText());
    }

    void save(Runnable then) {
        if (file == null) {
            saveAs(then);
            return;
        }
        saveTo(file, then);
    }

    void saveAs(Runnable then) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save project");
        chooser.getExtensionFilters().add(PROJECTS);
        chooser.setInitialFileName(file == null ? "slideshow" + ProjectFile.EXTENSION : String.valueOf(file.getFileName()));
        File chosen = chooser.showSaveDialog(stage);
        if (chosen != null) {
            Path target = chosen.toPath();
            if (!target.getFileName().toString().endsWith(ProjectFile.EXTENSION)) {
                target = target.resolveSibling(target.getFileName() + ProjectFile.EXTENSION);
            }
            saveTo(target, then);
        }
    }

    /** Saves in the background; {@code then} runs on the JavaFX thread once it is on disk. */
    void saveTo(Path target, Runnable then) {
        Project snapshot = history.current();
        services.background().execute(() -> {
            try {
                ProjectFile.save(snapshot, target);
                services.fx().execute(() -> {
                    file = target.toAbsolutePath().normalize();
                    history.markSaved(snapshot);
                    remember(file);
                    notifier.info("Saved " + target.getFileName());
                    then.run();
                });
            } catch (IOException e) {
                services.fx().execute(() -> error("Cannot save " + target.getFileName(), e.getMessage()));
            }
        });
    }

    private void remember(Path path) {
        services.background().execute(() -> {
            try {
                services.recent().add(path);
            } catch (BackingStoreException e) {
                services.fx().execute(() -> notifier.warn("Cannot remember recent files: " + e.getMessage()));
            }
        });
    }

    private void autosave() {
        Project snapshot = history.current();
        if (!history.isDirty() || snapshot.equals(lastAutosaved)) {
            return;
        }
        lastAutosaved = snapshot;
        Path original = file;
        services.background().execute(() -> {
            try {
                services.autosave().save(snapshot, original);
            } catch (IOException e) {
                services.fx().execute(() -> notifier.warn("Autosave failed: " + e.getMessage()));
            }
        });
    }

    /** Asks to save unsaved changes, then runs {@code action} unless the user cancels. */
    void confirmDiscard(Runnable action) {
        if (!history.isDirty()) {
            action.run();
            return;
        }
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't Save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                "Your changes will be lost if you don't save them.", save, discard, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setHeaderText("Save changes to " + (file == null ? "this slideshow" : file.getFileName()) + "?");
        alert.showAndWait().ifPresent(b -> {
            if (b == save) {
                save(action);
            } else if (b == discard) {
                action.run();
            }
        });
    }

    void close() {
        if (renderDialog != null && renderDialog.isRendering()) {
            Alert alert = new Alert(Alert.AlertType.CONFIRMATION,
                    "Quitting stops the render; the video will not be written.", ButtonType.OK, ButtonType.CANCEL);
            alert.initOwner(stage);
            alert.setHeaderText("A video is still rendering");
            if (alert.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
            renderDialog.cancelRender();
        }
        confirmDiscard(() -> {
            preview.dispose();
            services.background().execute(() -> {
                try {
                    services.autosave().clear(); // a clean exit leaves nothing to recover
                } catch (IOException e) {
                    System.err.println("kinora: cannot remove the autosave: " + e.getMessage());
                }
            });
            stage.close();
        });
    }

    private void error(String header, String detail) {
        Alert alert = new Alert(Alert.AlertType.ERROR, detail, ButtonType.OK);
        alert.initOwner(stage);
        alert.setHeaderText(header);
        alert.show();
    }

    // ---- render ------------------------------------------------------------------------------

    void render() {
        if (services.render() == null) {
            error("Rendering is not in this build yet",
                    "The render pipeline (org.kinora.render.pipeline) has not been merged into this build.");
            return;
        }
        if (history.current().slides().isEmpty()) {
            notifier.warn("Add some photos before rendering.");
            return;
        }
        preview.pause();
        if (renderDialog != null && renderDialog.isRendering()) {
            renderDialog.stage().toFront(); // one render at a time
            return;
        }
        renderDialog = new RenderDialog(stage, services.render(), history.current(), file);
        renderDialog.show();
    }

    // ---- menus, toolbar, keys ----------------------------------------------------------------

    void choosePhotos() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add photos");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Photos",
                "*.jpg", "*.jpeg", "*.png", "*.tif", "*.tiff", "*.webp", "*.bmp", "*.JPG", "*.JPEG"));
        List<File> chosen = chooser.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            addFiles(chosen.stream().map(File::toPath).toList(), insertionPoint());
        }
    }

    /**
     * Space plays, Delete removes the selected slides, unless the user is typing in a field; in
     * the audio track list Delete removes the selected track, and on a button Space presses it.
     */
    private void keys(KeyEvent e) {
        Node focus = stage.getScene().getFocusOwner();
        boolean typing = focus instanceof TextInputControl || focus instanceof ComboBoxBase<?>
                || focus instanceof Spinner<?> || (focus != null && focus.getParent() instanceof Spinner<?>);
        if (typing) {
            return;
        }
        boolean delete = e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE;
        if (delete && audio.isTrackList(focus)) {
            audio.removeSelected(); // the keys act on the list that has the focus, not on the slides
            e.consume();
        } else if (e.getCode() == KeyCode.SPACE && !(focus instanceof ButtonBase)) {
            preview.togglePlay(); // on a focused button Space presses the button
            e.consume();
        } else if (delete) {
            deleteSelected();
            e.consume();
        }
    }


    /**
     * A task held by {@link Thumbnails#whenIdle} may be released after the window closed and its
     * threads shut down; it belongs to a window that no longer exists, so it is dropped.
     */
    private static void executeUnlessClosing(Executor threads, Runnable task) {
        try {
            threads.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            // The editor's pools are unbounded: only a pool that was shut down rejects work.
        }
    }
}
