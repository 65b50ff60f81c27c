package org.kinora.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Expands the files and folders a user gives (command line or drag and drop) into the photos to
 * show, in natural name order ("img2" before "img10"). Anything that is not an image Kinora can
 * read is skipped and listed, so the caller can name it in a warning.
 */
public final class PhotoFinder {

    /** The photos found and the files that were skipped. */
    public record Result(List<Path> photos, List<Path> skipped) {
        public Result {
            photos = List.copyOf(photos);
            skipped = List.copyOf(skipped);
        }
    }

    private PhotoFinder() {
    }

    public static Result find(List<Path> inputs) throws IOException {
        List<Path> photos = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> files = Files.walk(input)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted(NATURAL_ORDER).toList()) {
                        (isImage(f) ? photos : skipped).add(f.toAbsolutePath().normalize());
                    }
                }
            } else if (Files.isRegularFile(input)) {
                (isImage(input) ? photos : skipped).add(input.toAbsolutePath().normalize());
            } else {
                throw new java.nio.file.NoSuchFileException(input.toString(), null, "no such file or folder");
            }
        }
        return new Result(photos, skipped);
    }

    /** True when an installed image reader recognises the file's content (not just its name). */
    public static boolean isImage(Path file) {
        if (file.getFileName().toString().startsWith(".")) {
            return false; // hidden files, editor backups, macOS resource forks
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) {
                return false;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            return readers.hasNext();
        } catch (IOException e) {
            return false;
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
