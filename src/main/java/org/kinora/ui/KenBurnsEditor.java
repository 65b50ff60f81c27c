package org.kinora.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import org.kinora.model.Motion;
import org.kinora.model.Slide;
import org.kinora.model.View;
import org.kinora.model.ViewRect;
import org.kordamp.ikonli.feather.Feather;

/**
 * The Ken Burns editor: the selected photo with its start and end views drawn as two labelled
 * rectangles in the output's aspect. Drag a rectangle to move it, a corner to zoom. The edit is
 * committed when the mouse is released, as one undo step.
 */
final class KenBurnsEditor extends BorderPane {

    static final int IMAGE_SIZE = 1280;
    private static final Color START = Color.web("#3fb950");
    private static final Color END = Color.web("#f0883e");
    private static final double HANDLE = 9;
    private static final double MARGIN = 18;

    private enum Part { NONE, MOVE, CORNER }

    /** What the mouse is over: which view, which part of it, and for a corner where it is. */
    private record Hit(boolean end, Part part, double[] corner) {
    }

    private final Canvas canvas = new Canvas();
    private final Label message = new Label("Select a slide to edit its motion");
    private final Button swap = new Button("Swap", Icons.of(Feather.REPEAT));
    private final Button reset = new Button("Auto", Icons.of(Feather.ROTATE_CCW));
    private final Thumbnails images;
    private Consumer<Motion> onMotionEdited = m -> { };
    private Runnable onReset = () -> { };
    private Runnable onSwap = () -> { };

    private Slide slide;
    private double outputAspect = 16.0 / 9;
    private Image image;
    private ViewGeometry geometry;
    private View start;
    private View end;

    // drag state
    private boolean draggingEnd;
    private Part part = Part.NONE;
    private View pressedView;
    private double pressX;
    private double pressY;
    private double anchorX;
    private double anchorY;

