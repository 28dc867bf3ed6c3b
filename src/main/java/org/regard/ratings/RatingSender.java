package org.regard.ratings;

import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.languages.Languages;
import org.regard.ratings.RatingEvents.RatingRequested;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.TicketRow;
import org.regard.tickets.TicketStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Sends the rating requests that are due, on every node: each node leases due rows with a conditional update (so one
 * node sends each), then per row, in one transaction: still resolved, still the ticket's newest request, the team has
 * not switched requests off, the customer has an address; then the row is marked sent and
 * {@link RatingRequested} published, which the mail module turns into an outbox row in the same transaction. A node
 * that dies holding a lease leaves the row to another node once the lease lapses; nothing is sent twice, because
 * only the holder of a PENDING row can mark it sent.
 */
@Component
class RatingSender {
    private static final Logger log = LoggerFactory.getLogger(RatingSender.class);
    /** The languages the request's texts exist in. */
    static final Set<String> TEXT_LANGUAGES = Set.of("en", "fr", "de", "vi");
    static final Duration LEASE = Duration.ofMinutes(2);

    private final RatingStore store;
    private final RatingLinks links;
    private final TicketQueries tickets;
    private final Customers customers;
    private final Languages languages;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String holder = "node-" + UUID.randomUUID();

    RatingSender(RatingStore store, RatingLinks links, TicketQueries tickets, Customers customers, Languages languages,
                 MessageSource messages, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.links = links;
        this.tickets = tickets;
        this.customers = customers;
        this.languages = languages;
        this.messages = messages;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${regard.ratings.send-interval:2s}", initialDelayString = "${regard.ratings.send-interval:2s}")
    void scheduled() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            log.warn("Sending rating requests failed; trying again shortly", e);
        }
    }

    /** Sends what is due now; how many requests went to the outbox. */
    int sendDue() {
        List<Long> claimed = store.claimDue(holder, clock.instant(), LEASE, 50);
        int sent = 0;
        for (long id : claimed) {
            Boolean done = tx.execute(status -> sendOne(id));
            if (Boolean.TRUE.equals(done)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean sendOne(long id) {
        Rating request = store.find(id).orElse(null);
        if (request == null || !"PENDING".equals(request.state())) {
            return false;
        }
        Optional<TicketRow> ticket = tickets.ticket(request.ticketId());
        if (ticket.isEmpty() || ticket.get().status() != TicketStatus.RESOLVED) {
            store.markSkipped(id, holder, "not_resolved");
            return false;
        }
        if (store.newerExists(request)) {
            store.markSkipped(id, holder, "superseded");
            return false;
        }
        if (store.setting(request.teamId()).map(s -> !s.enabled()).orElse(false)) {
            store.markSkipped(id, holder, "switched_off");
            return false;
        }
        Optional<CustomerView> customer = customers.customer(ticket.get().customerId());
        Optional<String> address = customer.flatMap(CustomerView::primaryEmail);
        if (address.isEmpty()) {
            store.markSkipped(id, holder, "no_address");
            return false;
        }
        String language = languageOf(customer.get().language());
        Locale locale = Locale.forLanguageTag(language);
        String subject = messages.getMessage("ratings.mail.subject", new Object[]{ticket.get().subject(), String.valueOf(request.ticketId())}, locale);
        String body = messages.getMessage("ratings.mail.body", new Object[]{
                customer.get().name() == null ? "" : customer.get().name(), ticket.get().subject(),
                links.link(id, request.ticketId(), Score.GOOD), links.link(id, request.ticketId(), Score.OKAY),
                links.link(id, request.ticketId(), Score.BAD), String.valueOf(request.ticketId())}, locale);
        if (!store.markSent(id, holder, customer.get().id(), address.get(), language, clock.instant())) {
            return false;
        }
        events.publishEvent(new RatingRequested(id, request.ticketId(), request.teamId(), address.get(), language,
                subject.replaceAll("[\\r\\n\\t]+", " "), body));
        return true;
    }

    /** The customer's language if the texts exist in it, else the desk's first configured one that has them, else English. */
    String languageOf(String customerLanguage) {
        String own = customerLanguage == null ? null : Locale.forLanguageTag(customerLanguage).getLanguage();
        if (own != null && TEXT_LANGUAGES.contains(own)) {
            return own;
        }
        return languages.configured().stream().filter(TEXT_LANGUAGES::contains).findFirst().orElse("en");
    }

    Instant now() {
        return clock.instant();
    }
}
