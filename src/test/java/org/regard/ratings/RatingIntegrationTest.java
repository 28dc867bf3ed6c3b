package org.regard.ratings;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Accounts;
import org.regard.api.ApiClient;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.ratings.RatingEvents.RatingGiven;
import org.regard.support.Eventually;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TestMailServer;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer's rating end to end: resolving queues one request mail (received by the test SMTP server with its
 * links), the link opens without an account and records on the form's POST only, the answer can be changed for seven
 * days and then expires, forged links and another ticket's links are refused, a team can switch requests off or delay
 * them, and a customer without an address is not asked.
 */
@IntegrationTest
@RecordApplicationEvents
class RatingIntegrationTest {
    static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/rating/(\\d+)/([A-Za-z0-9_-]+))\\?score=(good|okay|bad)");

    @Autowired
    Tickets tickets;
    @Autowired
    Customers customers;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RatingSender sender;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    Ratings ratings;
    @Autowired
    RatingSettings settings;
    @Autowired
    Accounts accounts;
    @Autowired
    ApplicationEvents events;
    @LocalServerPort
    int port;

    record Desk(TeamView team, TestAgent agent, Mailbox mailbox, CustomerView customer, String address) {
    }

    @Test
    void resolvingSendsOneRequestWhoseLinkRecordsOnlyOnTheFormAndMayBeChanged() throws Exception {
        Desk desk = desk("fr");
        long ticketId = emailTicket(desk, "Colis perdu");

        resolve(desk, ticketId);

        MimeMessage mail = awaitMail(desk.address(), 1).getFirst();
        assertThat(mail.getSubject()).contains("Comment avons-nous fait ?").contains("[#" + ticketId + "]");
        assertThat(mail.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        String text = plainText(mail);
        assertThat(text).contains("Bien :").contains("Correct :").contains("Mal :");
        List<Matcher> links = links(text);
        assertThat(links).extracting(m -> m.group(4)).containsExactly("good", "okay", "bad");
        long requestId = Long.parseLong(links.getFirst().group(2));
        String okayPath = links.get(1).group(1) + "?score=okay";
        assertThat(jdbc.sql("select count(*) from rating_request where ticket_id = ?").param(ticketId).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from mail_outbox where ticket_id = ? and kind = 'RATING'").param(ticketId)
                .query(Integer.class).single()).isEqualTo(1);

        // opening the link (as a mail scanner would) records nothing; the page speaks French with "okay" chosen
        WebSession customer = WebSession.anonymous(port);
        var page = customer.get(okayPath);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"fr\"").contains("Colis perdu").contains("Correct");
        assertThat(page.find("id=\"score-okay\"([^>]*checked)")).isPresent();
        assertThat(page.find("id=\"score-good\"([^>]*checked)")).isEmpty();
        assertThat(ratings.ofTicket(ticketId, desk.agent().principal())).isEmpty();

        var answered = customer.post(links.get(1).group(1), "score", "okay", "comment", "Un peu lent, mais aimable.");
        assertThat(answered.status()).isEqualTo(302);
        java.net.URI next = java.net.URI.create(answered.location());
        assertThat(next.getRawQuery()).isEqualTo("thanks");
        var thanks = customer.get(next.getRawPath() + "?thanks");
        assertThat(thanks.body()).contains("id=\"rating-thanks\"").contains("Merci !");
        Rating rating = ratings.ofTicket(ticketId, desk.agent().principal()).getFirst();
        assertThat(rating.score()).isEqualTo(Score.OKAY);
        assertThat(rating.comment()).isEqualTo("Un peu lent, mais aimable.");

        // changed within seven days, through the page, and once more (heard as an event: bad, with a comment)
        customer.get(links.get(2).group(1) + "?score=bad");
        assertThat(customer.post(links.get(2).group(1), "score", "good", "comment", "").status()).isEqualTo(302);
        assertThat(ratings.ofTicket(ticketId, desk.agent().principal()).getFirst().score()).isEqualTo(Score.GOOD);
        assertThat(jdbc.sql("select count(*) from ticket where id = ? and flag_reason is not null").param(ticketId).query(Long.class)
                .single()).as("an okay or good answer asks no lead to look").isZero();
        ratings.answer(requestId, links.get(2).group(3), "bad", "Finalement, rien n'est arrivé.");
        assertThat(jdbc.sql("select flag_reason from ticket where id = ?").param(ticketId).query(String.class).single())
                .as("a bad rating with a comment flags the ticket for its team's lead").isEqualTo("BAD_RATING");
        rating = ratings.ofTicket(ticketId, desk.agent().principal()).getFirst();
        assertThat(rating.score()).isEqualTo(Score.BAD);
        assertThat(events.stream(RatingGiven.class).filter(e -> e.requestId() == requestId).map(RatingGiven::badWithComment))
                .containsExactly(true);
        // the ticket's fragment and the API show it to the team, not to another team's agent
        WebSession agent = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        assertThat(agent.htmxGet("/tickets/" + ticketId + "/rating").body()).contains("id=\"rating-score\"");
        assertThat(agent.htmxGet("/customers/" + desk.customer().id() + "/ratings").body()).contains("card-rating-" + requestId);
        TestAgent stranger = data.agent(Role.AGENT, data.team("other"));
        WebSession other = WebSession.signedIn(port, stranger.email(), stranger.password());
        assertThat(other.htmxGet("/tickets/" + ticketId + "/rating").status()).isIn(403, 404);
        assertThat(ratings.list(null, null, null, null, 100, stranger.principal())).extracting(Rating::id).doesNotContain(requestId);
        assertThat(ratings.list(desk.team().id(), null, null, Score.BAD, 100, desk.agent().principal())).extracting(Rating::id)
                .containsExactly(requestId);

        // a scheduled run later sends nothing more for this resolution
        sender.sendDue();
        assertThat(awaitMail(desk.address(), 1)).hasSize(1);
    }

    @Test
    void afterSevenDaysTheLinkExpiresWithAClearPageAndNothingChanges() throws Exception {
        Desk desk = desk("de");
        long ticketId = emailTicket(desk, "Rechnung");
        resolve(desk, ticketId);
        List<Matcher> links = links(plainText(awaitMail(desk.address(), 1).getFirst()));
        String path = links.getFirst().group(1);
        long requestId = Long.parseLong(links.getFirst().group(2));
        ratings.answer(requestId, links.getFirst().group(3), "good", null);
        jdbc.sql("update rating_request set sent_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(7)).minusSeconds(5)), requestId).update();

        WebSession customer = WebSession.anonymous(port);
        var page = customer.get(path + "?score=bad");
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.body()).contains("id=\"rating-expired\"").contains("Dieser Link ist abgelaufen").doesNotContain("Exception");
        assertThatThrownBy(() -> ratings.answer(requestId, links.getFirst().group(3), "bad", "zu spät")).isInstanceOf(RatingExpired.class);
        assertThat(ratings.ofTicket(ticketId, desk.agent().principal()).getFirst().score()).isEqualTo(Score.GOOD);
    }

    @Test
    void forgedAlteredAndAnotherTicketsLinksAreRefused() throws Exception {
        Desk desk = desk("en");
        long first = emailTicket(desk, "First");
        long second = emailTicket(desk, "Second");
        resolve(desk, first);
        resolve(desk, second);
        List<MimeMessage> mails = awaitMail(desk.address(), 2);
        Matcher a = links(plainText(mails.get(0))).getFirst();
        Matcher b = links(plainText(mails.get(1))).getFirst();
        assertThat(a.group(2)).isNotEqualTo(b.group(2));

        WebSession customer = WebSession.anonymous(port);
        String forged = a.group(3).substring(0, a.group(3).length() - 2) + (a.group(3).endsWith("AA") ? "BB" : "AA");
        for (String path : List.of("/rating/" + a.group(2) + "/" + forged, "/rating/" + a.group(2) + "/" + b.group(3),
                "/rating/" + b.group(2) + "/" + a.group(3), "/rating/999999999/" + a.group(3), "/rating/x1/" + a.group(3))) {
            var page = customer.get(path + "?score=good");
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.body()).contains("id=\"rating-invalid\"").contains("This link is not valid").doesNotContain("Exception");
        }
        customer.get(a.group(1) + "?score=good");
        var post = customer.post("/rating/" + a.group(2) + "/" + b.group(3), "score", "bad", "comment", "forged");
        assertThat(post.status()).isEqualTo(404);
        assertThatThrownBy(() -> ratings.answer(Long.parseLong(b.group(2)), a.group(3), "bad", null)).isInstanceOf(RatingLinkRefused.class);
        assertThat(jdbc.sql("select count(*) from rating_request where ticket_id in (?, ?) and score is not null")
                .params(first, second).query(Integer.class).single()).isZero();
        // a POST without the page's CSRF token is refused too
        var bare = WebSession.anonymous(port).postAsIs(a.group(1), "score", "bad");
        assertThat(bare.status()).isEqualTo(403);
    }

    @Test
    void aTeamThatSwitchedRequestsOffSendsNothing() throws Exception {
        Instant started = Instant.now();
        Desk desk = desk("en");
        settings.change(desk.team().id(), false, 0, accounts.actor(data.admin()));
        long ticketId = emailTicket(desk, "Switched off");

        resolve(desk, ticketId);
        sender.sendDue();

        assertThat(jdbc.sql("select count(*) from rating_request where ticket_id = ?").param(ticketId).query(Integer.class).single()).isZero();
        // the resolution's listeners have run, nothing the ticket queued waits any more, and the mail sender has run
        Eventually.untilEventsHandled(jdbc, started);
        sender.sendDue();
        Eventually.windowPassed(jdbc, ticketId);
        Eventually.sendDueMail(context);
        assertThat(jdbc.sql("select count(*) from mail_outbox where ticket_id = ? and kind = 'RATING'").param(ticketId)
                .query(Integer.class).single()).isZero();
        assertThat(mailTo(desk.address())).isEmpty();
    }

    @Test
    void aDelayedRequestWaitsAndIsNotSentWhenTheTicketWasReopened() throws Exception {
        Desk desk = desk("vi");
        settings.change(desk.team().id(), true, 2, accounts.actor(data.admin()));
        long kept = emailTicket(desk, "Giao hàng");
        long reopened = emailTicket(desk, "Đổi trả");
        resolve(desk, kept);
        resolve(desk, reopened);

        sender.sendDue();
        assertThat(state(kept)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select due_epoch, resolved_at from rating_request where ticket_id = ?").param(kept)
                .query((rs, n) -> rs.getLong(1) - rs.getTimestamp(2).toInstant().getEpochSecond()).single()).isEqualTo(7200L);
        assertThat(mailTo(desk.address())).isEmpty();

        tickets.update(reopened, new UpdateTicket(TicketStatus.OPEN, null, null, null, null, null, null), desk.agent().principal());
        jdbc.sql("update rating_request set due_epoch = due_epoch - 7201 where ticket_id in (?, ?)").params(kept, reopened).update();
        await(() -> "SENT".equals(state(kept)) && "SKIPPED".equals(state(reopened)));
        MimeMessage mail = awaitMail(desk.address(), 1).getFirst();
        assertThat(mail.getSubject()).contains("Chúng tôi phục vụ thế nào?").contains("[#" + kept + "]");
        assertThat(mailTo(desk.address())).hasSize(1);
    }

    @Test
    void aCustomerWithoutAnAddressIsNotAsked() throws Exception {
        Desk desk = desk("en");
        CustomerView caller = customers.create(new Customers.NewCustomer("Phone Caller", List.of(), "en", null, null, null, null, List.of()));
        long ticketId = tickets.open(new OpenTicket(caller.id(), "Called about a bill", "Rang us.", Channel.PHONE, desk.team().id(),
                null, null, null), desk.agent().principal()).ticketId();

        resolve(desk, ticketId);

        await(() -> "SKIPPED".equals(state(ticketId)));
        assertThat(jdbc.sql("select skip_reason from rating_request where ticket_id = ?").param(ticketId).query(String.class).single())
                .isEqualTo("no_address");
        assertThat(jdbc.sql("select count(*) from mail_outbox where ticket_id = ?").param(ticketId).query(Integer.class).single()).isZero();
    }

    @Test
    void onlyTheTeamsLeadsAndAdministratorsChangeTheSettingAndBadInputChangesNothing() {
        TeamView team = data.team("rated");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent lead = data.agent(Role.LEAD, team);
        assertThatThrownBy(() -> settings.change(team.id(), false, 0, accounts.actor(agent.principal()))).isInstanceOf(RatingForbidden.class);
        assertThatThrownBy(() -> settings.change(team.id(), false, 721, accounts.actor(lead.principal())))
                .isInstanceOf(RatingInvalid.class).extracting(e -> ((RatingInvalid) e).field()).isEqualTo("delayHours");
        assertThat(settings.of(team.id(), accounts.actor(lead.principal()))).isEqualTo(new RatingSettings.Setting(team.id(), true, 0));
        settings.change(team.id(), true, 24, accounts.actor(lead.principal()));
        assertThat(settings.of(team.id(), accounts.actor(lead.principal())).delayHours()).isEqualTo(24);
    }

    @Test
    void theApiListsRatingsByTeamAndScoreAndRefusesWhatTheCallerMayNotDo() throws Exception {
        Desk desk = desk("en");
        long ticketId = emailTicket(desk, "Through the API");
        resolve(desk, ticketId);
        Matcher link = links(plainText(awaitMail(desk.address(), 1).getFirst())).getFirst();
        long requestId = Long.parseLong(link.group(2));
        ratings.answer(requestId, link.group(3), "good", "Quick and kind.");
        TestAgent lead = data.agent(Role.LEAD, desk.team());
        ApiClient api = new ApiClient(port);
        String agentToken = data.apiToken(desk.agent());

        var mine = api.get("/api/v1/ratings?team=" + desk.team().id() + "&score=good").auth(bearer(agentToken)).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains("\"id\":" + requestId).contains("\"score\":\"good\"").contains("Quick and kind.");
        assertThat(api.get("/api/v1/ratings?team=" + desk.team().id() + "&score=bad").auth(bearer(agentToken)).send().body())
                .doesNotContain("\"id\":" + requestId);
        assertThat(api.get("/api/v1/tickets/" + ticketId + "/ratings").auth(bearer(agentToken)).send().body()).contains("\"score\":\"good\"");
        var badScore = api.get("/api/v1/ratings?score=great").auth(bearer(agentToken)).send();
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.body()).contains("\"field\":\"score\"");
        TestAgent stranger = data.agent(Role.AGENT, data.team("elsewhere"));
        String strangerToken = data.apiToken(stranger);
        assertThat(api.get("/api/v1/ratings").auth(bearer(strangerToken)).send().body()).doesNotContain("\"id\":" + requestId);
        assertThat(api.get("/api/v1/tickets/" + ticketId + "/ratings").auth(bearer(strangerToken)).send().status()).isIn(403, 404);

        // the setting: the agent may not, the lead may; a delay out of range changes nothing
        var refused = api.put("/api/v1/rating-settings/" + desk.team().id()).auth(bearer(agentToken))
                .json(java.util.Map.of("enabled", false, "delayHours", 0)).send();
        assertThat(refused.status()).isEqualTo(403);
        String leadToken = data.apiToken(lead);
        var tooLong = api.put("/api/v1/rating-settings/" + desk.team().id()).auth(bearer(leadToken))
                .json(java.util.Map.of("enabled", false, "delayHours", 1000)).send();
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("\"field\":\"delayHours\"");
        assertThat(api.get("/api/v1/rating-settings/" + desk.team().id()).auth(bearer(leadToken)).send().body())
                .contains("\"enabled\":true").contains("\"delayHours\":0");
        var changed = api.put("/api/v1/rating-settings/" + desk.team().id()).auth(bearer(leadToken))
                .json(java.util.Map.of("enabled", true, "delayHours", 4)).send();
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).contains("\"delayHours\":4");
        assertThat(api.get("/api/v1/rating-settings").auth(bearer(leadToken)).send().body())
                .contains("\"teamId\":" + desk.team().id());
    }

    @Test
    void theSettingsPageIsTheLeadsAndRefusesABadDelay() {
        TeamView team = data.team("paged");
        TestAgent agent = data.agent(Role.AGENT, team);
        TestAgent lead = data.agent(Role.LEAD, team);
        assertThat(WebSession.signedIn(port, agent.email(), agent.password()).get("/ratings/settings").status()).isEqualTo(403);

        WebSession session = WebSession.signedIn(port, lead.email(), lead.password());
        var page = session.get("/ratings/settings");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rating-setting-" + team.id() + "\"");
        var bad = session.post("/ratings/settings", "team", String.valueOf(team.id()), "enabled", "true", "delayHours", "9999");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"rating-settings-error\"");
        assertThat(settings.of(team.id(), accounts.actor(lead.principal())).delayHours()).isZero();
        var saved = session.post("/ratings/settings", "team", String.valueOf(team.id()), "delayHours", "3");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(settings.of(team.id(), accounts.actor(lead.principal()))).isEqualTo(new RatingSettings.Setting(team.id(), false, 180));
    }

    // --- helpers

    Desk desk(String language) {
        TeamView team = data.team("rating");
        TestAgent agent = data.agent(Role.AGENT, team);
        var smtp = new Mailboxes.ServerForm("127.0.0.1", TestMailServer.smtpPort(), Mailbox.Security.NONE, null, null, null);
        Mailbox mailbox = mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("help") + "@" + TestData.unique("desk") + ".test",
                "Help Desk " + TestData.unique("d"), team.id(), null, smtp, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
        String address = TestData.unique("cust") + "@" + TestData.unique("home") + ".test";
        CustomerView customer = customers.create(new Customers.NewCustomer("Claire Dubois", List.of(address), language, null, null,
                null, null, List.of()));
        return new Desk(team, agent, mailbox, customer, address);
    }

    long emailTicket(Desk desk, String subject) {
        return tickets.open(new OpenTicket(desk.customer().id(), subject, "Hello, can you help?", Channel.EMAIL, desk.team().id(),
                null, null, null), desk.agent().principal()).ticketId();
    }

    void resolve(Desk desk, long ticketId) {
        tickets.update(ticketId, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), desk.agent().principal());
    }

    String state(long ticketId) {
        return jdbc.sql("select state from rating_request where ticket_id = ? order by id desc limit 1").param(ticketId)
                .query(String.class).optional().orElse(null);
    }

    static List<Matcher> links(String text) {
        List<Matcher> found = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            Matcher copy = LINK.matcher(m.group());
            assertThat(copy.matches()).isTrue();
            found.add(copy);
        }
        return found;
    }

    static String plainText(MimeMessage mail) throws Exception {
        MimeMultipart alternative = (MimeMultipart) mail.getContent();
        return ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
    }

    static List<MimeMessage> awaitMail(String address, int count) throws Exception {
        return Eventually.await(() -> {
            try {
                List<MimeMessage> found = mailTo(address);
                return found.size() >= count ? java.util.Optional.of(found) : java.util.Optional.empty();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, count + " mail(s) to " + address);
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Eventually.until(condition::getAsBoolean, "the condition");
    }

    static List<MimeMessage> mailTo(String address) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : TestMailServer.get().getReceivedMessages()) {
            Address[] to = m.getRecipients(RecipientType.TO);
            if (to != null && Arrays.stream(to).anyMatch(x -> ((InternetAddress) x).getAddress().equalsIgnoreCase(address))) {
                found.add(m);
            }
        }
        return found;
    }
}
