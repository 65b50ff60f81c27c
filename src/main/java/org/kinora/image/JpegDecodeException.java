package org.kinora.image;

/**
 * {@link BandedJpegDecoder} cannot decode a file: it is damaged, or it uses a feature outside what
 * that decoder handles. The message says which; the caller falls back to another decoder.
 */
final class JpegDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    JpegDecodeException(String reason) {
        super(reason);
    }

    JpegDecodeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
