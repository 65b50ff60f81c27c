package org.kinora.render.encode;

import java.io.IOException;

/** An encoder could not be opened; the message says which and why in a user's words. */
public class EncoderOpenException extends IOException {

    public EncoderOpenException(String message) {
        super(message);
    }

    public EncoderOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
