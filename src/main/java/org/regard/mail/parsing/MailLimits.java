package org.regard.mail.parsing;

/**
 * Bounds on the work one message may cause. A message that goes beyond a bound is still parsed as far as the bound
 * allows, and the rest is reported as a parse warning instead of running out of memory or time.
 *
 * @param maxParts        how many MIME entities (the message itself, every part and every nested part) are read
 * @param maxDepth        how deeply multiparts may nest inside each other
 * @param maxDecodedBytes how many bytes of bodies and attachments are decoded in total
 * @param maxHtmlChars    how much of the HTML body is sanitised and rendered as text (the HTML body itself is kept
 *                        whole)
 */
public record MailLimits(int maxParts, int maxDepth, long maxDecodedBytes, int maxHtmlChars) {

    public MailLimits {
        if (maxParts < 1 || maxDepth < 1 || maxDecodedBytes < 1 || maxHtmlChars < 1) {
            throw new IllegalArgumentException("mail limits must be positive");
        }
    }

    /** Limits on parts, depth and decoded size, with the default HTML bound. */
    public MailLimits(int maxParts, int maxDepth, long maxDecodedBytes) {
        this(maxParts, maxDepth, maxDecodedBytes, defaults().maxHtmlChars());
    }

    /** Generous bounds for real mail: 1,000 parts, 30 levels, 100 MB decoded, 5 million characters of HTML. */
    public static MailLimits defaults() {
        return new MailLimits(1_000, 30, 100L * 1024 * 1024, 5_000_000);
    }
}
