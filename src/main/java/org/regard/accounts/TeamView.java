package org.regard.accounts;

/** A team as other modules see it. */
public record TeamView(long id, String name) {
}
