package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * What an agent has typed in a ticket's composer and not sent yet, kept on the server as they type (one draft per agent
 * and ticket), so that it comes back after a reload, a crash or on another device. Only its author ever sees it; an
 * agent keeps drafts only on tickets they may work on. Writing the reply, note or call deletes it in the same
 * transaction ({@link MessageWriting}); a save that arrives after its own submission was written is dropped, so a slow
 * save cannot bring back text already sent.
 */
@Service
public class Drafts {
    /** The composer's modes a draft remembers. */
    public static final Set<String> MODES = Set.of("reply", "note", "contact");

    private final JdbcClient jdbc;
    private final TicketAccess access;
    private final TicketRows rows;
    private final TransactionTemplate tx;
    private final Clock clock;

    Drafts(JdbcClient jdbc, TicketAccess access, TicketRows rows, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.rows = rows;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A saved draft: the composer's mode, the text, and when it was saved. */
    public record Draft(String mode, String body, Instant savedAt) {
    }

    /** What became of a save. */
    public enum Saved {
        /** The draft holds the text now. */
        SAVED,
        /** The text was empty: there is no draft any more. */
        CLEARED,
        /** The submission this text belongs to was written already: nothing was kept. */
        ALREADY_SENT
    }

    /** The agent's draft on the ticket, if any; fails like the ticket page for a ticket they may not see. */
    public Optional<Draft> of(long ticketId, AgentPrincipal agent) {
        requireWorkOn(ticketId, access.actor(agent), "");
        return jdbc.sql("select mode, body, saved_at from ticket_draft where ticket_id = ? and agent_id = ?")
                .params(ticketId, agent.id())
                .query((rs, n) -> new Draft(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).optional();
    }

    /**
     * Keeps what the agent typed as their draft on the ticket. {@code submissionKey} is the composer's: when a message
     * with it is on the ticket already, this save came late and is dropped. Blank text removes the draft.
     */
    public Saved save(long ticketId, String mode, String body, String submissionKey, AgentPrincipal agent) {
        if (mode == null || !MODES.contains(mode)) {
            throw new InvalidInput("mode", "must be one of " + MODES);
        }
        if (body != null && body.length() > Tickets.MAX_BODY) {
            throw new InvalidInput("body", "must be at most " + Tickets.MAX_BODY + " characters long (it has " + body.length() + ")");
        }
        Actor actor = access.actor(agent);
        String key = TicketInput.scopedKey(submissionKey, actor);
        return tx.execute(status -> write(ticketId, mode, body, key, actor));
    }

    private Saved write(long ticketId, String mode, String body, String key, Actor actor) {
        // under the ticket's row lock, like the reply's own write: either the reply was written (and its key is found
        // here) or it has not begun (and it will see this draft and delete it); never a draft left behind a sent reply.
        // Two tabs of one agent take turns here too, so the update-else-insert cannot race itself.
        long agentId = actor.agentId();
        requireWorkOn(ticketId, actor, " for update");
        if (key != null && rows.messageBySubmission(ticketId, key).isPresent()) {
            return Saved.ALREADY_SENT;
        }
        if (body == null || body.isBlank()) {
            forget(ticketId, agentId);
            return Saved.CLEARED;
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("update ticket_draft set mode = ?, body = ?, saved_at = ? where ticket_id = ? and agent_id = ?")
                .params(mode, body, now, ticketId, agentId).update();
        if (updated == 0) {
            jdbc.sql("insert into ticket_draft (ticket_id, agent_id, mode, body, saved_at) values (?, ?, ?, ?, ?)")
                    .params(ticketId, agentId, mode, body, now).update();
        }
        return Saved.SAVED;
    }

    /** Drafts are kept only on tickets their author may work on: another team's ticket is refused like its page. */
    private void requireWorkOn(long ticketId, Actor actor, String lock) {
        long teamId = jdbc.sql("select team_id from ticket where id = ?" + lock).param(ticketId).query(Long.class).optional()
                .orElseThrow(() -> new TicketNotFound(ticketId));
        if (!access.mayWorkIn(actor, teamId)) {
            throw new TicketForbidden(ticketId);
        }
    }

    /** Throws the agent's draft on the ticket away. */
    public void discard(long ticketId, AgentPrincipal agent) {
        requireWorkOn(ticketId, access.actor(agent), "");
        forget(ticketId, agent.id());
    }

    private void forget(long ticketId, long agentId) {
        jdbc.sql("delete from ticket_draft where ticket_id = ? and agent_id = ?").params(ticketId, agentId).update();
    }
}
