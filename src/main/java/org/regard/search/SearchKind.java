package org.regard.search;

import java.util.Locale;

/**
 * What a search hit is: a ticket (found by its subject), one message of a ticket, a customer, or a procedure of the
 * team's manual (found by its current version's texts in every language). Customers and procedures are seen by every
 * agent; tickets and messages by the agents of their team.
 */
public enum SearchKind {
    TICKET, MESSAGE, CUSTOMER, PROCEDURE;

    /** The kind named in any case ({@code ticket}, {@code MESSAGE}); refuses other names, listing the valid ones. */
    public static SearchKind parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not one of ticket, message, customer, procedure");
        }
    }
}
