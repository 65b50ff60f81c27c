package org.kinora.ui;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kinora.model.AudioTrack;
import org.kinora.model.Project;
import org.kordamp.ikonli.feather.Feather;

/**
 * The project's music: the list of tracks, Add music and Remove, each an undoable edit, and the
 * buttons that time the slides to the music (the actions live in {@link MusicTiming}).
 */
final class AudioTrackList extends VBox {

    /** Applies a named edit to the project; false when the model refused it. */
    interface Edits {
        boolean apply(String label, Object mergeKey, UnaryOperator<Project> edit);
    }

    private final ListView<AudioTrack> list = new ListView<>();
    private final Window owner;
    private final Edits edits;
    private final Button fit = new Button("Fit to music", Icons.of(Feather.CLOCK));
    private final Button snap = new Button("Snap to beats", Icons.of(Feather.ACTIVITY));
    private final Label analysing = new Label("Analysing music…");

    AudioTrackList(Window owner, Edits edits, Runnable fitToMusic, Runnable snapToBeats) {
        this.owner = owner;
        this.edits = edits;
        list.setId("audio-tracks");
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No music. Add a track for the soundtrack."));
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AudioTrack t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setText(null);
                    setGraphic(null);
                } else {
                    setGraphic(Icons.of(Feather.MUSIC));
                    setText(t.file().getFileName() + "  · from " + Filmstrip.seconds(t.startSeconds())
                            + (t.loop() ? " · loops" : "") + (t.volume() != 1 ? " · vol " + t.volume() : ""));
                }
            }
        });
        Button add = new Button("Add music…", Icons.of(Feather.PLUS));
        add.getStyleClass().add(Styles.SMALL);
        add.setOnAction(e -> chooseMusic());
        Button remove = new Button("Remove", Icons.of(Feather.MINUS));
        remove.getStyleClass().add(Styles.SMALL);
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> removeSelected());
        fit.setId("fit-to-music");
        fit.getStyleClass().add(Styles.SMALL);
        fit.setTooltip(new Tooltip("Scale the photo durations so the slideshow ends with the music"));
        fit.setOnAction(e -> fitToMusic.run());
        snap.setId("snap-to-beats");
        snap.getStyleClass().add(Styles.SMALL);
        snap.setTooltip(new Tooltip("Move each cut onto the nearest beat (at most 0.25 s away)"));
        snap.setOnAction(e -> snapToBeats.run());
        // The busy state shows here rather than as a notification: notifications pile up in the
        // corner right over these buttons.
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(14, 14);
        analysing.setId("analysing-music");
        analysing.setGraphic(spinner);
        analysing.setVisible(false);
        analysing.managedProperty().bind(analysing.visibleProperty());
        setSpacing(6);
        setPadding(new Insets(6));
        getChildren().addAll(list, new HBox(6, add, remove), new HBox(6, fit, snap), analysing);
    }

    /** Enables the timing buttons when the project and the editor allow them; shows when the music is being analysed. */
    void showMusicActions(boolean canFit, boolean canSnap, boolean busy) {
        fit.setDisable(!canFit);
        snap.setDisable(!canSnap);
        analysing.setVisible(busy);
    }

    /** Whether {@code node} is the track list (or inside it), where Delete removes a track. */
    boolean isTrackList(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == list) {
                return true;
            }
        }
        return false;
    }

    /** Removes the selected track, if any, as an undoable edit. */
    void removeSelected() {
        int i = list.getSelectionModel().getSelectedIndex();
        if (i >= 0) {
            edits.apply("Remove music", null, p -> {
                List<AudioTrack> tracks = new ArrayList<>(p.audioTracks());
                tracks.remove(i);
                return p.withAudioTracks(tracks);
            });
        }
    }

    void show(List<AudioTrack> tracks) {
        if (!list.getItems().equals(tracks)) {
            list.getItems().setAll(tracks);
        }
    }

    private void chooseMusic() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Add music");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Audio",
                "*.mp3", "*.m4a", "*.aac", "*.wav", "*.flac", "*.ogg", "*.opus"));
        File chosen = chooser.showOpenDialog(owner);
        if (chosen != null) {
            AudioTrack track = AudioTrack.of(chosen.toPath().toAbsolutePath());
            edits.apply("Add music", null, p -> {
                List<AudioTrack> tracks = new ArrayList<>(p.audioTracks());
                tracks.add(track);
                return p.withAudioTracks(tracks);
            });
        }
    }
}
