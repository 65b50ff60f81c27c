package org.kinora.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kinora.model.Project;
import org.kinora.model.Timeline;
import org.kordamp.ikonli.feather.Feather;

/**
 * Plays the slideshow with the export's renderer at the pane's size (at most 960x540) and the
 * project's frame rate. Frames are rendered on background threads, at most {@link #IN_FLIGHT} at
 * a time; the clock runs on wall time, so a slow machine skips frames instead of slowing down,
 * and a {@link FrameGate} keeps frames that finish late from being shown out of order.
 */
final class PreviewPane extends BorderPane {

    static final int MAX_WIDTH = 960;
    static final int MAX_HEIGHT = 540;
    private static final int IN_FLIGHT = 2;

    /** A renderer shared by the frames in flight; closed when retired and no frame uses it. */
    private static final class Handle {
        final PreviewRenderer renderer;
        final AtomicInteger users = new AtomicInteger(1);

        Handle(PreviewRenderer renderer) {
            this.renderer = renderer;
        }

        void release() {
            if (users.decrementAndGet() == 0) {
                renderer.close();
            }
        }
    }

    private final Executor background;
    private final Executor fx;
    private final PreviewRenderer.Factory factory;
    private final ImageView view = new ImageView();
    private final Label message = new Label();
    private final Button play = new Button();
    private final Slider scrub = new Slider(0, 1, 0);
    private final Label time = new Label("0:00.0 / 0:00.0");
    private final StackPane screen;
    private final FrameGate gate = new FrameGate();
    private final PauseTransition resizeDebounce = new PauseTransition(Duration.millis(120));
    private final Deque<int[]> buffers = new ArrayDeque<>();
    private final AnimationTimer timer;
    private final PreviewMusic music;

    private Project project = Project.empty();
    private Timeline timeline = project.timeline();
    private Handle handle;
    private WritableImage image;
    private PlaybackClock clock = new PlaybackClock(30, 0);
    private int stopAfter = -1;
    private int inFlight;
    private int lastRequested = -1;
    private int pendingStill = -1;
    private int position;
    private boolean scrubbing;
    private boolean movingScrub;
    private long generation;

