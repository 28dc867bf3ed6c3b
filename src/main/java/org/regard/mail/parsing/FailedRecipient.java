package org.regard.mail.parsing;

/**
 * A recipient a bounce says could not be reached.
 *
 * @param address    the recipient's address
 * @param status     the enhanced status code (e.g. {@code 5.1.1}), or an empty string when the bounce gives none
 * @param diagnostic what the receiving server said, or an empty string
 */
public record FailedRecipient(String address, String status, String diagnostic) {

    public FailedRecipient {
        address = address == null ? "" : address;
        status = status == null ? "" : status;
        diagnostic = diagnostic == null ? "" : diagnostic;
    }
}
