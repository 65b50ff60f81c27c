package org.kinora.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.image.ImageView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.TransitionType;
import org.kordamp.ikonli.feather.Feather;

/**
 * The horizontal strip of slide thumbnails: multi-select, drag to reorder, drop photos and
 * folders from the file manager where they should go. Shows each slide's duration and, between
 * slides, the transition into the next.
 */
final class Filmstrip extends StackPane {

    static final int THUMB = 160;
    private static final DataFormat SLIDE_INDICES = new DataFormat("application/x-kinora-slide-indices");

    private final ListView<Slide> list = new ListView<>();
    private final ObservableList<Slide> items = FXCollections.observableArrayList();
    private final Thumbnails thumbnails;
    private final Label hint = new Label("Drop photos or folders here");
    private BiConsumer<List<Path>, Integer> onFilesDropped = (f, i) -> { };
    private BiConsumer<List<Integer>, Integer> onSlidesMoved = (s, i) -> { };

    Filmstrip(Thumbnails thumbnails) {
        this.thumbnails = thumbnails;
        getStyleClass().add("filmstrip");
        list.setId("filmstrip");
        list.setItems(items);
        list.setOrientation(Orientation.HORIZONTAL);
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(l -> new SlideCell());
        list.setPrefHeight(THUMB * 9 / 16 + 78);
        list.setMinHeight(THUMB * 9 / 16 + 78);
        hint.getStyleClass().add("drop-hint");
        hint.setGraphic(Icons.of(Feather.DOWNLOAD, 28));
        hint.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(items));
        getChildren().addAll(list, hint);
        // Drops on the empty part of the strip append at the end.
        list.setOnDragOver(e -> acceptDrag(e));
        list.setOnDragDropped(e -> finishDrop(e, items.size()));
    }

    ListView<Slide> list() {
        return list;
    }

    void setOnFilesDropped(BiConsumer<List<Path>, Integer> handler) {
        onFilesDropped = handler;
    }

    void setOnSlidesMoved(BiConsumer<List<Integer>, Integer> handler) {
        onSlidesMoved = handler;
    }

    /** Shows the project's slides and selects the given indices. */
    void show(Project project, List<Integer> select) {
        if (!items.equals(project.slides())) {
            items.setAll(project.slides());
        }
        // One selection change, not one per slide: selecting 200 new slides one by one takes seconds.
        List<Integer> valid = select.stream().filter(i -> i >= 0 && i < items.size()).toList();
        var model = list.getSelectionModel();
        model.clearSelection();
        if (!valid.isEmpty()) {
            int first = valid.get(0);
            int last = valid.get(valid.size() - 1);
            if (last - first + 1 == valid.size()) {
                model.selectRange(first, last + 1);
            } else {
                model.selectIndices(first, valid.stream().skip(1).mapToInt(Integer::intValue).toArray());
            }
        }
        if (!select.isEmpty() && select.get(0) >= 0 && select.get(0) < items.size()) {
            list.getFocusModel().focus(select.get(0));
            list.scrollTo(Math.max(0, select.get(0) - 1));
        }
    }

    List<Integer> selectedIndices() {
        return new ArrayList<>(list.getSelectionModel().getSelectedIndices()).stream().sorted().toList();
    }

    private void acceptDrag(DragEvent e) {
        Dragboard db = e.getDragboard();
        if (db.hasContent(SLIDE_INDICES)) {
            e.acceptTransferModes(TransferMode.MOVE);
        } else if (db.hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void finishDrop(DragEvent e, int index) {
        Dragboard db = e.getDragboard();
        boolean done = false;
        if (db.hasContent(SLIDE_INDICES)) {
            dropSlides(parseIndices((String) db.getContent(SLIDE_INDICES)), index);
            done = true;
        } else if (db.hasFiles()) {
            dropFiles(db.getFiles().stream().map(f -> f.toPath()).toList(), index);
            done = true;
        }
        e.setDropCompleted(done);
        e.consume();
    }

    /** What a drop of files before slide {@code index} does (also the entry point for tests). */
    void dropFiles(List<Path> files, int index) {
        onFilesDropped.accept(files, index);
    }

    /** What dropping the dragged slides before slide {@code index} does. */
    void dropSlides(List<Integer> indices, int index) {
        onSlidesMoved.accept(indices, index);
    }

    private static List<Integer> parseIndices(String text) {
        List<Integer> out = new ArrayList<>();
        for (String s : text.split(",")) {
            if (!s.isBlank()) {
                out.add(Integer.parseInt(s.trim()));
            }
        }
        return out;
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, s == Math.rint(s) ? "%.0f s" : "%.1f s", s);
    }

    private final class SlideCell extends ListCell<Slide> {
        private final ImageView image = new ImageView();
        private final Label placeholder = new Label();
        private final StackPane frame = new StackPane(placeholder, image);
        private final Label number = new Label();
        private final Label duration = new Label();
        private final Label caption = new Label();
        private final Label transition = new Label();
        private final HBox root;
        private Path shownPhoto;

        SlideCell() {
            getStyleClass().add("slide-cell");
            frame.getStyleClass().add("thumb-frame");
            frame.setPrefSize(THUMB, THUMB * 9 / 16.0);
            frame.setMinSize(THUMB, THUMB * 9 / 16.0);
            frame.setMaxSize(THUMB, THUMB * 9 / 16.0);
            placeholder.setGraphic(Icons.of(Feather.IMAGE, 24));
            placeholder.getStyleClass().add("thumb-placeholder");
            image.setFitWidth(THUMB);
            image.setFitHeight(THUMB * 9 / 16.0);
            image.setPreserveRatio(true);
            number.getStyleClass().add("slide-number");
            duration.getStyleClass().add("slide-duration");
            duration.setGraphic(Icons.of(Feather.CLOCK, 11));
            caption.getStyleClass().add("slide-caption");
            caption.setMaxWidth(THUMB);
            HBox labels = new HBox(6, number, duration);
            labels.setAlignment(Pos.CENTER_LEFT);
            VBox card = new VBox(4, frame, labels, caption);
            transition.getStyleClass().add("transition-marker");
            transition.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            transition.setMinWidth(34);
            transition.setAlignment(Pos.CENTER);
            root = new HBox(4, card, transition);
            root.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(card, Priority.NEVER);

            setOnDragDetected(e -> {
                if (isEmpty()) {
                    return;
                }
                if (!list.getSelectionModel().isSelected(getIndex())) {
                    list.getSelectionModel().clearAndSelect(getIndex());
                }
                Dragboard db = startDragAndDrop(TransferMode.MOVE);
                ClipboardContent content = new ClipboardContent();
                content.put(SLIDE_INDICES, selectedIndices().stream().map(String::valueOf)
                        .collect(Collectors.joining(",")));
                db.setContent(content);
                db.setDragView(frame.snapshot(null, null));
                e.consume();
            });
            setOnDragOver(e -> {
                acceptDrag(e);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-before"), !isEmpty() && !dropsAfter(e));
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-after"), !isEmpty() && dropsAfter(e));
            });
            setOnDragExited(e -> {
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-before"), false);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop-after"), false);
            });
            setOnDragDropped(e -> finishDrop(e, isEmpty() ? items.size() : getIndex() + (dropsAfter(e) ? 1 : 0)));
        }

        private boolean dropsAfter(DragEvent e) {
            return e.getX() > getWidth() / 2;
        }

        @Override
        protected void updateItem(Slide slide, boolean empty) {
            super.updateItem(slide, empty);
            if (empty || slide == null) {
                setGraphic(null);
                shownPhoto = null;
                return;
            }
            int i = getIndex();
            number.setText(String.valueOf(i + 1));
            duration.setText(seconds(slide.durationSeconds()));
            caption.setText(slide.caption());
            caption.setVisible(!slide.caption().isEmpty());
            boolean last = i >= items.size() - 1;
            TransitionType t = slide.transition().type();
            transition.setVisible(!last);
            transition.setGraphic(Icons.of(t == TransitionType.CUT ? Feather.SCISSORS : Feather.SHUFFLE, 14));
            transition.setText(t == TransitionType.CUT ? "cut" : seconds(slide.transition().durationSeconds()));
            transition.setTooltip(new javafx.scene.control.Tooltip(t.id() + " into slide " + (i + 2)));
            setGraphic(root);
            setTooltip(new javafx.scene.control.Tooltip(slide.photo().toString()));
            if (!slide.photo().equals(shownPhoto)) {
                shownPhoto = slide.photo();
                Thumbnails.Loaded hit = thumbnails.cached(slide.photo(), THUMB);
                show(hit);
                if (hit == null) {
                    Path wanted = slide.photo();
                    thumbnails.request(wanted, THUMB, loaded -> {
                        if (wanted.equals(shownPhoto)) { // the cell may show another slide by now
                            show(loaded);
                        }
                    });
                }
            }
        }

        private void show(Thumbnails.Loaded loaded) {
            image.setImage(loaded == null ? null : loaded.image());
            boolean failed = loaded != null && loaded.image() == null;
            placeholder.setGraphic(Icons.of(failed ? Feather.ALERT_TRIANGLE : Feather.IMAGE, 24));
            placeholder.setTooltip(failed ? new javafx.scene.control.Tooltip(loaded.error()) : null);
            placeholder.setVisible(loaded == null || failed);
        }
    }
}