    PreviewPane(Executor background, Executor fx, PreviewRenderer.Factory factory,
                java.util.function.Consumer<String> onProblem) {
        this.music = new PreviewMusic(onProblem);
        this.background = background;
        this.fx = fx;
        this.factory = factory;
        getStyleClass().add("preview-pane");
        setId("preview");

        view.setPreserveRatio(true);
        message.getStyleClass().add("text-muted");
        message.setWrapText(true);
        message.setMaxWidth(420);
        screen = new StackPane(view, message);
        screen.getStyleClass().add("preview-screen");
        screen.setMinSize(160, 90);
        view.fitWidthProperty().bind(screen.widthProperty());
        view.fitHeightProperty().bind(screen.heightProperty());
        setCenter(screen);

        Label title = new Label("Preview");
        title.getStyleClass().add("pane-title");
        play.setId("play");
        play.setGraphic(Icons.of(Feather.PLAY));
        play.setTooltip(new Tooltip("Play / pause (Space)"));
        play.setOnAction(e -> togglePlay());
        scrub.setId("scrub");
        HBox.setHgrow(scrub, Priority.ALWAYS);
        scrub.valueChangingProperty().addListener((o, a, changing) -> scrubbing = changing);
        scrub.valueProperty().addListener((o, a, v) -> {
            if (!movingScrub) { // the user moved it, not playback
                pause();
                showStill((int) Math.round(v.doubleValue()));
            }
        });
        time.getStyleClass().add("monospace");
        HBox bar = new HBox(8, title, play, scrub, time);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        bar.getStyleClass().add("pane-bar");
        setBottom(bar);

        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                tick(now);
            }
        };
        resizeDebounce.setOnFinished(e -> rebuildRenderer());
        screen.widthProperty().addListener(o -> resizeDebounce.playFromStart());
        screen.heightProperty().addListener(o -> resizeDebounce.playFromStart());
        if (factory == null) {
            message.setText("The live preview needs the frame renderer (org.kinora.render.frame), "
                    + "which is not in this build yet.");
        }
    }

    /** Shows another version of the project; keeps the position (and playing) where possible. */
    void setProject(Project value) {
        if (value.equals(project)) {
            return;
        }
        project = value;
        timeline = value.timeline();
        music.setTracks(value.audioTracks());
        int frames = timeline.totalFrames();
        scrub.setMax(Math.max(1, frames - 1));
        position = Math.min(position, Math.max(0, frames - 1));
        updateTime(position);
        rebuildRenderer();
    }

    boolean isPlaying() {
        return clock.playing();
    }

    int position() {
        return position;
    }

    /** The frame last drawn, -1 before the first. */
    int shownFrame() {
        return gate.lastShown();
    }

    void togglePlay() {
        if (clock.playing()) {
            pause();
        } else {
            int from = position >= timeline.totalFrames() - 1 ? 0 : position;
            playRange(from, -1);
        }
    }

    /** Plays one slide from its first frame to its last, then stops: the replay after an edit. */
    void playSlide(int index) {
        if (index < 0 || index >= timeline.slideCount()) {
            return;
        }
        int first = timeline.startFrame(index);
        playRange(first, first + timeline.frameCount(index) - 1);
    }

    /** Shows the first frame where slide {@code index} stands alone (after its incoming transition). */
    void showSlide(int index) {
        if (clock.playing() || index < 0 || index >= timeline.slideCount()) {
            return;
        }
        int frame = timeline.startFrame(index);
        if (index > 0) {
            frame = Math.max(frame, timeline.startFrame(index - 1) + timeline.frameCount(index - 1));
        }
        showStill(Math.min(frame, timeline.totalFrames() - 1));
    }

    void pause() {
        if (clock.playing()) {
            clock.pause();
            timer.stop();
            music.stop();
            play.setGraphic(Icons.of(Feather.PLAY));
        }
    }

    private void playRange(int from, int last) {
        if (handle == null || timeline.totalFrames() == 0) {
            return;
        }
        stopAfter = last;
        clock = new PlaybackClock(project.output().fps(), timeline.totalFrames());
        clock.play(from, System.nanoTime());
        gate.newSession();
        lastRequested = from - 1;
        play.setGraphic(Icons.of(Feather.PAUSE));
        music.play((double) from / project.output().fps());
        timer.start();
    }

    private void tick(long now) {
        int due = clock.frameAt(now);
        boolean done = clock.finishedAt(now) || (stopAfter >= 0 && due >= stopAfter);
        if (stopAfter >= 0) {
            due = Math.min(due, stopAfter);
        }
        position = due;
        updateTime(due);
        if (due > lastRequested && inFlight < IN_FLIGHT) {
            submit(due, gate.session());
            lastRequested = due;
        }
        if (done) {
            pause();
        }
    }

    /** Shows one frame while paused; the newest request wins. */
    private void showStill(int frame) {
        if (timeline.totalFrames() == 0) {
            return;
        }
        position = Math.max(0, Math.min(frame, timeline.totalFrames() - 1));
        updateTime(position);
        if (handle == null) {
            return;
        }
        if (inFlight > 0) {
            pendingStill = position;
            return;
        }
        submit(position, gate.newSession());
    }

    private void submit(int frame, long session) {
        Handle h = handle;
        h.users.incrementAndGet();
        int w = h.renderer.width();
        int hgt = h.renderer.height();
        int[] buf = takeBuffer(w * hgt);
        long gen = generation;
        boolean playing = clock.playing();
        inFlight++;
        Runnable render = () -> {
            try {
                Exception failure = null;
                try {
                    h.renderer.renderArgb(frame, buf);
                } catch (Exception e) {
                    failure = e;
                }
                Exception problem = failure;
                fx.execute(() -> finished(frame, session, gen, w, hgt, buf, problem));
                if (playing && problem == null) {
                    // After the frame is handed over: the other preview threads keep drawing meanwhile.
                    h.renderer.prepareAhead(frame);
                }
            } finally {
                h.release();
            }
        };
        try {
            background.execute(render);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the editor is shutting down
            inFlight--;
            h.release();
            pause();
        }
    }

    private void finished(int frame, long session, long gen, int w, int h, int[] buf, Exception problem) {
        inFlight--;
        if (problem != null) {
            pause();
            message.setText("Cannot preview frame " + frame + ": " + problem.getMessage());
            message.setVisible(true);
        } else if (gen == generation && image != null && (int) image.getWidth() == w
                && (int) image.getHeight() == h && gate.admit(session, frame)) {
            image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbPreInstance(), buf, 0, w);
            message.setVisible(false);
        }
        buffers.push(buf);
        if (!clock.playing() && pendingStill >= 0) {
            int next = pendingStill;
            pendingStill = -1;
            if (handle != null) {
                submit(next, gate.newSession());
            }
        }
    }

    private int[] takeBuffer(int size) {
        while (!buffers.isEmpty()) {
            int[] b = buffers.pop();
            if (b.length == size) {
                return b;
            }
        }
        return new int[size];
    }

    /** The preview size for the pane: the output's aspect, at most 960x540, even. */
    static int[] previewSize(double paneW, double paneH, double aspect) {
        double w = Math.min(Math.min(paneW, MAX_WIDTH), Math.min(paneH, MAX_HEIGHT) * aspect);
        w = Math.min(w, MAX_HEIGHT * aspect);
        double h = w / aspect;
        int iw = Math.max(16, (int) Math.floor(w / 2) * 2);
        int ih = Math.max(16, (int) Math.floor(h / 2) * 2);
        return new int[] {iw, ih};
    }

    private void rebuildRenderer() {
        if (factory == null) {
            return;
        }
        generation++;
        if (handle != null) {
            handle.release();
            handle = null;
        }
        if (project.slides().isEmpty()) {
            image = null;
            view.setImage(null);
            message.setText("Drop photos on the strip below; the slideshow plays here.");
            message.setVisible(true);
            return;
        }
        int[] size = previewSize(screen.getWidth() <= 0 ? 640 : screen.getWidth(),
                screen.getHeight() <= 0 ? 360 : screen.getHeight(), project.output().aspect());
        try {
            handle = new Handle(factory.create(project, size[0], size[1]));
        } catch (Exception e) {
            message.setText("Cannot preview: " + e.getMessage());
            message.setVisible(true);
            pause();
            return;
        }
        if (image == null || (int) image.getWidth() != size[0] || (int) image.getHeight() != size[1]) {
            image = new WritableImage(size[0], size[1]);
            view.setImage(image);
        }
        if (clock.playing()) {
            // keep playing the edited project from where we are
            playRange(position, stopAfter);
        } else {
            showStill(position);
        }
    }

    private void updateTime(int frame) {
        if (!scrubbing && !scrub.isPressed()) {
            movingScrub = true;
            scrub.setValue(frame);
            movingScrub = false;
        }
        int fps = project.output().fps();
        time.setText(clockText((double) frame / fps) + " / " + clockText(timeline.durationSeconds()));
    }

    static String clockText(double seconds) {
        int tenths = (int) Math.round(seconds * 10);
        return String.format(Locale.ROOT, "%d:%02d.%d", tenths / 600, tenths / 10 % 60, tenths % 10);
    }

    /** Stops playback and frees the renderer (window closing). */
    void dispose() {
        pause();
        music.dispose();
        if (handle != null) {
            handle.release();
            handle = null;
        }
    }

    Region screen() {
        return screen;
    }
}
