package org.regard.mail.intake;

import org.regard.mail.MailSettings;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.regard.mail.intake.InboundProcessor.InboundRow;
import org.regard.mail.parsing.RawHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Reads one mailbox over IMAP while this node holds its lease. Each cycle: fetch every message not yet seen (in UID
 * order, in batches of up to 50 messages or 4 MB, each batch in one FETCH), store each one ({@link InboundStore},
 * committed, held for this node's pool), only then mark the batch seen on the server (one STORE), and queue its
 * messages for processing ({@link ConversationQueue}); then wait for new mail (IMAP IDLE where the server offers it,
 * at most the poll interval) or sleep the poll interval. Problems are recorded on the mailbox, and the reader retries
 * with backoff.
 */
final class MailboxReader {
    private static final Logger log = LoggerFactory.getLogger(MailboxReader.class);
    private static final int CONNECT_TIMEOUT_MS = 20_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final Duration IDLE_CAP = Duration.ofSeconds(25);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** Messages fetched in one command: at most this many, and at most {@link #BATCH_BYTES} unless a message is larger alone. */
    private static final int BATCH = 50;
    private static final int BATCH_BYTES = 4 * 1024 * 1024;

    /** What every reader shares. */
    record Parts(Mailboxes mailboxes, MailSettings settings, InboundStore store, InboundProcessor processor,
                 ConversationQueue queue, MailLeases leases, ScheduledExecutorService timer, IntakeNode node) {
    }

    private final long mailboxId;
    private final Parts parts;
    private final java.util.function.Consumer<MailboxReader> onExit;
    private final String leaseName;
    private volatile boolean stopping;
    private volatile Thread thread;
    private volatile IMAPFolder idling;
    private Store store;
    private Folder folder;
    private int connectedVersion = -1;

    MailboxReader(long mailboxId, Parts parts, java.util.function.Consumer<MailboxReader> onExit) {
        this.mailboxId = mailboxId;
        this.parts = parts;
        this.onExit = onExit;
        this.leaseName = "imap:" + mailboxId;
    }

    void start() {
        thread = Thread.ofVirtual().name("mail-reader-" + mailboxId).start(this::run);
    }

    boolean alive() {
        Thread t = thread;
        return t != null && t.isAlive() && !stopping;
    }

    void stop() {
        stopping = true;
        wake();
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    void join(Duration timeout) {
        Thread t = thread;
        if (t != null) {
            try {
                t.join(timeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration backoff = Duration.ofSeconds(2);
        try {
            while (!stopping) {
                Optional<Mailbox> mailbox = parts.mailboxes().find(mailboxId);
                if (mailbox.isEmpty() || !mailbox.get().canReceive() || !parts.settings().intake()) {
                    break;
                }
                if (!parts.leases().hold(leaseName, parts.node().name(), MailIntake.lease(parts.settings()))) {
                    break; // another node reads this mailbox; the supervisor asks again later
                }
                try {
                    connect(mailbox.get());
                    String problem = fetch();
                    parts.mailboxes().recordCheck(mailboxId, problem);
                    backoff = Duration.ofSeconds(2);
                    waitForMail();
                } catch (Exception e) {
                    if (stopping) {
                        break;
                    }
                    String error = "IMAP: " + InboundProcessor.shortly(e);
                    log.warn("Mailbox {} could not be read: {}", mailboxId, error);
                    close();
                    recordQuietly(error);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } finally {
            close();
            try {
                parts.leases().release(leaseName, parts.node().name());
            } catch (RuntimeException e) {
                log.debug("Lease {} not released: {}", leaseName, e.toString());
            }
            onExit.accept(this);
        }
    }

    private void connect(Mailbox mailbox) throws MessagingException {
        if (store != null && store.isConnected() && folder != null && folder.isOpen() && connectedVersion == mailbox.version()) {
            return;
        }
        close();
        Mailboxes.Connection c = parts.mailboxes().connection(mailboxId, Mailbox.Protocol.IMAP)
                .orElseThrow(() -> new MessagingException("the mailbox has no IMAP server"));
        String protocol = c.security() == Mailbox.Security.TLS ? "imaps" : "imap";
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", c.host());
        p.put(prefix + "port", String.valueOf(c.port()));
        p.put(prefix + "connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.put(prefix + "timeout", String.valueOf(READ_TIMEOUT_MS));
        p.put(prefix + "writetimeout", String.valueOf(READ_TIMEOUT_MS));
        p.put(prefix + "peek", "true");
        // one FETCH per message: the whole message is kept anyway, and servers that rebuild a message for every partial
        // fetch (some do) would otherwise spend minutes on one large message
        p.put(prefix + "partialfetch", "false");
        if (c.security() == Mailbox.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (c.security() != Mailbox.Security.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        Session session = Session.getInstance(p);
        store = session.getStore(protocol);
        store.connect(c.host(), c.port(), c.username(), c.password() == null ? "" : c.password());
        folder = store.getFolder(c.folder() == null || c.folder().isBlank() ? "INBOX" : c.folder());
        folder.open(Folder.READ_WRITE);
        connectedVersion = mailbox.version();
    }

    /** Fetches the unseen messages; returns the problem to show on the mailbox (an over-size message), or null. */
    private String fetch() throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        if (unseen.length == 0) {
            return null;
        }
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.SIZE);
        folder.fetch(unseen, profile);
        UIDFolder uids = (UIDFolder) folder;
        Message[] ordered = Arrays.copyOf(unseen, unseen.length);
        Arrays.sort(ordered, Comparator.comparingLong(m -> {
            try {
                return uids.getUID(m);
            } catch (MessagingException e) {
                return Long.MAX_VALUE;
            }
        }));
        OwnMailboxes own = OwnMailboxes.of(parts.mailboxes().all());
        long max = parts.settings().maxMessageSize().toBytes();
        String problem = null;
        List<Message> batch = new ArrayList<>();
        long batchBytes = 0;
        for (Message message : ordered) {
            if (stopping) {
                break;
            }
            if (message.isExpunged()) {
                continue;
            }
            int size = message.getSize();
            if (size > max) {
                problem = "A message of " + size + " bytes is larger than the limit of " + max
                        + " bytes; it was left on the server unread (UID " + uids.getUID(message) + ").";
                log.warn("Mailbox {}: {}", mailboxId, problem);
                continue;
            }
            if (!batch.isEmpty() && (batch.size() >= BATCH || batchBytes + size > BATCH_BYTES)) {
                take(batch, own);
                batch.clear();
                batchBytes = 0;
            }
            batch.add(message);
            batchBytes += Math.max(size, 0);
        }
        if (!batch.isEmpty() && !stopping) {
            take(batch, own);
        }
        return problem;
    }

    /**
     * Takes a batch in: its bytes in one FETCH, each message stored and committed ({@link InboundStore}), then all of
     * them marked seen in one STORE (only now: they are safe in the database), then queued for processing.
     */
    private void take(List<Message> batch, OwnMailboxes own) throws MessagingException {
        Map<Integer, ByteArray> bodies = bodies(batch);
        List<Message> stored = new ArrayList<>();
        List<Runnable> queue = new ArrayList<>();
        InboundStore.Hold hold = new InboundStore.Hold(parts.node().name(), parts.processor().lease());
        for (Message message : batch) {
            ByteArray body = bodies.get(message.getMessageNumber());
            if (body == null) {
                continue; // expunged meanwhile
            }
            byte[] buffer = body.getBytes();
            int start = body.getStart();
            int length = body.getCount();
            InboundStore.Stored row = parts.store().store(mailboxId, buffer, start, length, hold);
            stored.add(message);
            Set<String> keys = RawHeaders.of(buffer, start, start + length).conversationKeys();
            if (row.isNew()) {
                // the worker parses the message where it lies in the fetch buffer: a large one is never copied
                InboundRow fresh = InboundRow.fresh(row.id(), mailboxId, row.dedupKey(), buffer, start, start + length);
                queue.add(() -> submit(row.id(), keys, length, () -> parts.processor().process(fresh, own)));
            } else {
                // stored before (fetched again after a crash): whoever holds it, or the sweep, processes it
                queue.add(() -> submit(row.id(), keys, 0, () -> parts.processor().process(row.id(), own)));
            }
        }
        bodies.clear();
        if (!stored.isEmpty()) {
            folder.setFlags(stored.toArray(Message[]::new), new Flags(Flags.Flag.SEEN), true);
        }
        for (Runnable submission : queue) {
            if (stopping) {
                return; // the rest is stored and held: it goes to the sweep when the hold lapses
            }
            submission.run();
        }
        parts.leases().hold(leaseName, parts.node().name(), MailIntake.lease(parts.settings()));
    }

    /** Queues one stored message, waiting while the pool is full and keeping this mailbox's lease meanwhile. */
    private void submit(long inboundId, Set<String> keys, long heldBytes, Runnable task) {
        try {
            while (!stopping && !parts.queue().submit(inboundId, keys, heldBytes, Duration.ofSeconds(2), task)) {
                if (parts.queue().holds(inboundId) || !parts.queue().isRunning()) {
                    return; // already in hand, or shutting down: the hold lapses and the sweep takes it
                }
                parts.leases().hold(leaseName, parts.node().name(), MailIntake.lease(parts.settings()));
            }
        } catch (InterruptedException e) {
            stopping = true;
            Thread.currentThread().interrupt();
        }
    }

    /** The raw bytes of a batch, in one FETCH of {@code BODY.PEEK[]} (not marking them seen): message number to bytes. */
    private Map<Integer, ByteArray> bodies(List<Message> batch) throws MessagingException {
        int[] numbers = batch.stream().mapToInt(Message::getMessageNumber).toArray();
        Map<Integer, ByteArray> bodies = new HashMap<>();
        ((IMAPFolder) folder).doCommand(protocol -> {
            Response[] responses = protocol.fetch(MessageSet.createMessageSets(numbers), "BODY.PEEK[]");
            for (Response response : responses) {
                if (response instanceof FetchResponse fetched) {
                    BODY body = fetched.getItem(BODY.class);
                    if (body != null && body.getByteArray() != null) {
                        bodies.put(fetched.getNumber(), body.getByteArray());
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return null;
        });
        return bodies;
    }

    /** The longest a reader waits between two looks at its mailbox. */
    static Duration idleCap(MailSettings settings) {
        Duration poll = settings.pollInterval();
        return poll.compareTo(IDLE_CAP) > 0 ? IDLE_CAP : poll;
    }

    private void waitForMail() throws MessagingException {
        Duration cap = idleCap(parts.settings());
        if (stopping) {
            return;
        }
        if (folder instanceof IMAPFolder imap && store instanceof IMAPStore imapStore && imapStore.hasCapability("IDLE")) {
            ScheduledFuture<?> wake = parts.timer().schedule(this::wake, cap.toMillis(), TimeUnit.MILLISECONDS);
            idling = imap;
            try {
                imap.idle(true);
            } finally {
                idling = null;
                wake.cancel(false);
            }
        } else {
            sleep(cap);
        }
    }

    /** Ends an IDLE in progress: any command on the folder makes the IDLE stop first. */
    private void wake() {
        IMAPFolder imap = idling;
        if (imap != null) {
            try {
                imap.doCommand(protocol -> {
                    protocol.noop();
                    return null;
                });
            } catch (MessagingException | RuntimeException e) {
                log.debug("Mailbox {}: wake-up failed: {}", mailboxId, e.toString());
            }
        }
    }

    private void recordQuietly(String error) {
        try {
            parts.mailboxes().recordCheck(mailboxId, error);
        } catch (RuntimeException e) {
            log.debug("Mailbox {}: check not recorded: {}", mailboxId, e.toString());
        }
    }

    private void close() {
        try {
            if (folder != null && folder.isOpen()) {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
        try {
            if (store != null) {
                store.close();
            }
        } catch (MessagingException | RuntimeException ignored) {
            // closing a broken connection
        }
        folder = null;
        store = null;
        connectedVersion = -1;
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            stopping = true;
            Thread.currentThread().interrupt();
        }
    }
}
