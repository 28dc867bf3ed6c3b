package org.regard.customers;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentView;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The history of a customer's email addresses ({@code customer_address_change}): each change, by whom and when,
 * written in the transaction of the change together with its audit entry ({@code CUSTOMER_ADDRESS_CHANGED}), so
 * where replies go never changes without a trace the team can see on the customer page and the person card.
 */
@Component
class AddressHistory {
    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final AuditLog audit;
    private final Clock clock;

    AddressHistory(JdbcClient jdbc, Accounts accounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a change of the addresses; joins the caller's transaction. */
    void record(long customerId, List<String> before, List<String> after, Actor actor) {
        String agentName = actor.agent().flatMap(accounts::agent).map(AgentView::displayName).orElse(null);
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into customer_address_change (customer_id, before_emails, after_emails, agent_id, agent_name, changed_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(customerId, String.join("\n", before), String.join("\n", after), actor.agentId(), agentName,
                        Timestamp.from(now))
                .update();
        audit.record(AuditAction.CUSTOMER_ADDRESS_CHANGED, actor.agentId(), agentName == null ? "Regard" : agentName,
                "customer", customerId, "from " + describe(before) + " to " + describe(after), clientAddress());
    }

    /** Records a merge in the audit log; joins the caller's transaction. */
    void recordMerge(long survivorId, long duplicateId, String duplicateName, List<String> movedAddresses, Actor actor,
                     String agentName) {
        audit.record(AuditAction.CUSTOMER_MERGED, actor.agentId(), agentName == null ? "Regard" : agentName, "customer",
                survivorId, "merged customer " + duplicateId + " (" + duplicateName + ", " + describe(movedAddresses)
                        + ") into customer " + survivorId, clientAddress());
    }

    /** Every change of the customer's addresses, newest first. */
    List<Customers.AddressChange> of(long customerId) {
        return jdbc.sql(SELECT + "order by id desc").param(customerId).query(AddressHistory::row).list();
    }

    /** The newest change of the customer's addresses, if any (one indexed read, for the person card). */
    Optional<Customers.AddressChange> last(long customerId) {
        return jdbc.sql(SELECT + "order by id desc limit 1").param(customerId).query(AddressHistory::row).optional();
    }

    /** Moves a merged customer's history to the survivor; the trace outlives the merged record. */
    void move(long fromCustomerId, long toCustomerId) {
        jdbc.sql("update customer_address_change set customer_id = ? where customer_id = ?")
                .params(toCustomerId, fromCustomerId).update();
    }

    private static final String SELECT = """
            select id, customer_id, before_emails, after_emails, agent_id, agent_name, changed_at
            from customer_address_change where customer_id = ?
            """;

    private static Customers.AddressChange row(ResultSet rs, int n) throws SQLException {
        return new Customers.AddressChange(rs.getLong(1), rs.getLong(2), lines(rs.getString(3)), lines(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getString(6), rs.getTimestamp(7).toInstant());
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String describe(List<String> addresses) {
        return addresses.isEmpty() ? "no address" : String.join(", ", addresses);
    }

    /** The address of the client whose request this is, or null outside a request (the demo, mail intake). */
    private static String clientAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
                ? request.getRequest().getRemoteAddr() : null;
    }
}
