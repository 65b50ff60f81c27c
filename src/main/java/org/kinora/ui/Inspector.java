package org.kinora.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kinora.model.Easing;
import org.kinora.model.FitMode;
import org.kinora.model.Limits;
import org.kinora.model.Motion;
import org.kinora.model.Project;
import org.kinora.model.Slide;
import org.kinora.model.Transition;
import org.kinora.model.TransitionType;
import org.kinora.model.View;

/**
 * Properties of the selected slides. With several selected, the fields show the first one and an
 * edit applies to all of them (one undo step).
 */
final class Inspector extends VBox {

    /** Applies an edit to every selected slide as one undoable step. */
    interface SlideEditor {
        void edit(String label, Object mergeKey, UnaryOperator<Slide> change);
    }

    /** A transition may last as long as a slide; the model refuses one longer than its slide. */
    private static final Limits TRANSITION = new Limits(0, Slide.MAX_DURATION);
    /** A whole number, "2.5", ",5" or "2,5" (a comma taken as the decimal mark), "1e2"; nothing else. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d+)?");

    private final Label title = new Label("No slide selected");
    private final Label file = new Label();
    private final Spinner<Double> duration = seconds("Duration", Slide.DURATION, 5, 0.5, m -> warn(m));
    private final ComboBox<Easing> easing = new ComboBox<>();
    private final ComboBox<FitMode> fit = new ComboBox<>();
    private final ComboBox<TransitionType> transition = new ComboBox<>();
    private final Spinner<Double> transitionDuration =
            seconds("Transition", TRANSITION, 1, 0.25, m -> warn(m));
    private final TextField caption = new TextField();
    private final Label startView = new Label();
    private final Label endView = new Label();
    private final GridPane grid = new GridPane();
    private final SlideEditor editor;
    private final Consumer<String> warnings;
    private boolean updating;
    /** The slide whose values the fields show; null when none is selected. */
    private Slide shown;

