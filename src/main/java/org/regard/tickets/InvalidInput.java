package org.regard.tickets;

/** Raised when a field of a ticket command is empty or too long; names the field so the user can fix it. */
public class InvalidInput extends IllegalArgumentException {
    private final String field;

    public InvalidInput(String field, String problem) {
        super(field + " " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
