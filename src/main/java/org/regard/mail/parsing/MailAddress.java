package org.regard.mail.parsing;

/**
 * One address from a From, To, Cc or Reply-To header.
 *
 * @param address     the address as written (e.g. {@code anna@example.com}); not validated
 * @param displayName the decoded display name, or an empty string when there is none
 */
public record MailAddress(String address, String displayName) {

    public MailAddress {
        address = address == null ? "" : address;
        displayName = displayName == null ? "" : displayName;
    }

    @Override
    public String toString() {
        return displayName.isEmpty() ? address : displayName + " <" + address + ">";
    }
}
