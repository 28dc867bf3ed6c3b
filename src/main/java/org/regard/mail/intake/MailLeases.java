package org.regard.mail.intake;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Named leases in {@code mail_lease}: one node holds a lease (e.g. reading one mailbox) until it lapses; the holder
 * renews it while it works, and another node takes it over once it has lapsed.
 */
@Component
class MailLeases {
    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    MailLeases(JdbcClient jdbc, PlatformTransactionManager txManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(txManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Takes or renews the lease for {@code duration}; false when another holder's lease has not lapsed. */
    boolean hold(String name, String holder, Duration duration) {
        Instant now = clock.instant();
        Timestamp until = Timestamp.from(now.plus(duration));
        Integer held = ownTransaction.execute(s -> {
            jdbc.sql("insert into mail_lease (name, holder, until) values (?, ?, ?) on conflict do nothing")
                    .params(name, holder, until).update();
            return jdbc.sql("update mail_lease set holder = ?, until = ? where name = ? and (holder = ? or until < ?)")
                    .params(holder, until, name, holder, Timestamp.from(now)).update();
        });
        return held != null && held == 1;
    }

    /** Gives the lease up at once, if this holder has it. */
    void release(String name, String holder) {
        ownTransaction.executeWithoutResult(s -> jdbc.sql("delete from mail_lease where name = ? and holder = ?")
                .params(name, holder).update());
    }
}
