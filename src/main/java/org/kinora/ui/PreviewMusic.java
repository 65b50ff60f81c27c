package org.kinora.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.scene.media.Media;
import javafx.scene.media.MediaException;
import javafx.scene.media.MediaPlayer;
import javafx.util.Duration;
import org.kinora.model.AudioTrack;

/**
 * Plays the project's music with the preview, each track from where the timeline is, with its
 * trim, loop and volume. Fades are left to the export. JavaFX media decodes on its own threads;
 * a file it cannot play is reported once and the preview goes on silently.
 */
final class PreviewMusic {

    private record Player(AudioTrack track, MediaPlayer player) {
    }

    private final Consumer<String> onProblem;
    private final List<Player> players = new ArrayList<>();
    private final List<PauseTransition> pendingStarts = new ArrayList<>();
    private List<AudioTrack> tracks = List.of();

    PreviewMusic(Consumer<String> onProblem) {
        this.onProblem = onProblem;
    }

    /** Uses these tracks from now on (players are rebuilt only when the tracks change). */
    void setTracks(List<AudioTrack> value) {
        if (value.equals(tracks)) {
            return;
        }
        dispose();
        tracks = value;
        for (AudioTrack t : value) {
            try {
                MediaPlayer p = new MediaPlayer(new Media(t.file().toUri().toString()));
                p.setVolume(Math.min(1.0, t.volume()));
                p.setOnError(() -> onProblem.accept("The preview plays without " + t.file().getFileName() + ": "
                        + p.getError().getMessage()));
                players.add(new Player(t, p));
            } catch (MediaException e) {
                onProblem.accept("The preview plays without " + t.file().getFileName() + ": " + e.getMessage());
            }
        }
    }

    /** Starts every track at timeline position {@code seconds}. */
    void play(double seconds) {
        stop();
        for (Player p : players) {
            AudioTrack t = p.track();
            double into = seconds - t.startSeconds();
            if (into < 0) {
                PauseTransition later = new PauseTransition(Duration.seconds(-into));
                later.setOnFinished(e -> start(p, 0));
                pendingStarts.add(later);
                later.play();
            } else {
                start(p, into);
            }
        }
    }

    private void start(Player p, double into) {
        AudioTrack t = p.track();
        double length = t.trimmedAtEnd() ? t.trimOutSeconds() - t.trimInSeconds() : Double.POSITIVE_INFINITY;
        if (t.loop() && Double.isFinite(length)) {
            into = into % length;
        } else if (into >= length) {
            return; // this track has ended by now
        }
        MediaPlayer m = p.player();
        m.setStartTime(Duration.seconds(t.trimInSeconds()));
        if (t.trimmedAtEnd()) {
            m.setStopTime(Duration.seconds(t.trimOutSeconds()));
        }
        m.setCycleCount(t.loop() ? MediaPlayer.INDEFINITE : 1);
        m.seek(Duration.seconds(t.trimInSeconds() + into));
        m.play();
    }

    void stop() {
        pendingStarts.forEach(PauseTransition::stop);
        pendingStarts.clear();
        players.forEach(p -> p.player().pause());
    }

    void dispose() {
        stop();
        players.forEach(p -> p.player().dispose());
        players.clear();
        tracks = List.of();
    }
}
