package org.regard.mail.intake;

import org.regard.mail.MailSettings;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Reads the mailboxes: one reader per active mailbox that can receive, each on its own virtual thread, and on one node
 * at a time (a lease per mailbox in {@code mail_lease}, renewed every cycle and taken over by another node when it
 * lapses). A supervisor starts readers for new or re-enabled mailboxes every few seconds; a reader stops by itself
 * when its mailbox is removed, deactivated or loses its IMAP server. {@code regard.mail.intake=false} keeps this node
 * from reading.
 */
@Component
class MailIntake implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    /**
     * How long a reader's hold on its mailbox lasts without renewal: two of its longest waits plus a margin. Short, so
     * that after a node dies another takes its mailboxes over within seconds; a reader renews it every cycle and after
     * every message (and a second reader meeting the same message changes nothing: storing is idempotent).
     */
    static Duration lease(MailSettings settings) {
        return MailboxReader.idleCap(settings).multipliedBy(2).plusSeconds(10);
    }

    private final Mailboxes mailboxes;
    private final MailSettings settings;
    private final MailboxReader.Parts parts;
    private final IntakeNode node;
    private final Map<Long, MailboxReader> readers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("mail-intake-timer").factory());
    private volatile boolean running;

    MailIntake(Mailboxes mailboxes, MailSettings settings, InboundStore store, InboundProcessor processor,
               ConversationQueue queue, MailLeases leases, IntakeNode node) {
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.node = node;
        this.parts = new MailboxReader.Parts(mailboxes, settings, store, processor, queue, leases, timer, node);
    }

    /** Starts a reader for every mailbox that should have one and has none on this node. */
    @Scheduled(initialDelayString = "${regard.mail.supervise-interval:2s}", fixedDelayString = "${regard.mail.supervise-interval:2s}")
    void supervise() {
        if (!running || !settings.intake()) {
            return;
        }
        for (Mailbox mailbox : mailboxes.all()) {
            if (!mailbox.canReceive()) {
                continue;
            }
            readers.compute(mailbox.id(), (id, current) -> {
                if (current != null && current.alive()) {
                    return current;
                }
                MailboxReader reader = new MailboxReader(id, parts, done -> readers.remove(id, done));
                reader.start();
                return reader;
            });
        }
    }

    /** The mailboxes this node reads right now. */
    java.util.Set<Long> reading() {
        return java.util.Set.copyOf(readers.keySet());
    }

    @Override
    public void start() {
        running = true;
        if (settings.intake()) {
            log.info("Mail intake on {}: reading mailboxes every {} at most", node.name(), settings.pollInterval());
        }
    }

    @Override
    public void stop() {
        running = false;
        readers.values().forEach(MailboxReader::stop);
        for (MailboxReader reader : readers.values()) {
            reader.join(Duration.ofSeconds(5));
        }
        readers.clear();
        timer.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the beans it uses (the database) go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }
}
