package org.kinora.ui;

import java.util.concurrent.Executor;

/**
 * What the editor needs from outside, injected so tests can run background work synchronously
 * and keep preferences and autosaves in a temporary folder.
 *
 * @param background disk and decoding work (never the JavaFX thread in the app)
 * @param previewThreads where preview frames render
 * @param fx runs on the JavaFX thread ({@code Platform::runLater})
 * @param preview makes preview renderers; null when this build has no frame renderer
 * @param render runs exports; null when this build has no render pipeline
 */
record EditorServices(Executor background, Executor previewThreads, Executor fx,
                      PreviewRenderer.Factory preview, Exporter render,
                      RecentFiles recent, Autosave autosave) {
}
