package org.regard.search;

import java.util.Locale;

/** What a search hit is: a ticket (found by its subject), one message of a ticket, or a customer. */
public enum SearchKind {
    TICKET, MESSAGE, CUSTOMER;

    /** The kind named in any case ({@code ticket}, {@code MESSAGE}); refuses other names, listing the valid ones. */
    public static SearchKind parse(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not one of ticket, message, customer");
        }
    }
}
