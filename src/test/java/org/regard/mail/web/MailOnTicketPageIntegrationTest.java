package org.regard.mail.web;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.NewAttachment;
import org.regard.tickets.TicketCommands.CustomerMessage;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail on the ticket page and in the API: the envelope and folded parts of a received message, its formatted version
 * in a sandboxed frame, the original, files, and where a reply's delivery stands. The mail rows are written here as
 * intake and sending would write them.
 */
@IntegrationTest
class MailOnTicketPageIntegrationTest {
    private static final String RAW = """
            From: Ana Lima <ana@example.test>\r
            To: help@example.test\r
            Subject: Printer\r
            Message-ID: <raw-1@example.test>\r
            MIME-Version: 1.0\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <p>Hello <img src="https://tracker.example.test/pixel.png" alt="pixel"></p>\r
            """;

    @LocalServerPort
    int port;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Customers customers;

    record Desk(TeamView team, TestAgent agent, TestAgent stranger, Customers.CustomerView customer) {
    }

    Desk desk() {
        TeamView team = data.team("mailui");
        TeamView other = data.team("mailui-other");
        return new Desk(team, data.agent(Role.AGENT, team), data.agent(Role.AGENT, other), data.customer("Ana Lima"));
    }

    long open(Desk desk, List<NewAttachment> files) {
        return tickets.open(new OpenTicket(desk.customer().id(), "Printer", "The printer is jammed.", Channel.EMAIL,
                desk.team().id(), null, null, UUID.randomUUID().toString(), files, false, null), desk.agent().principal()).ticketId();
    }

    long firstMessage(long ticketId, Desk desk) {
        return queries.detail(ticketId, desk.agent().principal()).messages().getFirst().id();
    }

