package org.regard.mail;

/**
 * Bounds on the work one message may cause. A message that goes beyond a bound is still parsed as far as the bound
 * allows, and the rest is reported as a parse warning instead of running out of memory or time.
 *
 * @param maxParts        how many MIME entities (the message itself, every part and every nested part) are read
 * @param maxDepth        how deeply multiparts may nest inside each other
 * @param maxDecodedBytes how many bytes of bodies and attachments are decoded in total
 */
public record MailLimits(int maxParts, int maxDepth, long maxDecodedBytes) {

    public MailLimits {
        if (maxParts < 1 || maxDepth < 1 || maxDecodedBytes < 1) {
            throw new IllegalArgumentException("mail limits must be positive");
        }
    }

    /** Generous bounds for real mail: 1,000 parts, 30 levels, 100 MB decoded. */
    public static MailLimits defaults() {
        return new MailLimits(1_000, 30, 100L * 1024 * 1024);
    }
}
