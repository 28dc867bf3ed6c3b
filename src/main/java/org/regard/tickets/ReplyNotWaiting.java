package org.regard.tickets;

/**
 * Raised when a held reply is in no state for what was asked: approving or returning one that is no longer waiting for
 * review, resubmitting one that was not returned. Nothing changed.
 */
public class ReplyNotWaiting extends RuntimeException {
    private final String state;

    public ReplyNotWaiting(long messageId, String state, String what) {
        super("Reply " + messageId + " cannot be " + what + ": it is " + state.toLowerCase(java.util.Locale.ROOT) + ".");
        this.state = state.toLowerCase(java.util.Locale.ROOT);
    }

    /** pending, approved or returned. */
    public String state() {
        return state;
    }
}
