package org.regard.mail.parsing;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds one {@link InboundMessage} from raw bytes, step by step. Each step is guarded on its own, so a failure in
 * one (say, the HTML) costs only what that step would have produced and leaves a warning.
 */
final class MessageAssembly {

    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]{1,998})>");

    /** Subjects of forwarded messages in the languages mail clients use: Fwd:, FW:, WG:, TR:, RV:, I:, VS:, Doorst:. */
    private static final Pattern FORWARD_SUBJECT = Pattern.compile(
            "^(?:(?:re|aw|sv|antw|vs)\\s*:\\s*)*(?:fwd?|wg|tr|rv|i|vs|doorst|enc|trs|pd|chuyển tiếp)\\s*:",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private final byte[] source;
    private final int start;
    private final int end;
    private final byte[] kept;
    private final MailLimits limits;
    private final Warnings warnings;

    /** Reads {@code source[start, end)}; the message made keeps {@code kept} as its raw bytes. */
    MessageAssembly(byte[] source, int start, int end, byte[] kept, MailLimits limits, Warnings warnings) {
        this.source = source;
        this.start = start;
        this.end = end;
        this.kept = kept;
        this.limits = limits;
        this.warnings = warnings;
    }

    InboundMessage assemble() {
        MimeEntity message = MimeEntity.read(source, start, end, true);
        HeaderFields headers = message.headers();
        if (headers.isEmpty()) {
            warnings.add(end == start ? "the message is empty" : "the message has no header fields");
        }
        Optional<String> messageId = guard("Message-ID", () -> headers.first("Message-ID").flatMap(MessageAssembly::firstId),
                Optional.empty());
        Optional<String> inReplyTo = guard("In-Reply-To", () -> headers.first("In-Reply-To").flatMap(MessageAssembly::firstId),
                Optional.empty());
        List<String> references = guard("References", () -> allIds(String.join(" ", headers.all("References"))),
                List.of());
        Optional<OffsetDateTime> date = guard("Date", () -> MailDates.parse(headers.first("Date").orElse(null)),
                Optional.empty());
        if (date.isEmpty() && headers.has("Date")) {
            warnings.add("the Date header could not be read");
        }
        List<MailAddress> fromAll = addresses(headers, "From");
        Optional<MailAddress> from = fromAll.stream().findFirst();
        List<MailAddress> to = addresses(headers, "To");
        List<MailAddress> cc = addresses(headers, "Cc");
        List<MailAddress> replyTo = addresses(headers, "Reply-To");
        // without a single header field this is no e-mail we can read, whatever its body holds
        String subject = headers.isEmpty() ? MailParser.UNREADABLE_SUBJECT : guard("Subject", () -> subject(headers), "");

        MimeWalker walker = new MimeWalker(limits, warnings);
        MimeWalker.Sink sink = guard("the body", () -> walker.walk(message), new MimeWalker.Sink());
        String textBody = guard("the text body", () -> textBody(sink), "");
        String htmlBody = guard("the HTML body", () -> htmlBody(sink), "");
        String html = withinHtmlLimit(htmlBody);
        HtmlSafety.Sanitised safe = guard("the HTML body", () -> HtmlSafety.sanitise(html),
                new HtmlSafety.Sanitised("", false));

        ReplyText.Sender sender = from.map(address -> new ReplyText.Sender(address.displayName(), address.address()))
                .orElse(ReplyText.Sender.UNKNOWN);
        boolean plain = sink.segments.stream().allMatch(segment -> segment.text() != null);
        // a forward is written to be read whole: the forwarded message is what the customer wants us to see
        boolean forward = FORWARD_SUBJECT.matcher(subject).lookingAt();
        ReplyText.Split reply = forward
                ? new ReplyText.Split(textBody.strip(), "")
                : guard("the reply text", () -> plain
                        ? ReplyText.fromPlain(textBody, sender)
                        : ReplyText.fromHtml(html, sender),
                new ReplyText.Split(textBody.strip(), ""));

        List<MailAttachment> attachments = attachments(sink, htmlBody);
        Bounces.Verdict verdict = guard("the bounce report", () -> Bounces.judge(walker, from, subject, textBody),
                new Bounces.Verdict(false, false, List.of(), Optional.empty()));
        boolean autoReply = AutoReplies.isAutoReply(headers, subject) || verdict.delayed()
                || walker.hasDeliveryStatus() && !verdict.bounce();
        boolean loop = headers.has(MailParser.LOOP_HEADER);

        return new InboundMessage(messageId, inReplyTo, references, date, from, to, cc, replyTo, subject,
                textBody, htmlBody, safe.html(), safe.hadRemoteImages(), reply.visible(), reply.folded(),
                attachments, autoReply, verdict.bounce(), verdict.failed(), verdict.bouncedMessageId(), loop,
                warnings.list(), kept);
    }

    private <T> T guard(String what, Supplier<T> step, T fallback) {
        try {
            return step.get();
        } catch (RuntimeException | StackOverflowError failure) {
            warnings.add(what + " could not be read (" + failure.getClass().getSimpleName() + ")");
            return fallback;
        }
    }

    private List<MailAddress> addresses(HeaderFields headers, String name) {
        return guard("the " + name + " header", () -> {
            List<MailAddress> all = new ArrayList<>();
            for (String value : headers.all(name)) {
                all.addAll(AddressParser.parse(value));
            }
            return all;
        }, List.of());
    }

    private static String subject(HeaderFields headers) {
        String value = headers.first("Subject").orElse("");
        return EncodedWords.decode(value).replaceAll("[\\s\\u0000-\\u001F]+", " ").strip();
    }

    /** The first message id in a header value, without angle brackets (a bare id when there are none). */
    static Optional<String> firstId(String value) {
        Matcher matcher = ANGLE_ID.matcher(value);
        if (matcher.find()) {
            return Optional.of(matcher.group(1));
        }
        String bare = value.strip();
        return bare.isEmpty() || bare.contains(" ") ? Optional.empty() : Optional.of(bare);
    }

    /** Every message id in a header value, without angle brackets (bare ids when there are none in brackets). */
    static List<String> allIds(String value) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = ANGLE_ID.matcher(value);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : value.strip().split("\\s+")) {
                if (token.contains("@")) {
                    ids.add(token);
                }
            }
        }
        return ids;
    }

    private String withinHtmlLimit(String html) {
        if (html.length() <= limits.maxHtmlChars()) {
            return html;
        }
        warnings.add("the HTML body is longer than " + limits.maxHtmlChars()
                + " characters; only its beginning was sanitised and rendered");
        return html.substring(0, limits.maxHtmlChars());
    }

    private String textBody(MimeWalker.Sink sink) {
        StringBuilder out = new StringBuilder();
        for (MimeWalker.Segment segment : sink.segments) {
            String piece = segment.text() != null ? segment.text() : HtmlText.plain(withinHtmlLimit(segment.html()));
            if (piece.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append(out.charAt(out.length() - 1) == '\n' ? "\n" : "\n\n");
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static String htmlBody(MimeWalker.Sink sink) {
        if (!sink.hasHtml()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (MimeWalker.Segment segment : sink.segments) {
            String piece = segment.html() != null ? segment.html() : textAsHtml(segment.text());
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(piece);
        }
        return out.toString();
    }

    private static String textAsHtml(String text) {
        StringBuilder out = new StringBuilder("<div>");
        String[] lines = text.strip().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br>");
            }
            out.append(org.jsoup.nodes.Entities.escape(lines[i]));
        }
        return out.append("</div>").toString();
    }

    private static List<MailAttachment> attachments(MimeWalker.Sink sink, String htmlBody) {
        String html = htmlBody.toLowerCase(Locale.ROOT);
        List<MailAttachment> attachments = new ArrayList<>();
        for (MimeWalker.Part part : sink.parts) {
            boolean inline = part.contentId().map(id -> html.contains("cid:" + id.toLowerCase(Locale.ROOT)))
                    .orElse(false);
            attachments.add(new MailAttachment(part.fileName(), part.contentType(), part.content().length,
                    part.contentId(), inline, part.content()));
        }
        return attachments;
    }
}
