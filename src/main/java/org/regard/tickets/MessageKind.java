package org.regard.tickets;

/**
 * What a message on a ticket is: the customer's words, the team's reply, an internal note the customer
 * never sees, or a logged call or visit.
 */
public enum MessageKind {
    CUSTOMER, REPLY, NOTE, CONTACT;

    /** Whether this kind of message is an interaction with the customer (a touch). */
    public boolean isTouch() {
        return this != NOTE;
    }
}
