package org.kinora.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns what the user dropped (files and folders, in any mix) into the photos to add, in a
 * stable order, and the names of everything that is not a photo. Reads file headers, so it runs
 * off the JavaFX thread.
 */
public final class DroppedFiles {

    /** Photos in the order they will be inserted, and what was skipped with the reason. */
    public record Result(List<Path> photos, List<String> skipped) {
        public Result {
            photos = List.copyOf(photos);
            skipped = List.copyOf(skipped);
        }
    }

    private DroppedFiles() {
    }

    /** Folders are searched recursively; their files are sorted by name (camera order). */
    public static Result expand(List<Path> dropped) {
        List<Path> photos = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path p : dropped) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    List<Path> files = walk.filter(Files::isRegularFile)
                            .sorted(Comparator.comparing(f -> f.toString().toLowerCase(Locale.ROOT)))
                            .toList();
                    for (Path f : files) {
                        classify(f, photos, skipped);
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    skipped.add(p.getFileName() + " (folder unreadable: " + e.getMessage() + ")");
                }
            } else {
                classify(p, photos, skipped);
            }
        }
        return new Result(photos, skipped);
    }

    private static void classify(Path file, List<Path> photos, List<String> skipped) {
        String name = String.valueOf(file.getFileName());
        if (name.startsWith(".")) {
            return; // hidden files (.DS_Store, thumbnails caches) are not worth a complaint
        }
        String reason = whyNotPhoto(file);
        if (reason == null) {
            photos.add(file.toAbsolutePath().normalize());
        } else {
            skipped.add(name + " (" + reason + ")");
        }
    }

    /** Null when an image reader recognizes the file's content, else a short reason. */
    static String whyNotPhoto(Path file) {
        if (!Files.isReadable(file)) {
            return "not readable";
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return "not readable";
            }
            return ImageIO.getImageReaders(in).hasNext() ? null : "not a photo";
        } catch (IOException e) {
            return "not readable: " + e.getMessage();
        }
    }
}
