package org.kinora.ui;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Feather icons at the editor's sizes. */
final class Icons {

    private Icons() {
    }

    static FontIcon of(Feather icon) {
        return FontIcon.of(icon, 16);
    }

    static FontIcon of(Feather icon, int size) {
        return FontIcon.of(icon, size);
    }
}
