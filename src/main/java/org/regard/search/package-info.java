/**
 * Search: one box that finds tickets (by subject), messages (by body) and customers (by name, address and notes) by
 * any word, ranked by relevance, with highlighted snippets, and filtered by type, status, team, date and language.
 * <p>
 * Words are folded the same way on both databases ({@link org.regard.search.TextFolding}: case, accents, German
 * umlauts, Vietnamese diacritics, light French/German/English stemming) in Java, and kept in {@code search_document}
 * in the same transaction as the write that changed them ({@code SearchIndexer} listens to the tickets module's
 * events synchronously, to the customers module's {@code CustomerChanged} and to the procedures module's
 * {@code ProcedureEvents}: a procedure is found by its current version's texts, by every agent). PostgreSQL matches them with a GIN
 * index on a {@code tsvector}; H2 with a token table and B-tree lookups.
 * <p>
 * Public API: {@link org.regard.search.Search} and its records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search", allowedDependencies = {"tickets", "customers", "accounts", "procedures", "text"})
package org.regard.search;
