package org.kinora.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The editor application. */
public class KinoraApp extends Application {

    /** Called by the launcher; {@code --open FILE} opens a project. */
    public static void launchEditor(String[] args) {
        Application.launch(KinoraApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Kinora");
        stage.setScene(new Scene(new StackPane(new Label("Drop photos here")), 1280, 800));
        stage.show();
    }
}