    long inbound(String raw) {
        String key = UUID.randomUUID().toString().replace("-", "");
        jdbc.sql("insert into mail_inbound (dedup_key, message_id, raw, raw_size, received_at, state, next_attempt_at)"
                        + " values (?, ?, ?, ?, ?, 'PROCESSED', ?)")
                .params(key, "raw-1@example.test", raw.getBytes(StandardCharsets.UTF_8), raw.length(),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now()))
                .update();
        return jdbc.sql("select id from mail_inbound where dedup_key = ?").param(key).query(Long.class).single();
    }

    void mailMessage(long messageId, long ticketId, String direction, String html, boolean remote, String quoted,
                     boolean autoReply, boolean bounce, String warnings, Long inboundId) {
        jdbc.sql("insert into mail_message (ticket_message_id, ticket_id, direction, rfc_message_id, from_address, from_name,"
                        + " to_addresses, cc_addresses, subject, safe_html, has_remote_images, quoted_text, auto_reply, bounce,"
                        + " warnings, inbound_id) values (?, ?, ?, ?, 'ana@example.test', 'Ana Lima', ?, ?, 'Printer', ?, ?, ?, ?, ?, ?, ?)")
                .params(messageId, ticketId, direction, "m" + messageId + "@example.test",
                        "help@example.test\nsecond@example.test", "Boss <boss@example.test>", html, remote, quoted,
                        autoReply, bounce, warnings, inboundId)
                .update();
    }

    void outbox(long ticketId, long messageId, String state, Instant sendAfter, int attempts, Instant handedOver,
                String lastError, Instant sentAt) {
        jdbc.sql("insert into mail_outbox (outbox_key, kind, ticket_id, ticket_message_id, recipient, rfc_message_id, subject,"
                        + " body, state, send_after, attempts, handed_over_at, last_error, sent_at, created_at)"
                        + " values (?, 'REPLY', ?, ?, 'ana@example.test', ?, 'Re: Printer', 'x', ?, ?, ?, ?, ?, ?, ?)")
                .params("reply:" + messageId, ticketId, messageId, "r" + messageId + "@example.test", state,
                        Timestamp.from(sendAfter), attempts, handedOver == null ? null : Timestamp.from(handedOver), lastError,
                        sentAt == null ? null : Timestamp.from(sentAt), Timestamp.from(Instant.now()))
                .update();
    }

    /** A reply whose email side the test writes itself: what the outbox queued for it is removed first. */
    long reply(long ticketId, Desk desk, String text) {
        long id = tickets.reply(ticketId, text, null, UUID.randomUUID().toString(), desk.agent().principal()).messageId();
        jdbc.sql("delete from mail_outbox where ticket_message_id = ?").param(id).update();
        jdbc.sql("delete from mail_message where ticket_message_id = ?").param(id).update();
        return id;
    }

    @Test
    void theTicketPageShowsTheEnvelopeFoldedQuotesTheFormattedFrameAndBadges() {
        Desk desk = desk();
        long id = open(desk, List.of());
        long first = firstMessage(id, desk);
        mailMessage(first, id, "IN", "<p>Hello <b>there</b></p>", true, "> the old message\n> quoted", true, false,
                "the Date header could not be read", inbound(RAW));
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        String page = session.get("/tickets/" + id).body();

        assertThat(page).contains("Ana Lima &lt;ana@example.test&gt;", "help@example.test, second@example.test",
                "Boss &lt;boss@example.test&gt;", "Automatic reply");
        String quoted = section(page, "<details class=\"quoted\" id=\"quoted-" + first + "\"", "</details>");
        assertThat(quoted).doesNotContain(" open").contains("Show quoted text", "&gt; the old message");
        String formatted = section(page, "<details class=\"formatted\" id=\"formatted-" + first + "\"", "</details>");
        assertThat(formatted).doesNotContain(" open")
                .containsPattern("<iframe sandbox=\"\"[^>]*title=\"Formatted version of the message")
                .contains("data-src=\"/mail/messages/" + first + "/html\"")
                .contains("data-remote-images=\"/mail/messages/" + first + "/html?remote=true\"", "Show remote images");
        assertThat(page).contains("the Date header could not be read", "href=\"/mail/messages/" + first + "/raw\"");
        assertThat(page).doesNotContain("Delivery failure report");
        var headers = session.get("/tickets/" + id).headers();
        String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("frame-src 'self'", "frame-ancestors 'none'");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void theFormattedVersionRunsNoScriptAndLoadsRemoteImagesOnlyWhenAsked() {
        Desk desk = desk();
        long id = open(desk, List.of(new NewAttachment("logo.png", "image/png", "logo@x", true, new byte[]{1, 2, 3})));
        long first = firstMessage(id, desk);
        long logo = queries.detail(id, desk.agent().principal()).messages().getFirst().attachments().getFirst().id();
        mailMessage(first, id, "IN", "<p>Hi</p><img src=\"cid:logo@x\" alt=\"logo\"><img src=\"cid:missing@x\" alt=\"gone\">",
                true, "", false, false, null, inbound(RAW));
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        var html = session.get("/mail/messages/" + first + "/html");

        assertThat(html.status()).isEqualTo(200);
        String csp = html.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).startsWith("sandbox;").contains("default-src 'none'", "img-src 'self' data:", "frame-ancestors 'self'")
                .doesNotContain("script-src", "https:");
        assertThat(html.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        // the sandboxed frame has no origin of its own, so inline images travel inside the document
        assertThat(logo).isPositive();
        assertThat(html.body()).startsWith("<!DOCTYPE html>").contains("<p>Hi</p>", "src=\"data:image/png;base64,AQID\"")
                .doesNotContain("cid:", "tracker.example.test");

        var remote = session.get("/mail/messages/" + first + "/html?remote=true");
        assertThat(remote.headers().firstValue("Content-Security-Policy").orElseThrow())
                .startsWith("sandbox;").contains("img-src 'self' data: https: http:");
        assertThat(remote.body()).contains("https://tracker.example.test/pixel.png");

        WebSession stranger = WebSession.signedIn(port, desk.stranger().email(), desk.stranger().password());
        var refused = stranger.get("/mail/messages/" + first + "/html");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("<p>Hi</p>");
    }

    @Test
    void theFrameBoundsStylesAndWarnsOfDisguisedLinksInTheAgentsLanguage() {
        Desk desk = desk();
        long id = open(desk, List.of());
        long first = firstMessage(id, desk);
        // stored as a message sanitised before styles were bounded would have been
        mailMessage(first, id, "IN", "<div style=\"position:fixed;top:0;left:0;z-index:9999;width:100%;height:100%\">Sign in again</div>"
                        + "<p style=\"margin:-400px 0 0 0;color:#c00;opacity:0\">Urgent</p>"
                        + "<a href=\"https://paypal.com.evil.example/login\" rel=\"noopener noreferrer nofollow\">https://paypal.com</a> "
                        + "<a href=\"https://www.regard.example/help\" rel=\"noopener noreferrer nofollow\">regard.example</a>",
                false, "", false, false, null, null);

        var english = WebSession.signedIn(port, desk.agent().email(), desk.agent().password()).get("/mail/messages/" + first + "/html");
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.body()).contains("Sign in again", "Urgent", "style=\"color:#c00\"",
                        "https://paypal.com</a><span class=\"regard-link-warning\" role=\"note\"",
                        "⚠ Link goes to paypal.com.evil.example</span>")
                .doesNotContain("position", "z-index", "width:", "-400px", "opacity:0")
                .containsOnlyOnce("regard-link-warning");
        for (String[] language : new String[][] {{"fr", "Ce lien mène à paypal.com.evil.example"},
                {"de", "Link führt zu paypal.com.evil.example"}, {"vi", "Liên kết dẫn đến paypal.com.evil.example"}}) {
            TestAgent agent = data.agent(Role.AGENT, language[0], desk.team());
            var page = WebSession.signedIn(port, agent.email(), agent.password()).get("/mail/messages/" + first + "/html");
            assertThat(page.body()).as(language[0]).contains(language[1]).doesNotContain("Link goes to");
        }

        var refused = WebSession.signedIn(port, desk.stranger().email(), desk.stranger().password()).get("/mail/messages/" + first + "/html");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).doesNotContain("paypal.com.evil.example", "Urgent");
    }

    @Test
    void theOriginalDownloadsAsAnEmailForTheTeamOnly() {
        Desk desk = desk();
        long id = open(desk, List.of());
        long first = firstMessage(id, desk);
        mailMessage(first, id, "IN", "", false, "", false, true, "a part could not be decoded", inbound(RAW));
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        HttpResponse<byte[]> raw = session.download("/mail/messages/" + first + "/raw");

        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type").orElseThrow()).startsWith("message/rfc822");
        assertThat(raw.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).contains("Message-ID: <raw-1@example.test>");
        assertThat(session.get("/tickets/" + id).body()).contains("Delivery failure report").doesNotContain("iframe");
        assertThat(session.get("/mail/messages/" + first + "/html").status()).isEqualTo(404);
        WebSession stranger = WebSession.signedIn(port, desk.stranger().email(), desk.stranger().password());
        assertThat(stranger.download("/mail/messages/" + first + "/raw").statusCode()).isEqualTo(403);
    }

    @Test
    void filesDownloadForTheTeamAndAreRefusedToOtherTeamsOnPagesAndInTheApi() {
        Desk desk = desk();
        byte[] pdf = "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII);
        long id = open(desk, List.of(new NewAttachment("Rechnung März.pdf", "application/pdf", null, false, pdf),
                new NewAttachment("photo.png", "image/png", null, false, new byte[]{(byte) 0x89, 'P', 'N', 'G'}),
                new NewAttachment("page.html", "text/html", null, false, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))));
        var files = queries.detail(id, desk.agent().principal()).messages().getFirst().attachments();
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        assertThat(session.get("/tickets/" + id).body()).contains("href=\"/tickets/attachments/" + files.get(0).id() + "\"",
                "Rechnung März.pdf");
        HttpResponse<byte[]> pdfDownload = session.download("/tickets/attachments/" + files.get(0).id());
        assertThat(pdfDownload.statusCode()).isEqualTo(200);
        assertThat(pdfDownload.body()).isEqualTo(pdf);
        assertThat(pdfDownload.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf");
        assertThat(pdfDownload.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/octet-stream");
        assertThat(pdfDownload.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(session.download("/tickets/attachments/" + files.get(1).id()).headers().firstValue("Content-Type"))
                .hasValue("image/png");
        assertThat(session.download("/tickets/attachments/" + files.get(2).id()).headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/octet-stream");

        WebSession stranger = WebSession.signedIn(port, desk.stranger().email(), desk.stranger().password());
        assertThat(stranger.download("/tickets/attachments/" + files.get(0).id()).statusCode()).isEqualTo(403);
        assertThat(stranger.download("/tickets/attachments/999999999").statusCode()).isEqualTo(404);

        ApiClient api = new ApiClient(port);
        var mine = api.get("/api/v1/attachments/" + files.get(0).id()).auth(ApiClient.bearer(data.apiToken(desk.agent()))).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).isEqualTo(new String(pdf, StandardCharsets.US_ASCII));
        var theirs = api.get("/api/v1/attachments/" + files.get(0).id()).auth(ApiClient.bearer(data.apiToken(desk.stranger()))).send();
        assertThat(theirs.status()).isEqualTo(403);
        assertThat(theirs.header("Content-Type").orElse("")).startsWith("application/problem+json");
        var none = api.get("/api/v1/attachments/999999999").auth(ApiClient.bearer(data.apiToken(desk.agent()))).send();
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.header("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theDeliveryBadgeTellsWhereEachReplyStandsAndOffersUndoAndResendOnlyWhenTheyApply() {
        Desk desk = desk();
        long id = open(desk, List.of());
        Instant now = Instant.now();
        long queued = reply(id, desk, "Queued reply");
        outbox(id, queued, "QUEUED", now.plus(Duration.ofMinutes(5)), 0, null, null, null);
        long retrying = reply(id, desk, "Retrying reply");
        outbox(id, retrying, "QUEUED", now.plus(Duration.ofMinutes(5)), 1, null, "421 try later", null);
        long sent = reply(id, desk, "Sent reply");
        outbox(id, sent, "SENT", now.minusSeconds(60), 1, now.minusSeconds(50), null, now.minusSeconds(49));
        long failed = reply(id, desk, "Failed reply");
        outbox(id, failed, "FAILED", now.minusSeconds(60), 8, now.minusSeconds(50), "550 no such user", null);
        long uncertain = reply(id, desk, "Uncertain reply");
        outbox(id, uncertain, "UNCERTAIN", now.minusSeconds(60), 1, now.minusSeconds(50), null, null);
        for (long m : List.of(queued, retrying, sent, failed, uncertain)) {
            mailMessage(m, id, "OUT", "", false, "", false, false, null, null);
        }
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        String page = session.get("/tickets/" + id).body();

        String q = delivery(page, queued);
        assertThat(q).contains("data-state=\"QUEUED\"", "hx-trigger=\"every 2s\"", "Queued",
                "action=\"/tickets/" + id + "/replies/" + queued + "/undo\"").doesNotContain("/resend");
        assertThat(delivery(page, retrying)).contains("hx-trigger=\"every 2s\"").doesNotContain("/undo", "/resend");
        assertThat(delivery(page, sent)).contains("Sent").doesNotContain("hx-trigger", "/undo", "/resend");
        assertThat(delivery(page, failed)).contains("Not delivered", "550 no such user",
                "action=\"/tickets/" + id + "/replies/" + failed + "/resend\"").doesNotContain("hx-trigger", "/undo");
        assertThat(delivery(page, uncertain)).contains("May not have been sent", "/replies/" + uncertain + "/resend")
                .doesNotContain("/undo");

        jdbc.sql("update mail_outbox set state = 'SENDING', handed_over_at = ? where ticket_message_id = ?")
                .params(Timestamp.from(now), queued).update();
        var fragment = session.htmxGet("/tickets/" + id + "/messages/" + queued + "/delivery");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body()).contains("id=\"delivery-" + queued + "\"", "Sending", "hx-trigger=\"every 2s\"")
                .doesNotContain("/undo", "<html");
        jdbc.sql("update mail_outbox set state = 'SENT', sent_at = ? where ticket_message_id = ?").params(Timestamp.from(now), queued).update();
        assertThat(session.htmxGet("/tickets/" + id + "/messages/" + queued + "/delivery").body())
                .contains("Sent").doesNotContain("hx-trigger");

        WebSession stranger = WebSession.signedIn(port, desk.stranger().email(), desk.stranger().password());
        assertThat(stranger.htmxGet("/tickets/" + id + "/messages/" + queued + "/delivery").status()).isEqualTo(403);
    }

    @Test
    void aReplyWaitingForItsNextAttemptOffersNoUndo() {
        // (a queued row whose window has passed is the sender's at once, so the page shows it sending or sent)
        Desk desk = desk();
        long id = open(desk, List.of());
        long late = reply(id, desk, "Too late to take back");
        outbox(id, late, "QUEUED", Instant.now().plusSeconds(600), 1, null, "451 try again later", null);
        mailMessage(late, id, "OUT", "", false, "", false, false, null, null);
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        assertThat(delivery(session.get("/tickets/" + id).body(), late)).contains("Queued").doesNotContain("/undo");
    }

    @Test
    void theApiDescribesTheEmailSideOfEachMessage() {
        Desk desk = desk();
        long id = open(desk, List.of(new NewAttachment("notes.txt", "text/plain", null, false, "hi".getBytes(StandardCharsets.UTF_8))));
        long first = firstMessage(id, desk);
        mailMessage(first, id, "IN", "<p>x</p>", false, "> old", true, false, null, null);
        long replyId = reply(id, desk, "We are on it.");
        mailMessage(replyId, id, "OUT", "", false, "", false, false, null, null);
        outbox(id, replyId, "FAILED", Instant.now(), 3, Instant.now(), "550 mailbox unavailable", null);
        long note = tickets.addNote(id, "For us only", UUID.randomUUID().toString(), desk.agent().principal()).messageId();
        tickets.customerWrote(new CustomerMessage(id, "Out of office", Channel.EMAIL, UUID.randomUUID().toString(), List.of(), true, false));

        JsonNode ticket = new ApiClient(port).get("/api/v1/tickets/" + id).auth(ApiClient.bearer(data.apiToken(desk.agent()))).send().json();
        JsonNode messages = ticket.get("messages");

        JsonNode in = messages.get(0);
        assertThat(in.get("direction").asString()).isEqualTo("inbound");
        assertThat(in.get("sender").get("name").asString()).isEqualTo("Ana Lima");
        assertThat(in.get("sender").get("address").asString()).isEqualTo("ana@example.test");
        assertThat(in.get("recipients").get("to").get(1).asString()).isEqualTo("second@example.test");
        assertThat(in.get("recipients").get("cc").get(0).asString()).isEqualTo("Boss <boss@example.test>");
        assertThat(in.get("messageId").asString()).isEqualTo("m" + first + "@example.test");
        assertThat(in.get("visibleText").asString()).isEqualTo("The printer is jammed.");
        assertThat(in.get("autoReply").asBoolean()).isTrue();
        assertThat(in.get("bounce").asBoolean()).isFalse();
        assertThat(in.get("delivery").isNull()).isTrue();
        JsonNode file = in.get("attachments").get(0);
        assertThat(file.get("fileName").asString()).isEqualTo("notes.txt");
        assertThat(file.get("contentType").asString()).isEqualTo("text/plain");
        assertThat(file.get("size").asLong()).isEqualTo(2);
        assertThat(file.get("href").asString()).isEqualTo("/api/v1/attachments/" + file.get("id").asLong());

        JsonNode out = messages.get(1);
        assertThat(out.get("direction").asString()).isEqualTo("outbound");
        assertThat(out.get("delivery").get("state").asString()).isEqualTo("failed");
        assertThat(out.get("delivery").get("reason").asString()).isEqualTo("550 mailbox unavailable");
        assertThat(out.get("delivery").get("attempts").asInt()).isEqualTo(3);
        JsonNode internal = messages.get(2);
        assertThat(internal.get("id").asLong()).isEqualTo(note);
        assertThat(internal.get("direction").asString()).isEqualTo("internal");
        assertThat(internal.get("sender").isNull()).isTrue();
        assertThat(internal.get("attachments")).isEmpty();
        assertThat(messages.get(3).get("kind").asString()).isEqualTo("automated");
        assertThat(messages.get(3).get("direction").asString()).isEqualTo("inbound");

        JsonNode one = new ApiClient(port).get("/api/v1/tickets/" + id + "/messages/" + replyId)
                .auth(ApiClient.bearer(data.apiToken(desk.agent()))).send().json();
        assertThat(one.get("delivery").get("state").asString()).isEqualTo("failed");
    }

    @Test
    void thePersonCardMarksAnAddressWhoseMailCameBackWithTheReason() {
        Desk desk = desk();
        long id = open(desk, List.of());
        customers.markAddressFailing(desk.customer().emails().getFirst(), "550 5.1.1 user unknown");
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        assertThat(session.get("/tickets/" + id).body())
                .contains("class=\"badge failing-address\"", "Mail to this address came back: 550 5.1.1 user unknown");
    }

    private static String delivery(String page, long messageId) {
        return section(page, "<div id=\"delivery-" + messageId + "\"", "</div>");
    }

    private static String section(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isGreaterThanOrEqualTo(0);
        return page.substring(from, page.indexOf(end, from) + end.length());
    }
}