    Inspector(SlideEditor editor, Consumer<String> warnings) {
        this.editor = editor;
        this.warnings = warnings;
        getStyleClass().add("inspector");
        setId("inspector");
        setSpacing(10);
        setPadding(new Insets(12));
        title.getStyleClass().add("title-4");
        file.getStyleClass().add("text-muted");
        file.setWrapText(true);

        duration.setId("duration");
        duration.setEditable(true);
        transitionDuration.setId("transition-duration");
        transitionDuration.setEditable(true);
        easing.getItems().setAll(Easing.values());
        fit.getItems().setAll(FitMode.values());
        transition.getItems().setAll(TransitionType.values());
        transition.setId("transition");
        caption.setId("caption");
        caption.setPromptText("Text over the slide");
        easing.setConverter(names());
        fit.setConverter(names());
        transition.setConverter(names());

        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        grid.addRow(row++, new Label("Duration (s)"), duration);
        grid.addRow(row++, new Label("Start view"), startView);
        grid.addRow(row++, new Label("End view"), endView);
        grid.addRow(row++, new Label("Easing"), easing);
        grid.addRow(row++, new Label("Fit"), fit);
        grid.addRow(row++, new Label("Transition"), transition);
        grid.addRow(row++, new Label("Transition (s)"), transitionDuration);
        grid.addRow(row++, new Label("Caption"), caption);
        for (var n : List.of(duration, easing, fit, transition, transitionDuration, caption)) {
            n.setMaxWidth(Double.MAX_VALUE);
        }
        getChildren().addAll(title, file, grid);

        duration.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null && shown != null && v != shown.durationSeconds()) {
                editor.edit("Duration", duration, s -> s.withDuration(v));
            }
        });
        easing.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null) {
                editor.edit("Easing", null, s -> s.withMotion(new Motion(s.motion().start(), s.motion().end(), v)));
            }
        });
        fit.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null) {
                editor.edit("Fit", null, s -> s.withFit(v));
            }
        });
        transition.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null) {
                // Leaving a cut (0 s) gets the usual one-second overlap, or half of a shorter slide,
                // which leaves the other half for the transition coming in.
                boolean fromCut = !(transitionDuration.getValue() > 0);
                double seconds = fromCut ? 1.0 : transitionDuration.getValue();
                editor.edit("Transition", null, s -> s.withTransition(new Transition(v,
                        fromCut ? Math.min(seconds, s.durationSeconds() / 2) : seconds)));
            }
        });
        transitionDuration.valueProperty().addListener((o, a, v) -> {
            if (!updating && v != null && shown != null && v != shown.transition().durationSeconds()) {
                editor.edit("Transition duration", transitionDuration,
                        s -> s.withTransition(new Transition(s.transition().type(), v)));
            }
        });
        caption.textProperty().addListener((o, a, v) -> {
            if (!updating) {
                editor.edit("Caption", caption, s -> s.withCaption(v));
            }
        });
        show(Project.empty(), List.of());
    }

    /** Shows the first selected slide; disabled when none is selected. */
    void show(Project project, List<Integer> selected) {
        updating = true;
        try {
            boolean any = !selected.isEmpty() && selected.get(0) < project.slides().size();
            grid.setDisable(!any);
            shown = any ? project.slides().get(selected.get(0)) : null;
            if (!any) {
                title.setText("No slide selected");
                file.setText(project.slides().isEmpty() ? "Drop photos on the strip below to start."
                        : "Select a slide in the strip below.");
                startView.setText("");
                endView.setText("");
                return;
            }
            int i = selected.get(0);
            Slide s = project.slides().get(i);
            title.setText(selected.size() == 1 ? "Slide " + (i + 1) : selected.size() + " slides (editing all)");
            file.setText(String.valueOf(s.photo().getFileName()));
            setIfChanged(duration, s.durationSeconds());
            easing.setValue(s.motion().easing());
            fit.setValue(s.fit());
            transition.setValue(s.transition().type());
            setIfChanged(transitionDuration, s.transition().durationSeconds());
            transitionDuration.setDisable(s.transition().type() == TransitionType.CUT);
            if (!caption.getText().equals(s.caption())) {
                caption.setText(s.caption());
            }
            startView.setText(describe(s.motion().start()));
            endView.setText(describe(s.motion().end()));
        } finally {
            updating = false;
        }
    }

    private void warn(String message) {
        warnings.accept(message);
    }

    /**
     * A field of seconds within the model's limits that shows the model's value exactly (3.375
     * stays 3.375), so that focusing and leaving it, which makes JavaFX commit the text shown,
     * gives back the value shown: no edit. The default converter rounded to two decimals, and so
     * changed slides merely looked at; it also read "1e9" as 1 and threw on "abc".
     *
     * <p>Typed text must be a whole number within the limits; anything else is refused with a
     * warning and the field goes back to the value shown, never partially read or clamped.
     */
    private static Spinner<Double> seconds(String label, Limits limits, double initial, double step,
            Consumer<String> warn) {
        var factory = new SpinnerValueFactory.DoubleSpinnerValueFactory(limits.min(), limits.max(), initial, step);
        Spinner<Double> spinner = new Spinner<>(factory);
        factory.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return value == null ? "" : plain(value);
            }

            @Override
            public Double fromString(String text) {
                Double current = factory.getValue();
                String typed = text == null ? "" : text.strip();
                if (typed.equals(toString(current))) {
                    return current; // the text shown, committed unchanged
                }
                String problem;
                if (!NUMBER.matcher(typed).matches()) {
                    problem = typed.isEmpty() ? "enter a number of seconds" : "“" + typed + "” is not a number of seconds";
                } else {
                    double value = Double.parseDouble(typed.replace(',', '.'));
                    problem = limits.problem(value);
                    if (problem == null) {
                        return value;
                    }
                }
                warn.accept(label + ": " + problem);
                // The value stays, so the spinner would not rewrite the text itself.
                spinner.getEditor().setText(toString(current));
                return current;
            }
        });
        spinner.getEditor().setText(factory.getConverter().toString(factory.getValue()));
        return spinner;
    }

    /** The shortest decimal that reads back as exactly {@code value}, without exponent: 5, 3.375. */
    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static void setIfChanged(Spinner<Double> spinner, double value) {
        SpinnerValueFactory<Double> f = spinner.getValueFactory();
        if (f.getValue() == null || Math.abs(f.getValue() - value) > 1e-9) {
            f.setValue(value);
        }
    }

    static String describe(View v) {
        return String.format(Locale.ROOT, "%.0f%% , %.0f%%  ×%.2f", v.centerX() * 100, v.centerY() * 100, v.zoom());
    }

    private static <E extends Enum<E>> StringConverter<E> names() {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                if (e == null) {
                    return "";
                }
                String s = e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
                return Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }

            @Override
            public E fromString(String s) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }
}
