package org.regard.support;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** Waits for background work (mail intake, the sender) by polling a condition until a deadline, never a fixed sleep. */
public final class Eventually {
    /** Long enough for a busy two-core machine. */
    public static final Duration DEADLINE = Duration.ofSeconds(30);

    private Eventually() {
    }

    /** The value once the probe finds one; fails saying what it waited for. */
    public static <T> T await(Supplier<Optional<T>> probe, String what) throws InterruptedException {
        return await(probe, what, DEADLINE, () -> "");
    }

    private static <T> T await(Supplier<Optional<T>> probe, String what, Duration within, Supplier<String> detail)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (Instant.now().isAfter(deadline)) {
                String more = detail.get();
                throw new AssertionError("Gave up waiting for " + what + (more.isEmpty() ? "" : "; " + more));
            }
            Thread.sleep(100);
        }
    }

    /** Returns once the condition holds; fails saying what it waited for. */
    public static void until(Supplier<Boolean> condition, String what) throws InterruptedException {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what);
    }

    /**
     * The same with its own deadline (a separate Regard process on a busy machine takes longer to start than
     * {@link #DEADLINE}), and what else to say when it gives up (asked only then).
     */
    public static void until(Supplier<Boolean> condition, String what, Duration within, Supplier<String> detail)
            throws InterruptedException {
        await(() -> condition.get() ? Optional.of(true) : Optional.empty(), what, within, detail);
    }

    /**
     * Returns once every event publication made since {@code since} was handled by its listeners (they run after the
     * commit, on other threads): what a fixed wait "for the listeners" meant, without guessing how long they take.
     */
    public static void untilEventsHandled(JdbcClient jdbc, Instant since) throws InterruptedException {
        until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null and publication_date >= ?")
                .param(Timestamp.from(since)).query(Long.class).single() == 0, "the event listeners to finish");
    }

    /**
     * Runs one round of the mail sender now, in this thread (as its schedule would): whatever is due is sent or failed
     * when this returns. The sender is the mail module's own (package-private), so it is called by name.
     */
    public static int sendDueMail(ApplicationContext context) {
        try {
            Object sender = context.getBean(Class.forName("org.regard.mail.outbox.MailSender"));
            Integer handled = ReflectionTestUtils.invokeMethod(sender, "sendDue");
            return handled == null ? 0 : handled;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The undo window (and any other wait) of a ticket's queued mail is over, as if the clock had moved on. */
    public static void windowPassed(JdbcClient jdbc, long ticketId) {
        jdbc.sql("update mail_outbox set send_after = ? where ticket_id = ? and state = 'QUEUED'")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), ticketId).update();
    }
}
