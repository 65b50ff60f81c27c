package org.kinora.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.kinora.image.PhotoException;
import org.kinora.image.PhotoLoader;

/**
 * Expands the files and folders a user gives (command line or drag and drop) into the photos to
 * show, in natural name order ("img2" before "img10"). A file is a photo when the photo loader
 * takes its header (format, size, pixel limit), so nothing found here is refused later by check or
 * render; every other file is skipped with the loader's reason, so the caller can warn about it.
 *
 * <p>Inside a folder, hidden files and folders (names starting with '.') are left out without a
 * word, as ls and shell globs do: they are thumbnails, .DS_Store files and macOS "._" copies, not
 * the user's photos, and a warning per file would bury the warnings that matter. A hidden file
 * named explicitly is taken like any other.
 */
public final class PhotoFinder {

    /** A file that is not used, and why (the loader's words, without the file name). */
    public record Skipped(Path file, String reason) {
    }

    /** The photos found and the files that were skipped. */
    public record Result(List<Path> photos, List<Skipped> skipped) {
        public Result {
            photos = List.copyOf(photos);
            skipped = List.copyOf(skipped);
        }
    }

    private static final PhotoLoader LOADER = new PhotoLoader();

    private PhotoFinder() {
    }

    public static Result find(List<Path> inputs) throws IOException {
        List<Path> photos = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (Path input : inputs) {
            List<Path> files;
            if (Files.isDirectory(input)) {
                files = filesIn(input);
            } else if (Files.isRegularFile(input)) {
                files = List.of(input);
            } else {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
            }
            for (Path f : files) {
                Path file = f.toAbsolutePath().normalize();
                String problem = problemOf(file);
                if (problem == null) {
                    photos.add(file);
                } else {
                    skipped.add(new Skipped(file, problem));
                }
            }
        }
        return new Result(photos, skipped);
    }

    /** The files in {@code folder} and its subfolders, hidden ones left out, in natural order. */
    public static List<Path> filesIn(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                // The folder given is walked even when hidden: the user asked for it.
                return !dir.equals(folder) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!isHidden(file) && Files.isRegularFile(file)) { // isRegularFile: links to files count
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(NATURAL_ORDER);
        return files;
    }

    static boolean isHidden(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Why the photo loader would refuse {@code file}, or null when it takes it. Reads the header
     * only (the loader's probe), so a file that is not an image and one over the pixel limit are
     * caught without decoding anything.
     */
    public static String problemOf(Path file) {
        try {
            LOADER.probe(file);
            return null;
        } catch (PhotoException e) {
            return e.reason();
        }
    }

    /** Case-insensitive, with runs of digits compared as numbers. */
    public static final Comparator<Path> NATURAL_ORDER = (a, b) -> compareNatural(
            a.toString().toLowerCase(Locale.ROOT), b.toString().toLowerCase(Locale.ROOT));

    static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
