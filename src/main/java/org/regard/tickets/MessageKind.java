package org.regard.tickets;

/**
 * What a message on a ticket is: the customer's words, the team's reply, an internal note the customer
 * never sees, a logged call or visit, or an automatic message that arrived for the customer (an
 * out-of-office reply, a bounce) which nobody wrote.
 */
public enum MessageKind {
    CUSTOMER, REPLY, NOTE, CONTACT, AUTOMATED;

    /** Whether this kind of message is an interaction with the customer (a touch). */
    public boolean isTouch() {
        return this != NOTE && this != AUTOMATED;
    }
}
