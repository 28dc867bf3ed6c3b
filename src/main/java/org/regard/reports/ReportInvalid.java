package org.regard.reports;

/** A report's filter is wrong: {@code field} names which. Nothing was read. */
public class ReportInvalid extends RuntimeException {
    private final String field;

    public ReportInvalid(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
