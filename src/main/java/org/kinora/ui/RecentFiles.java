package org.kinora.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The most recently opened or saved projects, newest first, kept in the user's preferences. */
public final class RecentFiles {

    private static final int MAX = 10;
    private final Preferences prefs;

    public RecentFiles(Preferences prefs) {
        this.prefs = prefs;
    }

    public static RecentFiles forUser() {
        return new RecentFiles(Preferences.userRoot().node("org/kinora/recent"));
    }

    public List<Path> list() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            String s = prefs.get("file" + i, null);
            if (s != null) {
                out.add(Path.of(s));
            }
        }
        return out;
    }

    public void add(Path file) throws BackingStoreException {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(list());
        files.remove(abs);
        files.add(0, abs);
        for (int i = 0; i < MAX; i++) {
            if (i < files.size()) {
                prefs.put("file" + i, files.get(i).toString());
            } else {
                prefs.remove("file" + i);
            }
        }
        prefs.flush();
    }
}
