package org.regard.tickets.web;

/** The three things the composer can do, each posted to its own address. */
public enum ComposerMode {
    REPLY("reply", "replies"), NOTE("note", "notes"), CONTACT("contact", "contacts");

    private final String value;
    private final String path;

    ComposerMode(String value, String path) {
        this.value = value;
        this.path = path;
    }

    /** The radio value and the {@code data-mode-only} marker (see static/js/regard.js). */
    public String value() {
        return value;
    }

    /** Where this mode posts, below {@code /tickets/{id}/}. */
    public String path() {
        return path;
    }

    /** The mode with this radio value; a reply for anything else. */
    static ComposerMode of(String value) {
        for (ComposerMode m : values()) {
            if (m.value.equals(value)) {
                return m;
            }
        }
        return REPLY;
    }
}
