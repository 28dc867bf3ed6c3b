package org.regard.mail.intake;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The bounded pool behind the store: stored messages are processed here, several at a time, while the readers go on
 * fetching.
 * <p>
 * <b>Ordering rule.</b> Each message comes with its conversation keys (its Message-ID, the ids it answers, its
 * sender's address: {@link org.regard.mail.parsing.RawHeaders#conversationKeys()}). A message starts only after every
 * message submitted before it that shares a key with it has finished, successfully or not. So the messages of one
 * thread, and all messages of one sender, reach their tickets in the order they arrived, and a reply is never
 * processed before the message it answers; messages that share nothing run side by side.
 * <p>
 * <b>Bounds.</b> {@code regard.mail.intake-workers} threads (default 4 on PostgreSQL, 1 on H2) process; at most
 * {@code regard.mail.intake-queue} messages (default 200) wait, and at most 32 MB of their bytes are held in memory;
 * beyond that {@link #submit} blocks the reader, which then fetches no faster than the pool processes.
 * <p>
 * <b>Failures.</b> A task that fails or throws still counts as finished: the next message of its conversation goes
 * on (the failed one is retried later by the sweep), and one bad message holds up nothing but its own retry.
 */
@Component
class ConversationQueue implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ConversationQueue.class);
    /** Bytes of waiting messages held in memory (in KiB permits); a larger message waits for the whole budget. */
    static final int MEMORY_BUDGET_KIB = 32 * 1024;

    private final ExecutorService workers;
    private final Semaphore waiting;
    private final Semaphore memory = new Semaphore(MEMORY_BUDGET_KIB);
    private final Map<String, CompletableFuture<Void>> lastOfKey = new HashMap<>();
    private final Set<Long> inFlight = new HashSet<>();
    private volatile boolean running;

    ConversationQueue(@Value("${regard.mail.intake-workers:4}") int workers,
                      @Value("${regard.mail.intake-queue:200}") int queue) {
        this.workers = Executors.newFixedThreadPool(Math.max(1, workers), Thread.ofPlatform().name("mail-intake-", 1).daemon().factory());
        this.waiting = new Semaphore(Math.max(1, queue));
    }

    /**
     * The pool Regard runs with: {@code regard.mail.intake-workers} threads when set, else 4 on PostgreSQL and 1 on
     * the embedded H2. One, because H2 2.5 was caught losing a committed row from a primary-key index when the process
     * was killed while several intake transactions were committing at once (the row is found by a table scan, not by
     * its id; every later insert of its customer's address then fails). Processing one message at a time on H2 is
     * what the kill test has always proved; H2 serves small desks, and still gains the batched fetch and store.
     */
    @Autowired
    ConversationQueue(@Value("${regard.mail.intake-workers:0}") int workers,
                      @Value("${regard.mail.intake-queue:200}") int queue, DataSource database) {
        this(workers > 0 ? workers : embedded(database) ? 1 : 4, queue);
    }

    private static boolean embedded(DataSource database) {
        try (Connection connection = database.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("mail intake: the database cannot be reached", e);
        }
    }

    /**
     * Queues the processing of stored row {@code inboundId} behind the earlier messages that share one of its
     * {@code keys}. Waits (at most {@code patience}) for room in the queue; returns false, queuing nothing, when there
     * was none or the row is already queued or running here.
     *
     * @param heldBytes how many bytes of message the task keeps in memory until it runs (0 when it reads them itself)
     */
    boolean submit(long inboundId, Set<String> keys, long heldBytes, Duration patience, Runnable task) throws InterruptedException {
        int kib = (int) Math.min(MEMORY_BUDGET_KIB, (heldBytes + 1023) / 1024);
        synchronized (this) {
            if (!running || inFlight.contains(inboundId)) {
                return false;
            }
        }
        if (!waiting.tryAcquire(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        if (!memory.tryAcquire(kib, patience.toMillis(), TimeUnit.MILLISECONDS)) {
            waiting.release();
            return false;
        }
        synchronized (this) {
            if (!running || !inFlight.add(inboundId)) {
                waiting.release();
                memory.release(kib);
                return false;
            }
            List<CompletableFuture<Void>> before = new ArrayList<>();
            for (String key : keys) {
                CompletableFuture<Void> last = lastOfKey.get(key);
                if (last != null) {
                    before.add(last);
                }
            }
            CompletableFuture<Void> mine = CompletableFuture.allOf(before.toArray(CompletableFuture[]::new))
                    .thenRunAsync(() -> runQuietly(inboundId, task), workers);
            for (String key : keys) {
                lastOfKey.put(key, mine);
            }
            mine.whenComplete((done, failure) -> finished(inboundId, keys, mine, kib));
            return true;
        }
    }

    /** True while row {@code inboundId} waits or runs in this queue. */
    synchronized boolean holds(long inboundId) {
        return inFlight.contains(inboundId);
    }

    private static void runQuietly(long inboundId, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            log.warn("Inbound mail {} left for the sweep: {}", inboundId, InboundProcessor.shortly(e));
        }
    }

    private synchronized void finished(long inboundId, Set<String> keys, CompletableFuture<Void> mine, int kib) {
        for (String key : keys) {
            lastOfKey.remove(key, mine);
        }
        inFlight.remove(inboundId);
        memory.release(kib);
        waiting.release();
    }

    @Override
    public synchronized void start() {
        running = true;
    }

    @Override
    public void stop() {
        synchronized (this) {
            running = false;
        }
        workers.shutdown();
        try {
            // a message cut short here is still stored: its hold lapses and a sweep processes it
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the readers (which submit here) and before the database goes away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2;
    }
}
