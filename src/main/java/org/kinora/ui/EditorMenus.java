package org.kinora.ui;

import atlantafx.base.theme.Styles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;

/** The editor's menu bar and toolbar, with their shortcuts; the actions live in {@link EditorWindow}. */
final class EditorMenus {

    private final EditorWindow w;
    private final MenuItem undoItem = new MenuItem("Undo");
    private final MenuItem redoItem = new MenuItem("Redo");
    private final Button undoButton = toolButton(Feather.CORNER_UP_LEFT, "Undo (Ctrl+Z)");
    private final Button redoButton = toolButton(Feather.CORNER_UP_RIGHT, "Redo (Ctrl+Y)");
    private final Menu recentMenu = new Menu("Open Recent");
    private final MenuItem fitItem = new MenuItem("Fit to Music", Icons.of(Feather.CLOCK));
    private final MenuItem snapItem = new MenuItem("Snap Cuts to Beats", Icons.of(Feather.ACTIVITY));

    EditorMenus(EditorWindow window) {
        this.w = window;
    }

    /** Names the step Undo and Redo would take, and disables them when there is none. */
    void showHistory(History history) {
        undoItem.setText(history.canUndo() ? "Undo " + history.undoLabel() : "Undo");
        redoItem.setText(history.canRedo() ? "Redo " + history.redoLabel() : "Redo");
        undoItem.setDisable(!history.canUndo());
        redoItem.setDisable(!history.canRedo());
        undoButton.setDisable(!history.canUndo());
        redoButton.setDisable(!history.canRedo());
    }

    /** Enables Fit to Music and Snap Cuts to Beats when the project and the editor allow them. */
    void showMusicActions(boolean canFit, boolean canSnap) {
        fitItem.setDisable(!canFit);
        snapItem.setDisable(!canSnap);
    }

    MenuBar menuBar() {
        MenuItem newItem = item("New", Feather.FILE, new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), w::newProject);
        MenuItem openItem = item("Open…", Feather.FOLDER, new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), w::chooseAndOpen);
        MenuItem saveItem = item("Save", Feather.SAVE, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> w.save(() -> { }));
        MenuItem saveAsItem = item("Save As…", null, new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> w.saveAs(() -> { }));
        MenuItem addItem = item("Add Photos…", Feather.PLUS, null, w::choosePhotos);
        MenuItem renderItem = item("Render…", Feather.FILM, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), w::render);
        MenuItem quit = item("Quit", null, new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), w::close);
        recentMenu.setOnShowing(e -> fillRecent());
        recentMenu.getItems().add(new MenuItem("(none)"));
        Menu fileMenu = new Menu("File", null, newItem, openItem, recentMenu, new SeparatorMenuItem(), saveItem,
                saveAsItem, new SeparatorMenuItem(), addItem, renderItem, new SeparatorMenuItem(), quit);

        undoItem.setGraphic(Icons.of(Feather.CORNER_UP_LEFT));
        undoItem.setAccelerator(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        undoItem.setOnAction(e -> w.undo());
        redoItem.setGraphic(Icons.of(Feather.CORNER_UP_RIGHT));
        redoItem.setAccelerator(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN));
        redoItem.setOnAction(e -> w.redo());
        MenuItem delete = item("Delete Slides  (Del)", Feather.TRASH_2, null, w::deleteSelected);
        MenuItem all = item("Select All Slides", null, null, w::selectAll);
        fitItem.setOnAction(e -> w.fitToMusic());
        snapItem.setOnAction(e -> w.snapToBeats());
        Menu editMenu = new Menu("Edit", null, undoItem, redoItem, new SeparatorMenuItem(), delete, all,
                new SeparatorMenuItem(), fitItem, snapItem);

        MenuItem playItem = item("Play / Pause  (Space)", Feather.PLAY, null, w.preview()::togglePlay);
        MenuItem replay = item("Replay Slide", Feather.REFRESH_CW, null, w::replaySelected);
        Menu playMenu = new Menu("Playback", null, playItem, replay);
        return new MenuBar(fileMenu, editMenu, playMenu);
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        List<Path> recent = w.recentFiles().list();
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
        for (Path p : recent) {
            MenuItem mi = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            mi.setDisable(!Files.exists(p));
            mi.setOnAction(e -> w.confirmDiscard(() -> w.open(p)));
            recentMenu.getItems().add(mi);
        }
    }

    ToolBar toolBar() {
        Button newB = toolButton(Feather.FILE, "New (Ctrl+N)");
        newB.setOnAction(e -> w.newProject());
        Button openB = toolButton(Feather.FOLDER, "Open (Ctrl+O)");
        openB.setOnAction(e -> w.chooseAndOpen());
        Button saveB = toolButton(Feather.SAVE, "Save (Ctrl+S)");
        saveB.setOnAction(e -> w.save(() -> { }));
        undoButton.setOnAction(e -> w.undo());
        redoButton.setOnAction(e -> w.redo());
        Button addB = toolButton(Feather.PLUS, "Add photos");
        addB.setOnAction(e -> w.choosePhotos());
        Button deleteB = toolButton(Feather.TRASH_2, "Delete selected slides (Delete)");
        deleteB.setOnAction(e -> w.deleteSelected());
        Button playB = toolButton(Feather.PLAY, "Play / pause (Space)");
        playB.setOnAction(e -> w.preview().togglePlay());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button renderB = new Button("Render", Icons.of(Feather.FILM));
        renderB.setId("render");
        renderB.getStyleClass().add(Styles.ACCENT);
        renderB.setDefaultButton(false);
        renderB.setOnAction(e -> w.render());
        Label brand = new Label("Kinora");
        brand.getStyleClass().add("brand");
        return new ToolBar(brand, new javafx.scene.control.Separator(Orientation.VERTICAL), newB, openB, saveB,
                new javafx.scene.control.Separator(Orientation.VERTICAL), undoButton, redoButton,
                new javafx.scene.control.Separator(Orientation.VERTICAL), addB, deleteB, playB, spacer, renderB);
    }

    private static MenuItem item(String text, Feather icon, KeyCombination key, Runnable action) {
        MenuItem mi = new MenuItem(text, icon == null ? null : Icons.of(icon));
        if (key != null) {
            mi.setAccelerator(key);
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private static Button toolButton(Feather icon, String tip) {
        Button b = new Button(null, Icons.of(icon, 18));
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
