package org.regard.mail.outbox;

import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.mail.MailSettings;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.tickets.Channel;
import org.regard.tickets.ReplyChannel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Email as the channel of replies: a reply goes out by email, whatever channel the ticket came in by, when a mailbox
 * that can send serves the ticket (the one the customer last wrote to, else the team's) and the customer has an
 * address. Otherwise it is recorded only, and the reason says which of the two is missing.
 * <p>
 * Also says which replies are <em>stuck</em>: still waiting after the mail server refused or did not answer (a retry
 * is due), waiting long past their time (no sender picks them up), out of attempts, or of uncertain fate. A reply the
 * server rejected for good on its first attempt is failed, not stuck: its message says so.
 */
@Component
@Transactional(readOnly = true)
public class MailReplyChannel implements ReplyChannel {
    /** A queued reply this long past its time is stuck even before its first attempt: no sender takes it. */
    static final Duration OVERDUE = Duration.ofMinutes(5);
    private static final int TICKETS_LISTED = 20;

    private final Outbox outbox;
    private final Customers customers;
    private final NamedParameterJdbcTemplate jdbc;
    private final MailSettings settings;
    private final Clock clock;

    MailReplyChannel(Outbox outbox, Customers customers, NamedParameterJdbcTemplate jdbc, MailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.customers = customers;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Destination destinationOf(ReplyTarget target) {
        Optional<Mailbox> mailbox = outbox.sendingMailbox(target.ticketId(), target.teamId());
        if (mailbox.isEmpty()) {
            return Destination.recordedOnly(Obstacle.NO_MAILBOX);
        }
        Optional<CustomerView> customer = customers.customer(target.customerId());
        Optional<String> address = customer.flatMap(CustomerView::primaryEmail);
        if (address.isEmpty()) {
            return Destination.recordedOnly(Obstacle.NO_ADDRESS);
        }
        Mailbox from = mailbox.get();
        return new Destination(Channel.EMAIL, from.id(), from.address(), from.displayName(), address.get(),
                customer.get().name(), null);
    }

    /** The condition on {@code mail_outbox o} that makes a reply stuck; parameters {@code max} and {@code overdue}. */
    static final String STUCK = """
            o.kind = 'REPLY' and (o.state = 'UNCERTAIN' or (o.state = 'FAILED' and o.attempts >= :max)
                or (o.state in ('QUEUED', 'SENDING') and (o.attempts > 0 or o.send_after < :overdue)))""";

    /** The same rule for one reply, as the ticket page sees it. */
    static boolean stuck(String state, int attempts, Instant sendAfter, int maxAttempts, Instant now) {
        return switch (state) {
            case "UNCERTAIN" -> true;
            case "FAILED" -> attempts >= maxAttempts;
            case "QUEUED", "SENDING" -> attempts > 0 || (sendAfter != null && sendAfter.isBefore(now.minus(OVERDUE)));
            default -> false;
        };
    }

    @Override
    public StuckReplies stuckReplies(Collection<Long> teamIds) {
        if (teamIds != null && teamIds.isEmpty()) {
            return StuckReplies.NONE;
        }
        MapSqlParameterSource params = parameters();
        String teams = "";
        if (teamIds != null) {
            teams = " and mb.team_id in (:teams)";
            params.addValue("teams", teamIds);
        }
        List<long[]> rows = jdbc.query("select o.ticket_id, count(*) from mail_outbox o join mailbox mb on mb.id = o.mailbox_id where "
                        + STUCK + teams + " group by o.ticket_id order by max(o.id) desc", params,
                (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
        int count = rows.stream().mapToInt(r -> (int) r[1]).sum();
        List<Long> tickets = new ArrayList<>();
        rows.stream().limit(TICKETS_LISTED).forEach(r -> tickets.add(r[0]));
        return count == 0 ? StuckReplies.NONE : new StuckReplies(count, tickets);
    }

    /** Stuck replies by the mailbox they go out from, for the mailboxes page. */
    public Map<Long, Integer> stuckByMailbox() {
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.query("select o.mailbox_id, count(*) from mail_outbox o where o.mailbox_id is not null and " + STUCK
                + " group by o.mailbox_id", parameters(), rs -> {
            counts.put(rs.getLong(1), rs.getInt(2));
        });
        return counts;
    }

    /** Whether a reply in this state is stuck now. */
    public boolean stuck(String state, int attempts, Instant sendAfter) {
        return stuck(state, attempts, sendAfter, settings.maxAttempts(), clock.instant());
    }

    private MapSqlParameterSource parameters() {
        return new MapSqlParameterSource().addValue("max", settings.maxAttempts())
                .addValue("overdue", Timestamp.from(clock.instant().minus(OVERDUE)));
    }
}
