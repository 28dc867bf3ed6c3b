package org.regard.gestures;

import org.regard.accounts.AgentPrincipal;
import org.regard.review.ReviewRequest;
import org.regard.review.Reviews;
import org.regard.text.TextInput;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Recording a gesture on a ticket, in one transaction: the input checked before anything is read, a submission key
 * seen before answered with the gesture it recorded, the ticket read through {@link TicketQueries#detail} (only agents
 * who may work on it; its team, customer and category are taken from it), the gesture judged against its author's
 * limit ({@link LimitRule}) and inserted standing, or pending with its request in the review queue.
 */
@Component
@Transactional
class RecordingGesture {
    /** The longest reason. */
    static final int MAX_REASON = 200;
    static final String REVIEW_KIND = "gesture";

    private final GestureStore store;
    private final TicketQueries tickets;
    private final ObjectProvider<Reviews> reviews;
    private final Clock clock;
    private final org.regard.accounts.TimeZones zones;

    RecordingGesture(GestureStore store, TicketQueries tickets, ObjectProvider<Reviews> reviews, Clock clock,
                     org.regard.accounts.TimeZones zones) {
        this.zones = zones;
        this.store = store;
        this.tickets = tickets;
        this.reviews = reviews;
        this.clock = clock;
    }

    Gestures.Recorded record(long ticketId, Gestures.NewGesture input, String submissionKey, AgentPrincipal agent) {
        Checked g = checked(input);
        String key = scopedKey(submissionKey);
        if (key != null) {
            Optional<Gesture> earlier = store.bySubmission(agent.id(), key);
            if (earlier.isPresent()) {
                return new Gestures.Recorded(earlier.get(), true);
            }
        }
        TicketDetail ticket = tickets.detail(ticketId, agent);
        long teamId = ticket.summary().teamId();
        // the tables keep microseconds: the answer says what a later read will
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Optional<GestureLimit> limit = LimitRule.applicable(store.limitsFor(agent.id(), teamId), agent.id(), teamId, g.kind());
        LimitRule.Verdict verdict = LimitRule.judge(limit, g.amount(), g.currency(),
                () -> store.used(agent.id(), g.kind(), g.currency(), monthStart(now, zones.ofTeam(teamId)),
                        monthEnd(now, zones.ofTeam(teamId))));
        GestureState state = verdict.stands() ? GestureState.STANDING : GestureState.PENDING;
        long id = store.insert(new GestureStore.NewRow(ticketId, ticket.summary().customerId(), teamId, ticket.categoryId(),
                agent.id(), g.kind(), g.amount(), g.currency(), g.reason(), state, verdict.code(), key, now));
        if (!verdict.stands()) {
            Reviews queue = reviews.getIfAvailable();
            if (queue == null) {
                throw new IllegalStateException("The review queue is not available; a gesture above its limit cannot be recorded.");
            }
            queue.request(new ReviewRequest(REVIEW_KIND, id, ticketId, teamId, agent.id(), List.of("above-limit"),
                    summary(g)));
        }
        return new Gestures.Recorded(new Gesture(id, ticketId, ticket.summary().customerId(), teamId, ticket.categoryId(),
                agent.id(), g.kind(), g.amount(), g.currency(), g.reason(), state, verdict.code(), now, null, null, null), false);
    }

    record Checked(GestureKind kind, BigDecimal amount, String currency, String reason) {
    }

    /** The input checked and cleaned, or the first field error. */
    static Checked checked(Gestures.NewGesture input) {
        GestureKind kind = GestureKind.parse(input.kind()).orElseThrow(() -> input.kind() == null || input.kind().isBlank()
                ? new GestureInvalid("kind", "is required", "gestures.error.required")
                : new GestureInvalid("kind", "must be one of " + GestureKind.keys(), "gestures.error.kind"));
        String currency = Amounts.currency(input.currency(), "currency");
        BigDecimal amount = Amounts.check(input.amount(), currency, kind.money(), "amount");
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            throw new GestureInvalid("reason", "is required", "gestures.error.required");
        }
        if (reason.length() > MAX_REASON) {
            throw new GestureInvalid("reason", "must be at most " + MAX_REASON + " characters long", "gestures.error.tooLong", MAX_REASON);
        }
        TextInput.problem(reason).ifPresent(problem -> {
            throw new GestureInvalid("reason", problem, "gestures.error.text");
        });
        return new Checked(kind, amount, currency, reason);
    }

    /** What the review queue shows: "Voucher 30.00 EUR: late delivery". */
    static String summary(Checked g) {
        return g.kind().englishName() + " " + g.amount().toPlainString() + " " + g.currency() + ": " + g.reason();
    }

    /** The first moment of the month {@code now} falls in, in the team's zone: a monthly limit counts the team's month. */
    static Instant monthStart(Instant now, java.time.ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The first moment of the next month, in the team's zone. */
    static Instant monthEnd(Instant now, java.time.ZoneId zone) {
        return YearMonth.from(now.atZone(zone)).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
    }

    /** The key as stored (unique per agent): up to 64 characters, a longer one as its digest. */
    static String scopedKey(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String k = key.strip();
        if (k.length() <= 64) {
            return k;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
