package org.regard.accounts;

import org.regard.text.LocalNames;

/**
 * A team as other modules see it. {@link #name()} is its name in the language of the request being answered (the
 * agent's page language; the API's English), falling back to the base name an admin gave; {@link #baseName()} is that
 * base name, which the team is looked up and audited by.
 */
public record TeamView(long id, LocalNames names) {

    public TeamView(long id, String name) {
        this(id, LocalNames.of(name));
    }

    /** The name in the reader's language. */
    public String name() {
        return names.current();
    }

    public String baseName() {
        return names.base();
    }
}
