package org.kinora.ui;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;

/** Short messages in the corner of the window that go away by themselves or when closed. */
final class Notifier extends VBox {

    private final List<String> history = new ArrayList<>();

    Notifier() {
        setSpacing(8);
        setPadding(new Insets(12));
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxWidth(460);
        setFillWidth(true);
    }

    void info(String text) {
        show(text, Styles.ACCENT, Feather.INFO, 5);
    }

    void warn(String text) {
        show(text, Styles.WARNING, Feather.ALERT_TRIANGLE, 12);
    }

    /** Every message shown so far, oldest first (for tests and the log). */
    List<String> history() {
        return List.copyOf(history);
    }

    private void show(String text, String style, Feather icon, int seconds) {
        history.add(text);
        Notification n = new Notification(text, Icons.of(icon, 18));
        n.getStyleClass().addAll(style, Styles.ELEVATED_1);
        n.setPrefWidth(440);
        n.setMaxWidth(440);
        n.setOnClose(e -> getChildren().remove(n));
        getChildren().add(n);
        PauseTransition later = new PauseTransition(Duration.seconds(seconds));
        later.setOnFinished(e -> getChildren().remove(n));
        later.play();
    }
}
