package org.regard.gestures;

/** No such gesture limit (or customer). */
public class GestureNotFound extends RuntimeException {
    public GestureNotFound(String message) {
        super(message);
    }
}
