package org.regard.mail.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConversationQueueTest {
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final ConversationQueue queue = new ConversationQueue(4, 10);
    private final List<String> done = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        queue.start();
    }

    @AfterEach
    void stop() {
        queue.stop();
    }

    @Test
    void aReplyWaitsForTheMessageItAnswersEvenWhenThatOneIsSlow() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        queue.submit(1, Set.of("id:a", "from:ann@example.test"), 0, PATIENCE, () -> {
            hold(release);
            done.add("first");
        });
        queue.submit(2, Set.of("id:b", "id:a", "from:bob@example.test"), 0, PATIENCE, () -> done.add("reply"));

        assertThat(queue.holds(2)).isTrue();
        assertThat(done).isEmpty();
        release.countDown();
        await().atMost(PATIENCE).until(() -> done.size() == 2);
        assertThat(done).containsExactly("first", "reply");
    }

    @Test
    void messagesOfOneSenderKeepTheirOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        queue.submit(1, Set.of("id:x1", "from:ann@example.test"), 0, PATIENCE, () -> {
            hold(release);
            done.add("x1");
        });
        queue.submit(2, Set.of("id:x2", "from:ann@example.test"), 0, PATIENCE, () -> done.add("x2"));
        queue.submit(3, Set.of("id:x3", "from:ann@example.test"), 0, PATIENCE, () -> done.add("x3"));
        release.countDown();
        await().atMost(PATIENCE).until(() -> done.size() == 3);
        assertThat(done).containsExactly("x1", "x2", "x3");
    }

    @Test
    void anUnrelatedMessageDoesNotWaitForABlockedOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        queue.submit(1, Set.of("id:slow", "from:ann@example.test"), 0, PATIENCE, () -> {
            hold(release);
            done.add("slow");
        });
        queue.submit(2, Set.of("id:other", "from:bob@example.test"), 0, PATIENCE, () -> done.add("other"));
        await().atMost(PATIENCE).until(() -> done.contains("other"));
        assertThat(done).containsExactly("other");
        release.countDown();
        await().atMost(PATIENCE).until(() -> done.size() == 2);
    }

    @Test
    void aFailingMessageLetsTheNextOfItsConversationGoOn() throws Exception {
        queue.submit(1, Set.of("id:bad", "from:ann@example.test"), 0, PATIENCE, () -> {
            throw new IllegalStateException("cannot read it");
        });
        queue.submit(2, Set.of("id:next", "id:bad", "from:ann@example.test"), 0, PATIENCE, () -> done.add("next"));
        await().atMost(PATIENCE).until(() -> done.contains("next"));
        await().atMost(PATIENCE).until(() -> !queue.holds(1) && !queue.holds(2));
    }

    @Test
    void aRowAlreadyInHandIsNotQueuedTwice() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        assertThat(queue.submit(7, Set.of("id:seven"), 0, PATIENCE, () -> hold(release))).isTrue();
        assertThat(queue.submit(7, Set.of("id:seven"), 0, PATIENCE, () -> done.add("twice"))).isFalse();
        release.countDown();
        await().atMost(PATIENCE).until(() -> !queue.holds(7));
        assertThat(done).isEmpty();
    }

    @Test
    void aFullQueueRefusesAfterItsPatienceAndTakesMoreOnceRoomIsFree() throws Exception {
        ConversationQueue small = new ConversationQueue(1, 2);
        small.start();
        try {
            CountDownLatch release = new CountDownLatch(1);
            assertThat(small.submit(1, Set.of("a"), 0, PATIENCE, () -> hold(release))).isTrue();
            assertThat(small.submit(2, Set.of("b"), 0, PATIENCE, () -> done.add("b"))).isTrue();
            assertThat(small.submit(3, Set.of("c"), 0, Duration.ofMillis(50), () -> done.add("c"))).isFalse();
            release.countDown();
            assertThat(small.submit(3, Set.of("c"), 0, PATIENCE, () -> done.add("c"))).isTrue();
            await().atMost(PATIENCE).until(() -> done.size() == 2);
        } finally {
            small.stop();
        }
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
