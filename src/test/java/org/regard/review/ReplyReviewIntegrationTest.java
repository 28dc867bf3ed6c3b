package org.regard.review;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.mail.outbox.Outbox;
import org.regard.support.Eventually;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TestMailServer;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.bearer;

/**
 * A reply held for review never reaches the customer before a reviewer approves it, whichever way it was written
 * (composer, API, twice), whatever happens meanwhile (the undo window passing, the sender running again after a crash,
 * an administrator changing who is held); once approved it goes out once, with the text the reviewer approved. Nobody
 * approves their own reply, only reviewers decide, and only for the teams they see.
 */
@IntegrationTest
class ReplyReviewIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    ApiClient api;
    TeamView team;
    TestAgent author;
    TestAgent reviewer;
    String address;
    long ticketId;

    /** When the test began: the event publications it set off are the ones since. */
    Instant started;

    @BeforeEach
    void setUp() {
        started = Instant.now();
        api = new ApiClient(port);
        team = data.team("review");
        author = data.agent(Role.AGENT, team);
        reviewer = data.agent(Role.AGENT, team);
        jdbc.sql("update agent set reviewer = true where id = ?").param(reviewer.id()).update();
        mailbox(team);
        address = TestData.unique("claire") + "@" + TestData.unique("home") + ".test";
        CustomerView customer = customers.findOrCreate(address, "Claire Martin");
        ticketId = tickets.open(new OpenTicket(customer.id(), "Refund for order 1042", "Where is my refund?", Channel.EMAIL,
                team.id(), null, null, null), author.principal()).ticketId();
    }

    @Test
    void aProbationersReplyWaitsUntilAReviewerApprovesItAndOnlyTheApprovedTextGoesOutOnce() throws Exception {
        onProbation(author);
        String token = data.apiToken(author);
        var posted = api.post("/api/v1/tickets/" + ticketId + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "Your refund left today.", "status", "waiting")).send();
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        JsonNode message = posted.json();
        long messageId = message.get("id").asLong();
        assertThat(message.get("review").get("state").asString()).isEqualTo("pending");
        assertThat(message.get("review").get("reasons").get(0).asString()).isEqualTo("probation");
        assertThat(message.get("delivery").isNull()).isTrue();
        assertNothingLeft(messageId);

        var ticket = api.get("/api/v1/tickets/" + ticketId).auth(bearer(token)).send().json();
        assertThat(ticket.get("status").asString()).as("the status waits for the approval").isNotEqualTo("waiting");
        assertThat(ticket.get("touches").get("out").asInt()).as("a held reply is no touch").isZero();

        String reviewerToken = data.apiToken(reviewer);
        var queue = api.get("/api/v1/reviews?state=pending").auth(bearer(reviewerToken)).send();
        assertThat(queue.status()).isEqualTo(200);
        JsonNode review = find(queue.json(), messageId);
        assertThat(review.get("kind").asString()).isEqualTo("reply");
        assertThat(review.get("ticketId").asLong()).isEqualTo(ticketId);
        assertThat(review.get("author").get("id").asLong()).isEqualTo(author.id());
        assertThat(review.get("waitingSince").isNull()).isFalse();
        long reviewId = review.get("id").asLong();

        // the author may not approve their own reply, even as a reviewer
        jdbc.sql("update agent set reviewer = true where id = ?").param(author.id()).update();
        var own = api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(token)).json(Map.of()).send();
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.contentType()).startsWith("application/problem+json");
        assertThat(own.json().get("reason").asString()).isEqualTo("own-work");
        assertThat(own.json().get("detail").asString()).contains("own work");
        // a colleague who is no reviewer may not either; a reviewer of another team does not even find it
        TestAgent colleague = data.agent(Role.AGENT, team);
        var notReviewer = api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(data.apiToken(colleague))).json(Map.of()).send();
        assertThat(notReviewer.status()).isEqualTo(403);
        assertThat(notReviewer.json().get("reason").asString()).isEqualTo("not-reviewer");
        TestAgent stranger = data.agent(Role.AGENT, data.team("elsewhere"));
        jdbc.sql("update agent set reviewer = true where id = ?").param(stranger.id()).update();
        String strangerToken = data.apiToken(stranger);
        assertThat(api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(strangerToken)).json(Map.of()).send().status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/reviews/" + reviewId).auth(bearer(strangerToken)).send().status()).isEqualTo(404);
        assertThat(find(api.get("/api/v1/reviews").auth(bearer(strangerToken)).send().json(), messageId)).isNull();
        assertNothingLeft(messageId);

        var approved = api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(reviewerToken))
                .json(Map.of("body", "Your refund of 42 EUR left today.")).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("state").asString()).isEqualTo("approved");
        assertThat(approved.json().get("editedText").asString()).isEqualTo("Your refund of 42 EUR left today.");
        assertThat(outboxBodies(messageId)).containsExactly("Your refund of 42 EUR left today.");

        var twice = api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(reviewerToken)).json(Map.of()).send();
        assertThat(twice.status()).isEqualTo(409);
        assertThat(outboxBodies(messageId)).as("approving twice sends nothing twice").hasSize(1);
        assertThat(tickets.releaseHeldReply(messageId, null, data.accounts().actor(reviewer.principal())))
                .as("releasing an approved reply again does nothing").isFalse();
        assertThat(outboxBodies(messageId)).hasSize(1);

        JsonNode sent = api.get("/api/v1/tickets/" + ticketId + "/messages/" + messageId).auth(bearer(token)).send().json();
        assertThat(sent.get("body").asString()).isEqualTo("Your refund of 42 EUR left today.");
        assertThat(sent.get("review").get("state").asString()).isEqualTo("approved");
        assertThat(sent.get("review").get("reviewer").get("id").asLong()).isEqualTo(reviewer.id());
        assertThat(sent.get("review").get("originalBody").asString()).isEqualTo("Your refund left today.");
        assertThat(sent.get("direction").asString()).isEqualTo("outbound");
        ticket = api.get("/api/v1/tickets/" + ticketId).auth(bearer(token)).send().json();
        assertThat(ticket.get("status").asString()).isEqualTo("waiting");
        assertThat(ticket.get("touches").get("out").asInt()).isEqualTo(1);

        Eventually.until(() -> !mailTo(address).isEmpty(), "the approved reply to reach the customer");
        // its row is sent; whatever else were due for the ticket, a sender round run now would send it: still one
        Eventually.until(() -> "SENT".equals(jdbc.sql("select state from mail_outbox where outbox_key = ?")
                .param("reply:" + messageId).query(String.class).single()), "the reply's row marked sent");
        Eventually.windowPassed(jdbc, ticketId);
        Eventually.sendDueMail(context);
        List<MimeMessage> arrived = mailTo(address);
        assertThat(arrived).hasSize(1);
        String content = text(arrived.getFirst());
        assertThat(content).contains("Your refund of 42 EUR left today.").doesNotContain("Your refund left today.");
        assertThat(arrived.getFirst().getSubject()).isEqualTo("Re: Refund for order 1042 [#" + ticketId + "]");

        // the author sees what the reviewer changed
        WebSession session = WebSession.signedIn(port, author.email(), author.password());
        String page = session.get("/tickets/" + ticketId).body();
        assertThat(page).contains("review-diff-" + messageId, "Your refund left today.", "Your refund of 42 EUR left today.");
    }

    @Test
    void aReplyTheAuthorAskedToHaveReviewedIsReturnedRevisedResubmittedAndApprovedAsRevised() throws Exception {
        WebSession session = WebSession.signedIn(port, author.email(), author.password());
        String key = TestData.unique("k");
        for (int i = 0; i < 2; i++) {
            var posted = session.post("/tickets/" + ticketId + "/replies", "body", "We will refund you.", "nextStatus", "WAITING",
                    "submissionKey", key, "mode", "reply", "askReview", "true");
            assertThat(posted.status()).isEqualTo(302);
        }
        List<Long> replies = replies();
        assertThat(replies).as("a double submit writes one reply").hasSize(1);
        long messageId = replies.getFirst();
        assertThat(reviewRounds(messageId)).as("and one review").isEqualTo(1);
        String page = session.get("/tickets/" + ticketId).body();
        assertThat(page).contains("data-review-state=\"pending\"", "the author asked for a review");
        assertThat(session.get("/inbox?view=ALL").body()).contains("review-mark-" + ticketId);
        assertNothingLeft(messageId);

        String reviewerToken = data.apiToken(reviewer);
        long reviewId = find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId).get("id").asLong();
        var blank = api.post("/api/v1/reviews/" + reviewId + "/return").auth(bearer(reviewerToken)).json(Map.of("comment", "  ")).send();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        var returned = api.post("/api/v1/reviews/" + reviewId + "/return").auth(bearer(reviewerToken))
                .json(Map.of("comment", "Say when the refund arrives.")).send();
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.json().get("state").asString()).isEqualTo("returned");
        assertNothingLeft(messageId);

        page = session.get("/tickets/" + ticketId).body();
        assertThat(page).contains("data-review-state=\"returned\"", "Say when the refund arrives.", "resubmit-" + messageId);
        assertThat(session.get("/inbox?view=ALL").body()).contains("review-returned-" + ticketId);
        // only the author resubmits
        WebSession other = WebSession.signedIn(port, reviewer.email(), reviewer.password());
        assertThat(other.post("/tickets/" + ticketId + "/replies/" + messageId + "/resubmit", "body", "Mine now").status()).isEqualTo(403);
        var resubmitted = session.post("/tickets/" + ticketId + "/replies/" + messageId + "/resubmit",
                "body", "We refund you: it reaches your account within 3 days.", "nextStatus", "WAITING");
        assertThat(resubmitted.status()).isEqualTo(302);
        assertThat(reviewRounds(messageId)).isEqualTo(2);
        JsonNode second = find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId);
        assertThat(second.get("round").asInt()).isEqualTo(2);
        assertThat(second.get("summary").asString()).isEqualTo("We refund you: it reaches your account within 3 days.");
        assertNothingLeft(messageId);

        var approved = api.post("/api/v1/reviews/" + second.get("id").asLong() + "/approve").auth(bearer(reviewerToken)).send();
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(outboxBodies(messageId)).containsExactly("We refund you: it reaches your account within 3 days.");
        assertThat(session.get("/tickets/" + ticketId).body()).contains("data-review-state=\"approved\"")
                .doesNotContain("review-diff-" + messageId);
    }

    @Test
    void nothingHeldLeavesWhenTheUndoWindowPassesNorWhenTheSenderAndTheEventsRunAgainAfterACrash() throws Exception {
        onProbation(author);
        long messageId = tickets.reply(ticketId, "Held through a crash.", null, TestData.unique("k"), author.principal()).messageId();
        // no undo timer: there is nothing to take back from the outbox
        assertThatThrownBy(() -> outbox.undo(messageId, author.principal())).isInstanceOf(NoSuchElementException.class);
        // the reply's listeners are done, the undo window is past for anything the ticket queued, the sender runs
        Eventually.untilEventsHandled(jdbc, started);
        Eventually.windowPassed(jdbc, ticketId);
        Eventually.sendDueMail(context);
        assertNothingLeft(messageId);
        // as after a restart: the sender runs again and every incomplete event publication is handed out again
        context.getBean(IncompleteEventPublications.class).resubmitIncompletePublicationsOlderThan(Duration.ZERO);
        Eventually.untilEventsHandled(jdbc, started);
        Eventually.windowPassed(jdbc, ticketId);
        Eventually.sendDueMail(context);
        assertNothingLeft(messageId);
        assertThat(mailTo(address)).isEmpty();
        assertThat(queries.conversationText(ticketId, 10_000)).doesNotContain("Held through a crash.");
    }

    @Test
    void anAdministratorEndingTheProbationWhileAReplyWaitsDoesNotReleaseItButTheNextReplyGoesOut() throws Exception {
        onProbation(author);
        long held = tickets.reply(ticketId, "Written on probation.", null, TestData.unique("k"), author.principal()).messageId();
        // an administrator ends the probation (and makes the author a reviewer) while the reply waits
        String adminToken = data.apiToken(data.agent(Role.ADMIN));
        var changed = api.patch("/api/v1/agents/" + author.id()).auth(bearer(adminToken))
                .raw("{\"probationUntil\": null, \"reviewer\": true}", "application/json").send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertNothingLeft(held);
        long next = tickets.reply(ticketId, "Written after it.", null, TestData.unique("k"), author.principal()).messageId();
        assertThat(outboxBodies(next)).containsExactly("Written after it.");
        assertNothingLeft(held);
        var review = queries.detail(ticketId, author.principal()).messages().stream().filter(m -> m.id() == held).findFirst().orElseThrow();
        assertThat(review.review().pending()).isTrue();
        assertThat(queries.detail(ticketId, author.principal()).messages().stream().filter(m -> m.id() == next).findFirst()
                .orElseThrow().review()).isNull();
    }

    @Test
    void aWordsRuleHoldsAReplyAndDeletingTheRuleWhileItWaitsReleasesNothing() throws Exception {
        String adminToken = data.apiToken(data.agent(Role.ADMIN));
        var rule = api.post("/api/v1/review-rules").auth(bearer(adminToken))
                .json(Map.of("kind", "words", "words", List.of("compensation"), "team", team.id())).send();
        assertThat(rule.status()).as(rule.toString()).isEqualTo(201);
        long ruleId = rule.json().get("id").asLong();
        var posted = api.post("/api/v1/tickets/" + ticketId + "/messages").auth(bearer(data.apiToken(author)))
                .json(Map.of("kind", "reply", "body", "We offer a Compensation of 10 EUR.")).send();
        assertThat(posted.status()).isEqualTo(201);
        long messageId = posted.json().get("id").asLong();
        assertThat(posted.json().get("review").get("reasons").get(0).asString()).isEqualTo("words:compensation");
        assertThat(api.delete("/api/v1/review-rules/" + ruleId).auth(bearer(adminToken)).send().status()).isEqualTo(204);
        // whatever the deletion set off has run, the undo window is past for the ticket's mail, and the sender has run
        Eventually.untilEventsHandled(jdbc, started);
        Eventually.windowPassed(jdbc, ticketId);
        Eventually.sendDueMail(context);
        assertNothingLeft(messageId);
        long reviewId = find(api.get("/api/v1/reviews").auth(bearer(data.apiToken(reviewer))).send().json(), messageId).get("id").asLong();
        assertThat(api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(data.apiToken(reviewer))).send().status()).isEqualTo(200);
        assertThat(outboxBodies(messageId)).containsExactly("We offer a Compensation of 10 EUR.");
    }

    @Test
    void anApprovalWhoseHeldStatusTheTicketCannotTakeAnyMoreSendsNothingAndLeavesTheReviewPending() throws Exception {
        onProbation(author);
        long messageId = tickets.reply(ticketId, "We wait for your photos.", org.regard.tickets.TicketStatus.WAITING,
                TestData.unique("k"), author.principal()).messageId();
        // a colleague resolves the ticket while the reply waits: it cannot become "waiting" with the reply any more
        tickets.update(ticketId, new org.regard.tickets.TicketCommands.UpdateTicket(org.regard.tickets.TicketStatus.RESOLVED,
                null, null, null, null, null, null), reviewer.principal());
        String reviewerToken = data.apiToken(reviewer);
        long reviewId = find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId).get("id").asLong();
        var refused = api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(reviewerToken)).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertNothingLeft(messageId);
        assertThat(api.get("/api/v1/reviews/" + reviewId).auth(bearer(reviewerToken)).send().json().get("state").asString())
                .isEqualTo("pending");
        // the reviewer returns it instead; its author may then choose another status
        assertThat(api.post("/api/v1/reviews/" + reviewId + "/return").auth(bearer(reviewerToken))
                .json(Map.of("comment", "The ticket is resolved: send it without 'waiting'.")).send().status()).isEqualTo(200);
        assertNothingLeft(messageId);
    }

    @Test
    void theAuthorWithdrawsAHeldReplyAndItLeavesTheQueue() throws Exception {
        onProbation(author);
        long messageId = tickets.reply(ticketId, "Second thoughts.", null, TestData.unique("k"), author.principal()).messageId();
        String reviewerToken = data.apiToken(reviewer);
        long reviewId = find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId).get("id").asLong();
        WebSession session = WebSession.signedIn(port, author.email(), author.password());
        WebSession other = WebSession.signedIn(port, reviewer.email(), reviewer.password());
        assertThat(other.post("/tickets/" + ticketId + "/replies/" + messageId + "/withdraw-held").status()).isEqualTo(403);
        assertThat(session.post("/tickets/" + ticketId + "/replies/" + messageId + "/withdraw-held").status()).isEqualTo(302);
        assertThat(replies()).isEmpty();
        assertThat(find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId)).isNull();
        // the round stays as withdrawn: a reviewer who decides it now is told so, and nothing is sent
        var late = api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(reviewerToken)).send();
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("state").asString()).isEqualTo("withdrawn");
        assertThat(other.post("/reviews/" + reviewId + "/approve").status()).isEqualTo(302);
        assertThat(other.get("/reviews/" + reviewId).body()).contains("Its author withdrew this work while you were deciding",
                "Withdrawn by its author");
        assertNothingLeft(messageId);
    }

    @Test
    void overTheApiOnlyTheAuthorResubmitsAReturnedReplyOrWithdrawsAHeldOne() throws Exception {
        onProbation(author);
        String authorToken = data.apiToken(author);
        String reviewerToken = data.apiToken(reviewer);
        long messageId = tickets.reply(ticketId, "First try.", null, TestData.unique("k"), author.principal()).messageId();
        String base = "/api/v1/tickets/" + ticketId + "/messages/" + messageId;
        // still waiting: nothing to resubmit
        var early = api.post(base + "/resubmit").auth(bearer(authorToken)).json(Map.of("body", "Second try.")).send();
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().get("state").asString()).isEqualTo("pending");
        long reviewId = find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId).get("id").asLong();
        assertThat(api.post("/api/v1/reviews/" + reviewId + "/return").auth(bearer(reviewerToken))
                .json(Map.of("comment", "Name the order.")).send().status()).isEqualTo(200);

        // someone else (a reviewer of the team), a blank text, another ticket's address: refused, nothing changed
        var notMine = api.post(base + "/resubmit").auth(bearer(reviewerToken)).json(Map.of("body", "Mine now.")).send();
        assertThat(notMine.status()).as(notMine.toString()).isEqualTo(403);
        assertThat(notMine.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
        var blank = api.post(base + "/resubmit").auth(bearer(authorToken)).json(Map.of("body", "  ")).send();
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("body");
        long otherTicket = tickets.open(new OpenTicket(customers.findOrCreate(address, "Claire Martin").id(), "Another", "Hello",
                Channel.EMAIL, team.id(), null, null, null), author.principal()).ticketId();
        assertThat(api.post("/api/v1/tickets/" + otherTicket + "/messages/" + messageId + "/resubmit").auth(bearer(authorToken))
                .json(Map.of("body", "Wrong ticket.")).send().status()).isEqualTo(404);
        assertThat(reviewRounds(messageId)).isEqualTo(1);

        var resubmitted = api.post(base + "/resubmit").auth(bearer(authorToken))
                .json(Map.of("body", "Order 1042 is refunded.", "status", "waiting")).send();
        assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
        assertThat(resubmitted.json().get("body").asString()).isEqualTo("Order 1042 is refunded.");
        assertThat(resubmitted.json().get("review").get("state").asString()).isEqualTo("pending");
        assertThat(resubmitted.json().get("review").get("round").asInt()).isEqualTo(2);
        assertThat(find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId).get("summary").asString())
                .isEqualTo("Order 1042 is refunded.");
        assertNothingLeft(messageId);

        // withdrawing: not by someone else; by its author, once; a reply that went out cannot be withdrawn here
        assertThat(api.post(base + "/withdraw").auth(bearer(reviewerToken)).send().status()).isEqualTo(403);
        var withdrawn = api.post(base + "/withdraw").auth(bearer(authorToken)).send();
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("body").asString()).isEqualTo("Order 1042 is refunded.");
        assertThat(replies()).isEmpty();
        assertThat(find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), messageId)).isNull();
        assertThat(api.post(base + "/withdraw").auth(bearer(authorToken)).send().status()).isEqualTo(404);
        assertNothingLeft(messageId);

        long sent = tickets.reply(ticketId, "Approved soon.", null, TestData.unique("k"), author.principal()).messageId();
        long sentReview = find(api.get("/api/v1/reviews").auth(bearer(reviewerToken)).send().json(), sent).get("id").asLong();
        assertThat(api.post("/api/v1/reviews/" + sentReview + "/approve").auth(bearer(reviewerToken)).send().status()).isEqualTo(200);
        var late = api.post("/api/v1/tickets/" + ticketId + "/messages/" + sent + "/withdraw").auth(bearer(authorToken)).send();
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("state").asString()).isEqualTo("approved");
        assertThat(outboxBodies(sent)).containsExactly("Approved soon.");
    }

    /**
     * Approval locks the ticket, then the review; the author's withdrawal locks the ticket, then marks the review: the
     * same order, so racing they take turns. One wins, the other is told why (409), nothing fails and nothing is sent
     * unless the approval won.
     */
    @Test
    void anApprovalRacingTheAuthorsWithdrawalLetsOneWinAndTellsTheOtherWhy() throws Exception {
        onProbation(author);
        String authorToken = data.apiToken(author);
        String reviewerToken = data.apiToken(reviewer);
        int approvals = 0;
        int withdrawals = 0;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                long messageId = tickets.reply(ticketId, "Race " + i, null, TestData.unique("k"), author.principal()).messageId();
                long reviewId = jdbc.sql("select id from review where kind = 'reply' and subject_id = ?").param(messageId)
                        .query(Long.class).single();
                var start = new java.util.concurrent.CyclicBarrier(2);
                var approve = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/reviews/" + reviewId + "/approve").auth(bearer(reviewerToken)).send();
                });
                var withdraw = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/tickets/" + ticketId + "/messages/" + messageId + "/withdraw").auth(bearer(authorToken)).send();
                });
                var approved = approve.get(60, java.util.concurrent.TimeUnit.SECONDS);
                var withdrawn = withdraw.get(60, java.util.concurrent.TimeUnit.SECONDS);
                String round = "round " + i + ": approve " + approved + " / withdraw " + withdrawn;
                if (approved.status() == 200) {
                    approvals++;
                    assertThat(withdrawn.status()).as(round).isEqualTo(409);
                    assertThat(withdrawn.json().get("state").asString()).as(round).isEqualTo("approved");
                    assertThat(outboxBodies(messageId)).as(round).containsExactly("Race " + i);
                    assertThat(replies()).as(round).contains(messageId);
                } else {
                    withdrawals++;
                    assertThat(approved.status()).as(round).isEqualTo(409);
                    assertThat(approved.json().get("state").asString()).as(round).isEqualTo("withdrawn");
                    assertThat(withdrawn.status()).as(round).isEqualTo(200);
                    assertThat(replies()).as(round).doesNotContain(messageId);
                    assertNothingLeft(messageId);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        org.slf4j.LoggerFactory.getLogger(getClass()).info("approve vs withdraw: {} approvals won, {} withdrawals won", approvals, withdrawals);
        assertThat(approvals + withdrawals).isEqualTo(20);
    }

    @Test
    void aReplyNothingHoldsGoesOutAsBeforeWithoutAReview() {
        String token = data.apiToken(author);
        var posted = api.post("/api/v1/tickets/" + ticketId + "/messages").auth(bearer(token))
                .json(Map.of("kind", "reply", "body", "Straight out.")).send();
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("review").isNull()).isTrue();
        assertThat(outboxBodies(posted.json().get("id").asLong())).containsExactly("Straight out.");
    }

    @Test
    void theReviewPagesShowTheQueueToItsTeamAndLetOnlyAnotherReviewerDecide() throws Exception {
        onProbation(author);
        long messageId = tickets.reply(ticketId, "Draft the reviewer corrects.", null, TestData.unique("k"), author.principal()).messageId();
        long reviewId = jdbc.sql("select id from review where kind = 'reply' and subject_id = ?").param(messageId).query(Long.class).single();

        WebSession mine = WebSession.signedIn(port, author.email(), author.password());
        assertThat(mine.get("/reviews").body()).contains("review-row-" + reviewId, "nav-reviews")
                .as("the gesture limits are for leads and administrators").doesNotContain("nav-gesture-limits");
        // the held reply on the ticket page links to its review, through its message (tickets know no review ids)
        assertThat(mine.get("/tickets/" + ticketId).body()).contains("review-link-" + messageId, "/reviews/reply/" + messageId);
        var toReview = mine.get("/reviews/reply/" + messageId);
        assertThat(toReview.status()).isEqualTo(302);
        assertThat(toReview.redirectPath()).isEqualTo("/reviews/" + reviewId);
        String own = mine.get("/reviews/" + reviewId).body();
        assertThat(own).contains("review-refusal", "nobody approves their own work").doesNotContain("id=\"review-approve\"");
        assertThat(mine.post("/reviews/" + reviewId + "/approve").status()).isEqualTo(403);

        TestAgent colleague = data.agent(Role.AGENT, team);
        WebSession plain = WebSession.signedIn(port, colleague.email(), colleague.password());
        assertThat(plain.get("/reviews/" + reviewId).body()).contains("review-refusal").doesNotContain("id=\"review-return\"");
        assertThat(plain.post("/reviews/" + reviewId + "/return", "comment", "No.").status()).isEqualTo(403);

        TestAgent stranger = data.agent(Role.LEAD, data.team("elsewhere"));
        WebSession outsider = WebSession.signedIn(port, stranger.email(), stranger.password());
        assertThat(outsider.get("/reviews").body()).doesNotContain("review-row-" + reviewId);
        assertThat(outsider.get("/reviews/" + reviewId).status()).isEqualTo(404);
        assertThat(outsider.get("/reviews/reply/" + messageId).status()).isEqualTo(404);
        assertThat(outsider.get("/inbox").body()).contains("nav-gesture-limits", "/gestures/limits");
        assertThat(outsider.post("/reviews/" + reviewId + "/approve").status()).isEqualTo(404);
        assertNothingLeft(messageId);

        WebSession checker = WebSession.signedIn(port, reviewer.email(), reviewer.password());
        String page = checker.get("/reviews/" + reviewId).body();
        assertThat(page).contains("Refund for order 1042", "Draft the reviewer corrects.", "review-approve-changes", "review-no-checklist");
        var empty = checker.post("/reviews/" + reviewId + "/return", "comment", " ");
        assertThat(empty.status()).isEqualTo(302);
        assertThat(checker.get(empty.redirectPath()).body()).contains("the comment is empty");
        var approved = checker.post("/reviews/" + reviewId + "/approve", "body", "The corrected reply.", "withChanges", "true");
        assertThat(approved.status()).isEqualTo(302);
        assertThat(outboxBodies(messageId)).containsExactly("The corrected reply.");
        var again = checker.post("/reviews/" + reviewId + "/approve", "body", "Once more.", "withChanges", "true");
        assertThat(checker.get(again.redirectPath()).body()).contains("decided this review already");
        assertThat(outboxBodies(messageId)).containsExactly("The corrected reply.");
        assertThat(checker.get("/reviews/" + reviewId).body()).contains("review-round-1", "The corrected reply.");
        // the ticket's history says who held, who approved
        assertThat(mine.get("/tickets/" + ticketId).body()).contains("approved with changes", "held for review");
    }

    private void onProbation(TestAgent agent) {
        jdbc.sql("update agent set probation_until = ? where id = ?")
                .params(java.sql.Date.valueOf(java.time.LocalDate.now().plusDays(30)), agent.id()).update();
    }

    /** No outbox row, no envelope, no search document: nothing of the reply has left or been announced. */
    private void assertNothingLeft(long messageId) {
        assertThat(jdbc.sql("select count(*) from mail_outbox where outbox_key = ? or ticket_message_id = ?")
                .params("reply:" + messageId, messageId).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_message where ticket_message_id = ?").param(messageId)
                .query(Long.class).single()).isZero();
    }

    private List<String> outboxBodies(long messageId) {
        return jdbc.sql("select body from mail_outbox where outbox_key = ?").param("reply:" + messageId).query(String.class).list();
    }

    private int reviewRounds(long messageId) {
        return jdbc.sql("select count(*) from review where kind = 'reply' and subject_id = ?").param(messageId)
                .query(Integer.class).single();
    }

    private List<Long> replies() {
        return jdbc.sql("select id from message where ticket_id = ? and kind = 'REPLY' order by id").param(ticketId)
                .query(Long.class).list();
    }

    private static JsonNode find(JsonNode reviews, long messageId) {
        for (JsonNode r : reviews) {
            if (r.get("subjectId").asLong() == messageId) {
                return r;
            }
        }
        return null;
    }

    private static List<MimeMessage> mailTo(String address) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
                var to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
                if (to != null && java.util.Arrays.stream(to).anyMatch(a -> a.toString().contains(address))) {
                    found.add(m);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** Every text part of a message, joined. */
    static String text(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return part.isMimeType("text/plain") ? part.getContent().toString() : "";
    }

    private Mailbox mailbox(TeamView team) {
        var smtp = new Mailboxes.ServerForm("127.0.0.1", TestMailServer.smtpPort(), Mailbox.Security.NONE, null, null, null);
        return mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("help") + "@" + TestData.unique("desk") + ".test",
                "Help Desk " + TestData.unique("d"), team.id(), null, smtp, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
    }
}
