package org.regard.mail.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.regard.accounts.AgentPrincipal;
import org.regard.mail.MailDisplay;
import org.regard.mail.parsing.DisguisedLinks;
import org.regard.mail.parsing.StyleBounds;
import org.springframework.context.MessageSource;
import org.regard.tickets.TicketQueries;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The formatted (HTML) version of a received or sent message, served as its own small document for a sandboxed frame
 * on the ticket page, and the message exactly as received. The agent must be allowed to see the message's ticket.
 * <p>
 * The HTML was sanitised when the message arrived; the frame adds a second wall: a policy that runs no script at all
 * ({@code sandbox}), loads nothing but our own images unless the agent asked for remote images, and may only be framed
 * by our own pages. Styles stay within {@link StyleBounds}, and a link whose text shows another domain than the one it
 * goes to gets a warning in the agent's language ({@link DisguisedLinks}).
 */
@Controller
class MailMessageController {
    static final String POLICY = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
            + "frame-ancestors 'self'";
    static final String POLICY_WITH_REMOTE_IMAGES = "sandbox; default-src 'none'; img-src 'self' data: https: http:; "
            + "style-src 'unsafe-inline'; frame-ancestors 'self'";

    private final MailDisplay mail;
    private final TicketQueries queries;
    private final MessageSource messages;

    MailMessageController(MailDisplay mail, TicketQueries queries, MessageSource messages) {
        this.mail = mail;
        this.queries = queries;
        this.messages = messages;
    }

    @GetMapping("/mail/messages/{messageId}/html")
    ResponseEntity<String> html(@PathVariable long messageId, @RequestParam(name = "remote", defaultValue = "false") boolean remote,
                                @AuthenticationPrincipal AgentPrincipal agent, Locale locale) {
        long ticketId = visibleTicket(messageId, agent);
        String html = mail.html(messageId, remote).orElseThrow(() -> new NoSuchElementException("No formatted version"));
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header("Content-Security-Policy", remote ? POLICY_WITH_REMOTE_IMAGES : POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(document(frameBody(html, ticketId, messageId, agent, locale)));
    }

    @GetMapping("/mail/messages/{messageId}/raw")
    ResponseEntity<byte[]> raw(@PathVariable long messageId, @AuthenticationPrincipal AgentPrincipal agent) {
        visibleTicket(messageId, agent);
        byte[] raw = mail.raw(messageId).orElseThrow(() -> new NoSuchElementException("No raw message"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("message/rfc822"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("message-" + messageId + ".eml").build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(raw);
    }

    private long visibleTicket(long messageId, AgentPrincipal agent) {
        long ticketId = mail.ticketOf(messageId).orElseThrow(() -> new NoSuchElementException("No mail message " + messageId));
        queries.requireVisible(ticketId, agent);
        return ticketId;
    }

    /** Image types shown inline in the frame (never SVG, which can carry script). */
    private static final java.util.Set<String> INLINE_IMAGES = java.util.Set.of("image/png", "image/jpeg", "image/gif", "image/webp");
    /** Larger inline images are left out of the frame (the file is still listed with the message). */
    private static final long MAX_INLINE_IMAGE = 5L * 1024 * 1024;

    /**
     * What the frame shows of the stored HTML: styles within {@link StyleBounds} again (a message stored before the
     * bounds existed was sanitised without them), a warning in the agent's language after each link whose text shows
     * another domain than the one it goes to, and the message's own images inlined.
     */
    private String frameBody(String html, long ticketId, long messageId, AgentPrincipal agent, Locale locale) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        for (Element styled : doc.body().select("[style]")) {
            String style = StyleBounds.bound(styled.attr("style"));
            if (style.isEmpty()) {
                styled.removeAttr("style");
            } else {
                styled.attr("style", style);
            }
        }
        DisguisedLinks.mark(doc.body(), host -> messages.getMessage("mail.frame.disguisedLink", new Object[] {host}, locale));
        if (html.toLowerCase(Locale.ROOT).contains("cid:")) {
            inlineOwnImages(doc, ticketId, messageId, agent);
        }
        return doc.body().html();
    }

    /**
     * {@code cid:} images become {@code data:} URIs of the files of the same message that carry that Content-ID: the
     * frame is sandboxed without its own origin, so a request from it to Regard would carry no session cookie.
     */
    private void inlineOwnImages(Document doc, long ticketId, long messageId, AgentPrincipal agent) {
        Map<String, Long> byContentId = new HashMap<>();
        queries.detail(ticketId, agent).messages().stream().filter(m -> m.id() == messageId)
                .flatMap(m -> m.attachments().stream())
                .filter(a -> a.contentId() != null)
                .filter(a -> INLINE_IMAGES.contains(a.contentType().toLowerCase(Locale.ROOT)) && a.size() <= MAX_INLINE_IMAGE)
                .forEach(a -> byContentId.putIfAbsent(normalise(a.contentId()), a.id()));
        for (Element image : doc.select("img[src]")) {
            String src = image.attr("src").trim();
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                Long id = byContentId.get(normalise(src.substring(4)));
                if (id == null) {
                    image.removeAttr("src");
                } else {
                    queries.file(id, agent).ifPresentOrElse(
                            file -> image.attr("src", "data:" + file.attachment().contentType().toLowerCase(Locale.ROOT) + ";base64,"
                                    + java.util.Base64.getEncoder().encodeToString(file.data())),
                            () -> image.removeAttr("src"));
                }
            }
        }
    }

    private static String normalise(String contentId) {
        String id = contentId.strip();
        if (id.startsWith("<") && id.endsWith(">")) {
            id = id.substring(1, id.length() - 1);
        }
        return id.toLowerCase(Locale.ROOT);
    }

    private static String document(String body) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">"
                + "<base target=\"_blank\"></head><body>" + body + "</body></html>";
    }

}
