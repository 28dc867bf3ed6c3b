package org.regard.mail.parsing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw e-mail (RFC 5322 bytes, as fetched from a mailbox) into an {@link InboundMessage}.
 * <p>
 * Parsing never throws: a malformed or hostile message still yields an {@code InboundMessage} with whatever could be
 * read, the raw bytes, and the problems in {@link InboundMessage#parseWarnings()}. The parser holds no state and is
 * safe to share between threads.
 */
public final class MailParser {

    /**
     * The header Regard puts on every message it sends. A message that comes back carrying it was sent by Regard
     * itself ({@link InboundMessage#loop()}), and must not be answered automatically.
     */
    public static final String LOOP_HEADER = "X-Regard-Loop";

    /** The subject of a message that has no header fields or could not be read at all. */
    public static final String UNREADABLE_SUBJECT = "(unreadable message)";

    private static final Pattern RAW_SUBJECT = Pattern.compile("(?im)^Subject:[ \\t]*(.*)$");

    private final MailLimits limits;

    /** A parser with {@link MailLimits#defaults()}. */
    public MailParser() {
        this(MailLimits.defaults());
    }

    public MailParser(MailLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads one message; never throws. The message keeps {@code raw} itself, not a copy (a large message is not held
     * twice): the caller must not change the array afterwards.
     */
    public InboundMessage parse(byte[] raw) {
        byte[] bytes = raw == null ? new byte[0] : raw;
        return parse(bytes, 0, bytes.length, bytes);
    }

    /**
     * Reads the message held in {@code buffer[start, end)} where it lies, for a caller that keeps the bytes itself
     * (a large message is then not copied out of the buffer it was fetched into); never throws. The message made keeps
     * no bytes: its {@link InboundMessage#raw()} is empty.
     */
    public InboundMessage parse(byte[] buffer, int start, int end) {
        return parse(buffer, start, end, new byte[0]);
    }

    private InboundMessage parse(byte[] source, int start, int end, byte[] kept) {
        Warnings warnings = new Warnings();
        try {
            return new MessageAssembly(source, start, end, kept, limits, warnings).assemble();
        } catch (RuntimeException | StackOverflowError unexpected) {
            warnings.add("the message could not be read (" + unexpected.getClass().getSimpleName() + ")");
            return unreadable(source, start, end, kept, warnings.list());
        }
    }

    private static InboundMessage unreadable(byte[] source, int start, int end, byte[] raw, List<String> warnings) {
        String head = new String(source, start, Math.min(end - start, 65_536), StandardCharsets.ISO_8859_1);
        Matcher subject = RAW_SUBJECT.matcher(head);
        String readable = subject.find() ? subject.group(1).strip() : "";
        return new InboundMessage(Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                List.of(), List.of(), List.of(), readable.isEmpty() ? UNREADABLE_SUBJECT : readable, "", "", "", false,
                "", "", List.of(), false, false, List.of(), Optional.empty(), false, warnings, raw);
    }
}
