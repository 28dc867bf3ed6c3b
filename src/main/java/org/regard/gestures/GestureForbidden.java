package org.regard.gestures;

/** Raised when someone may not do this with gestures or their limits (a plain agent setting a limit...). */
public class GestureForbidden extends RuntimeException {
    public GestureForbidden(String message) {
        super(message);
    }
}