    KenBurnsEditor(Thumbnails images) {
        this.images = images;
        getStyleClass().add("kenburns-editor");
        setId("kenburns");
        Label legendStart = legend("Start", START);
        Label legendEnd = legend("End", END);
        swap.setTooltip(new Tooltip("Swap start and end: zoom in becomes zoom out"));
        reset.setTooltip(new Tooltip("Reset to automatic motion"));
        swap.setId("swap-views");
        reset.setId("reset-motion");
        swap.setOnAction(e -> {
            if (slide != null) {
                onSwap.run();
            }
        });
        reset.setOnAction(e -> onReset.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Motion");
        title.getStyleClass().add("pane-title");
        HBox bar = new HBox(8, title, legendStart, legendEnd, spacer, swap, reset);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("pane-bar");
        setTop(bar);

        Pane holder = new Pane(canvas);
        holder.setMinSize(120, 90);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        message.getStyleClass().add("text-muted");
        message.setMouseTransparent(true);
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(holder, message);
        center.getStyleClass().add("stage-area");
        setCenter(center);

        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMousePressed(this::press);
        canvas.setOnMouseDragged(this::drag);
        canvas.setOnMouseReleased(this::release);
        show(null, 16.0 / 9);
    }

    void setOnMotionEdited(Consumer<Motion> handler) {
        onMotionEdited = handler;
    }

    /** Swap start and end: each selected slide's own motion reversed, so the window applies it. */
    void setOnSwap(Runnable handler) {
        onSwap = handler;
    }

    void setOnReset(Runnable handler) {
        onReset = handler;
    }

    /** Shows a slide (null for none) for an output of the given aspect. */
    void show(Slide value, double aspect) {
        boolean samePhoto = slide != null && value != null && slide.photo().equals(value.photo());
        slide = value;
        outputAspect = aspect;
        swap.setDisable(value == null);
        reset.setDisable(value == null);
        if (value == null) {
            image = null;
            geometry = null;
            message.setText("Select a slide to edit its motion");
            message.setVisible(true);
            draw();
            return;
        }
        start = value.motion().start();
        end = value.motion().end();
        if (samePhoto && image != null) {
            geometry = new ViewGeometry(image.getWidth() / image.getHeight(), aspect, value.fit());
            draw();
            return;
        }
        image = null;
        geometry = null;
        message.setText("Loading " + value.photo().getFileName() + " …");
        message.setVisible(true);
        draw();
        Slide wanted = value;
        images.request(value.photo(), IMAGE_SIZE, loaded -> {
            if (slide == null || !slide.photo().equals(wanted.photo())) {
                return;
            }
            if (loaded.image() == null) {
                message.setText("Cannot show " + wanted.photo().getFileName() + ": " + loaded.error());
                return;
            }
            image = loaded.image();
            geometry = new ViewGeometry(image.getWidth() / image.getHeight(), outputAspect, slide.fit());
            message.setVisible(false);
            draw();
        });
    }

    /**
     * Where the photo is drawn: x, y, width, height in canvas pixels. Leaves room around the photo
     * when the view is wider or taller than the photo (a fitted photo on a backdrop).
     */
    private double[] photoBox() {
        double cw = canvas.getWidth() - 2 * MARGIN;
        double ch = canvas.getHeight() - 2 * MARGIN;
        double a = image.getWidth() / image.getHeight();
        double extW = Math.max(1, geometry.maxWidth());
        double extH = Math.max(1, geometry.maxWidth() * geometry.heightPerWidth());
        double w = Math.min(cw / extW, ch * a / extH);
        double h = w / a;
        return new double[] {(canvas.getWidth() - w) / 2, (canvas.getHeight() - h) / 2, w, h};
    }

    private double[] rectOnCanvas(View v) {
        double[] b = photoBox();
        ViewRect r = geometry.rectOf(v);
        return new double[] {b[0] + r.x() * b[2], b[1] + r.y() * b[3], r.width() * b[2], r.height() * b[3]};
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (image == null || geometry == null || canvas.getWidth() < 2 * MARGIN + 10) {
            return;
        }
        double[] b = photoBox();
        g.drawImage(image, b[0], b[1], b[2], b[3]);
        g.setFill(Color.rgb(0, 0, 0, 0.35));
        g.fillRect(b[0], b[1], b[2], b[3]);
        drawView(g, start, START, "Start", !draggingEnd || part == Part.NONE);
        drawView(g, end, END, "End", true);
    }

    private void drawView(GraphicsContext g, View v, Color c, String label, boolean handles) {
        double[] r = rectOnCanvas(v);
        g.setStroke(c);
        g.setLineWidth(2.5);
        g.strokeRect(r[0], r[1], r[2], r[3]);
        g.setFill(c);
        if (handles) {
            for (double[] p : corners(r)) {
                g.fillRect(p[0] - HANDLE / 2, p[1] - HANDLE / 2, HANDLE, HANDLE);
            }
        }
        g.setFont(Font.font(null, FontWeight.BOLD, 13));
        double tw = label.length() * 8 + 10;
        boolean isEnd = c == END;
        // Labels sit outside their rectangle (start above, end below) so nearly equal views stay readable.
        double lx = isEnd ? r[0] + r[2] - tw : r[0];
        double ly = isEnd ? r[1] + r[3] + 4 : r[1] - 24;
        if (ly < 0) {
            ly = r[1] + 6;
        } else if (ly + 20 > canvas.getHeight()) {
            ly = r[1] + r[3] - 26;
        }
        lx = Math.max(0, Math.min(lx, canvas.getWidth() - tw));
        g.fillRect(lx, ly, tw, 20);
        g.setFill(Color.BLACK);
        g.fillText(label, lx + 5, ly + 15);
    }

    private static double[][] corners(double[] r) {
        return new double[][] {{r[0], r[1]}, {r[0] + r[2], r[1]}, {r[0], r[1] + r[3]}, {r[0] + r[2], r[1] + r[3]}};
    }

    /** Which view and part is under the mouse; end wins over start where they overlap. */
    private Hit hit(double x, double y) {
        for (boolean isEnd : new boolean[] {true, false}) {
            double[] r = rectOnCanvas(isEnd ? end : start);
            for (double[] p : corners(r)) {
                if (Math.abs(x - p[0]) <= HANDLE && Math.abs(y - p[1]) <= HANDLE) {
                    return new Hit(isEnd, Part.CORNER, p);
                }
            }
        }
        for (boolean isEnd : new boolean[] {true, false}) {
            double[] r = rectOnCanvas(isEnd ? end : start);
            if (x >= r[0] && x <= r[0] + r[2] && y >= r[1] && y <= r[1] + r[3]) {
                return new Hit(isEnd, Part.MOVE, null);
            }
        }
        return new Hit(false, Part.NONE, null);
    }

    private void hover(MouseEvent e) {
        if (geometry == null) {
            return;
        }
        Part p = hit(e.getX(), e.getY()).part();
        canvas.setCursor(p == Part.CORNER ? Cursor.CROSSHAIR : p == Part.MOVE ? Cursor.MOVE : Cursor.DEFAULT);
    }

    private void press(MouseEvent e) {
        if (geometry == null) {
            return;
        }
        Hit h = hit(e.getX(), e.getY());
        draggingEnd = h.end();
        part = h.part();
        pressedView = draggingEnd ? end : start;
        pressX = e.getX();
        pressY = e.getY();
        if (part == Part.CORNER) {
            double[] r = rectOnCanvas(pressedView);
            double[] corner = h.corner();
            double[] b = photoBox();
            // the opposite corner stays put, in photo fractions
            double ox = corner[0] == r[0] ? r[0] + r[2] : r[0];
            double oy = corner[1] == r[1] ? r[1] + r[3] : r[1];
            anchorX = (ox - b[0]) / b[2];
            anchorY = (oy - b[1]) / b[3];
        }
    }

    private void drag(MouseEvent e) {
        if (geometry == null || part == Part.NONE) {
            return;
        }
        double[] b = photoBox();
        View v = part == Part.MOVE
                ? geometry.moved(pressedView, (e.getX() - pressX) / b[2], (e.getY() - pressY) / b[3])
                : geometry.resized(anchorX, anchorY, (e.getX() - b[0]) / b[2], (e.getY() - b[1]) / b[3]);
        if (draggingEnd) {
            end = v;
        } else {
            start = v;
        }
        draw();
    }

    private void release(MouseEvent e) {
        if (geometry == null || part == Part.NONE) {
            return;
        }
        part = Part.NONE;
        Motion edited = new Motion(start, end, slide.motion().easing());
        if (!edited.equals(slide.motion())) {
            onMotionEdited.accept(edited);
        }
        draw();
    }

    private static Label legend(String text, Color c) {
        Region swatch = new Region();
        swatch.setPrefSize(12, 12);
        swatch.setStyle("-fx-background-color: " + toHex(c) + "; -fx-background-radius: 2;");
        Label l = new Label(text, swatch);
        l.getStyleClass().add("legend");
        return l;
    }

    private static String toHex(Color c) {
        return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255), (int) (c.getBlue() * 255));
    }
}
