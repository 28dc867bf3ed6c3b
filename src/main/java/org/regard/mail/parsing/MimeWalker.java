package org.regard.mail.parsing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the MIME tree of a message and sorts what it finds into body text, HTML and files, within the
 * {@link MailLimits}. A part that cannot be read becomes a warning; the walk goes on with the next part.
 */
final class MimeWalker {

    /** Alternatives only a few clients render; when a message offers them next to text or HTML they are dropped. */
    private static final Set<String> MINOR_ALTERNATIVES = Set.of(
            "text/enriched", "text/richtext", "text/x-amp-html", "text/watch-html", "text/x-watch-html");

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);

    /** Some body text, some HTML, or both (alternatives of each other). */
    record Segment(String text, String html) {
    }

    /** A file found in the message, before it is known whether the HTML shows it inline. */
    record Part(String fileName, String contentType, byte[] content, Optional<String> contentId) {
    }

    /** Where the walk puts what it finds. */
    static final class Sink {
        final List<Segment> segments = new ArrayList<>();
        final List<Part> parts = new ArrayList<>();

        boolean hasText() {
            return segments.stream().anyMatch(segment -> segment.text() != null);
        }

        boolean hasHtml() {
            return segments.stream().anyMatch(segment -> segment.html() != null);
        }
    }

    private final MailLimits limits;
    private final Warnings warnings;
    private int entities;
    private long decodedBytes;
    private final List<DeliveryReport> reports = new ArrayList<>();
    private Optional<String> returnedMessageId = Optional.empty();
    private boolean deliveryStatusReport;

    MimeWalker(MailLimits limits, Warnings warnings) {
        this.limits = limits;
        this.warnings = warnings;
    }

    Sink walk(MimeEntity message) {
        Sink sink = new Sink();
        HeaderParameters type = message.contentType();
        deliveryStatusReport = message.mimeType("text/plain").equals("multipart/report")
                && type.parameter("report-type").map(value -> value.equalsIgnoreCase("delivery-status")).orElse(false);
        entity(message, 0, "text/plain", sink, false);
        return sink;
    }

    List<DeliveryReport> reports() {
        return reports;
    }

    /** True when the message is a multipart/report of type delivery-status or carries such a report. */
    boolean hasDeliveryStatus() {
        return deliveryStatusReport || !reports.isEmpty();
    }

    /** The Message-ID of a message returned inside this one (bounces attach the message that failed). */
    Optional<String> returnedMessageId() {
        return returnedMessageId;
    }

    private void entity(MimeEntity entity, int depth, String defaultType, Sink sink, boolean related) {
        entities++;
        if (entities > limits.maxParts()) {
            warnings.add("the message has more than " + limits.maxParts() + " parts; the rest was not read");
            return;
        }
        if (entity.malformedHeader()) {
            warnings.add("a header block ended without an empty line; the rest was read as body");
        }
        String type = entity.mimeType(defaultType);
        try {
            if (type.startsWith("multipart/")) {
                multipart(entity, type, depth, sink);
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                message(entity, type, sink);
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")) {
                byte[] body = decode(entity);
                reports.add(DeliveryReport.read(body));
                sink.parts.add(part(entity, type, body, Optional.empty()));
            } else if (type.equals("text/rfc822-headers")) {
                byte[] body = decode(entity);
                rememberReturnedMessage(body);
                sink.parts.add(part(entity, type, body, Optional.empty()));
            } else if ((type.equals("text/plain") || type.equals("text/html")) && isBody(entity)) {
                bodyText(entity, type, sink);
            } else {
                sink.parts.add(part(entity, type, decode(entity), Optional.empty()));
            }
        } catch (RuntimeException unreadable) {
            warnings.add("a " + type + " part could not be read (" + unreadable.getClass().getSimpleName() + ")");
        }
    }

    private boolean isBody(MimeEntity entity) {
        HeaderParameters disposition = entity.disposition();
        if (disposition.value().equals("attachment")) {
            return false;
        }
        return disposition.parameter("filename").isEmpty() && entity.contentType().parameter("name").isEmpty();
    }

    private void multipart(MimeEntity entity, String type, int depth, Sink sink) {
        if (depth >= limits.maxDepth()) {
            warnings.add("multiparts nest deeper than " + limits.maxDepth() + " levels; the inner parts were not read");
            return;
        }
        byte[] source = entity.source();
        int start = entity.bodyStart();
        int end = entity.bodyEnd();
        String encoding = entity.transferEncoding();
        if (encoding.equals("base64") || encoding.equals("quoted-printable")) {
            source = decode(entity);
            start = 0;
            end = source.length;
        }
        Optional<String> boundary = entity.contentType().parameter("boundary");
        if (boundary.isEmpty()) {
            warnings.add("a " + type + " has no boundary; its body was read as text");
            plainFallback(source, start, end, sink);
            return;
        }
        // no need to find more parts than the limit lets us read (plus one, to notice the limit)
        int room = Math.max(1, limits.maxParts() - entities + 1);
        MultipartBody.Split split = MultipartBody.split(source, start, end, boundary.get(), room);
        if (!split.found()) {
            warnings.add("the boundary of a " + type + " never occurs; its body was read as text");
            plainFallback(source, start, end, sink);
            return;
        }
        if (!split.closed()) {
            warnings.add("a multipart has no closing boundary");
        }
        List<MimeEntity> children = new ArrayList<>();
        for (int[] range : split.parts()) {
            children.add(MimeEntity.read(source, range[0], range[1], false));
        }
        String subtype = type.substring("multipart/".length());
        switch (subtype) {
            case "alternative" -> alternative(children, depth + 1, sink);
            case "related" -> related(children, entity.contentType().parameter("start"), depth + 1, sink);
            case "digest" -> children.forEach(child -> entity(child, depth + 1, "message/rfc822", sink, false));
            default -> children.forEach(child -> entity(child, depth + 1, "text/plain", sink, false));
        }
    }

    private void alternative(List<MimeEntity> children, int depth, Sink sink) {
        List<Sink> alternatives = new ArrayList<>();
        for (MimeEntity child : children) {
            Sink alternative = new Sink();
            entity(child, depth, "text/plain", alternative, false);
            alternatives.add(alternative);
        }
        Sink withText = alternatives.stream().filter(Sink::hasText).findFirst().orElse(null);
        Sink withHtml = null;
        for (Sink alternative : alternatives) {
            if (alternative.hasHtml()) {
                withHtml = alternative;
            }
        }
        String text = withText == null ? null : join(withText, true);
        String html = withHtml == null ? null : join(withHtml, false);
        if (text != null || html != null) {
            sink.segments.add(new Segment(text, html));
        } else {
            alternatives.stream().filter(alternative -> !alternative.segments.isEmpty()).findFirst()
                    .ifPresent(alternative -> sink.segments.addAll(alternative.segments));
        }
        boolean hasBody = text != null || html != null;
        for (Sink alternative : alternatives) {
            for (Part part : alternative.parts) {
                if (!(hasBody && MINOR_ALTERNATIVES.contains(part.contentType()))) {
                    sink.parts.add(part);
                }
            }
        }
    }

    private static String join(Sink sink, boolean text) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : sink.segments) {
            String piece = text ? segment.text() : segment.html();
            if (piece == null) {
                continue;
            }
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(piece);
        }
        return out.toString();
    }

    private void related(List<MimeEntity> children, Optional<String> start, int depth, Sink sink) {
        int root = 0;
        if (start.isPresent()) {
            String wanted = MimeEntity.withoutBrackets(start.get());
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).contentId().map(wanted::equals).orElse(false)) {
                    root = i;
                }
            }
        }
        for (int i = 0; i < children.size(); i++) {
            entity(children.get(i), depth, "text/plain", sink, i != root);
        }
    }

    private void message(MimeEntity entity, String type, Sink sink) {
        byte[] body = decode(entity);
        HeaderFields inner = HeaderFields.read(body, 0, body.length, true).headers();
        rememberReturnedMessage(inner);
        Optional<String> subject = inner.first("Subject").map(EncodedWords::decode).map(String::strip)
                .filter(value -> !value.isEmpty());
        sink.parts.add(part(entity, type, body, subject));
    }

    private void rememberReturnedMessage(byte[] headers) {
        rememberReturnedMessage(HeaderFields.read(headers, 0, headers.length, true).headers());
    }

    private void rememberReturnedMessage(HeaderFields inner) {
        if (returnedMessageId.isEmpty()) {
            returnedMessageId = inner.first("Message-ID").map(MimeEntity::withoutBrackets).filter(id -> !id.isEmpty());
        }
    }

    private Part part(MimeEntity entity, String type, byte[] content, Optional<String> innerSubject) {
        String name = AttachmentNames.name(type, entity.contentType(), entity.disposition(),
                entity.headers().first("Content-Description"), innerSubject);
        return new Part(name, type, content, entity.contentId());
    }

    private void bodyText(MimeEntity entity, String type, Sink sink) {
        byte[] bytes = decode(entity);
        HeaderParameters contentType = entity.contentType();
        Optional<String> charset = contentType.parameter("charset");
        if (type.equals("text/html")) {
            Optional<String> declared = charset.or(() -> metaCharset(bytes));
            TextDecoding.Decoded html = TextDecoding.decode(bytes, declared.orElse(null));
            html.problem().ifPresent(warnings::add);
            sink.segments.add(new Segment(null, normaliseLineBreaks(html.text())));
            return;
        }
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes, charset.orElse(null));
        decoded.problem().ifPresent(warnings::add);
        String text = normaliseLineBreaks(decoded.text());
        if (contentType.parameter("format").map(format -> format.equalsIgnoreCase("flowed")).orElse(false)) {
            boolean deleteSpace = contentType.parameter("delsp").map(value -> value.equalsIgnoreCase("yes")).orElse(false);
            text = FlowedText.unflow(text, deleteSpace);
        }
        UuEncodedFiles.Extraction uu = UuEncodedFiles.extract(text);
        for (UuEncodedFiles.File file : uu.files()) {
            sink.parts.add(new Part(file.name(), guessType(file.name()), file.content(), Optional.empty()));
        }
        sink.segments.add(new Segment(uu.text(), null));
    }

    private void plainFallback(byte[] source, int start, int end, Sink sink) {
        String text = normaliseLineBreaks(TextDecoding.guess(source, start, end));
        if (!text.isBlank()) {
            sink.segments.add(new Segment(text, null));
        }
    }

    private byte[] decode(MimeEntity entity) {
        long budget = limits.maxDecodedBytes() - decodedBytes;
        if (budget <= 0) {
            warnings.add("the message decodes to more than " + limits.maxDecodedBytes() + " bytes; the rest was not read");
            return new byte[0];
        }
        TransferEncodings.Decoded decoded = TransferEncodings.decode(entity.source(), entity.bodyStart(),
                entity.bodyEnd(), entity.transferEncoding(), budget);
        decodedBytes += decoded.bytes().length;
        if (decoded.truncated()) {
            warnings.add("the message decodes to more than " + limits.maxDecodedBytes() + " bytes; the rest was not read");
        }
        return decoded.bytes();
    }

    private static Optional<String> metaCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher matcher = META_CHARSET.matcher(head);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static String normaliseLineBreaks(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String guessType(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        String extension = dot >= 0 ? lower.substring(dot) : "";
        return switch (extension) {
            case ".txt", ".log" -> "text/plain";
            case ".csv" -> "text/csv";
            case ".html", ".htm" -> "text/html";
            case ".pdf" -> "application/pdf";
            case ".png" -> "image/png";
            case ".jpg", ".jpeg" -> "image/jpeg";
            case ".gif" -> "image/gif";
            case ".zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }
}
