package org.regard.mail.intake;

import java.util.Arrays;

/**
 * The bytes of one stored message while its worker needs them: {@code buffer[start, end)}, either the buffer the IMAP
 * client fetched it into (not copied out of it) or an array read back from the database. The worker lets go of them
 * as soon as the message is parsed ({@link #release()}), so a large message's buffer can be collected while its
 * ticket is still being written.
 */
final class MessageBytes {
    private byte[] buffer;
    private final int start;
    private final int end;

    MessageBytes(byte[] buffer, int start, int end) {
        this.buffer = buffer;
        this.start = start;
        this.end = end;
    }

    static MessageBytes of(byte[] raw) {
        return new MessageBytes(raw, 0, raw.length);
    }

    synchronized byte[] buffer() {
        if (buffer == null) {
            throw new IllegalStateException("the message's bytes were already let go");
        }
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    synchronized boolean released() {
        return buffer == null;
    }

    /** Lets go of the bytes; reading them afterwards is a mistake. */
    synchronized void release() {
        buffer = null;
    }

    /** The message as an array of its own (a copy only when it lies inside a larger buffer). */
    byte[] copy() {
        byte[] b = buffer();
        return start == 0 && end == b.length ? b : Arrays.copyOfRange(b, start, end);
    }
}
