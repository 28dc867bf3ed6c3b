package org.regard.search;

import org.regard.procedures.Procedures;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Indexes, once the application has started, the procedures that are not retired and have no search document yet
 * (published before search found procedures). Procedures are few (tens, hundreds): one read of the list, one of the
 * procedure documents, then only the missing ones are read whole; documents written live meanwhile are left alone.
 */
@Component
class ProcedureBackfill {
    private final Procedures procedures;
    private final SearchStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ProcedureBackfill(Procedures procedures, SearchStore store, JdbcClient jdbc, PlatformTransactionManager txManager) {
        this.procedures = procedures;
        this.store = store;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
    }

    @EventListener(ApplicationReadyEvent.class)
    void indexMissing() {
        tx.executeWithoutResult(status -> {
            Set<Long> indexed = new HashSet<>(jdbc.sql("select ref_id from search_document where kind = 'PROCEDURE'")
                    .query(Long.class).list());
            List<Long> missing = procedures.all().stream().filter(p -> !p.retired() && !indexed.contains(p.id()))
                    .map(Procedures.ProcedureSummary::id).toList();
            if (!missing.isEmpty()) {
                store.putAllNew(procedures.searchable(missing).stream().map(SearchIndexer::procedureDocument).toList());
            }
        });
    }
}
