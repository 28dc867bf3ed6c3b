package org.regard.tickets;

/** Raised when someone other than its author revises, resubmits or withdraws a reply held for review. */
public class NotTheAuthor extends RuntimeException {
    public NotTheAuthor(long messageId) {
        super("Only the author of reply " + messageId + " may revise, resubmit or withdraw it while it is held for review.");
    }
}
