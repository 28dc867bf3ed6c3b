package org.regard.tickets;

/** A touch either came from the customer (inbound) or went to them from the team (outbound). */
public enum TouchDirection {
    INBOUND, OUTBOUND
}
