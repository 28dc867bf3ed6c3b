package org.regard.mail.parsing;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Optional;

/**
 * A file that came with a message: a real attachment, an inline image an HTML body refers to by {@code cid:}, a
 * forwarded or bounced message ({@code .eml}), a delivery report, or a file uuencoded inside the text.
 *
 * @param fileName    a safe file name (no path); a name derived from the content type when the message gives none
 * @param contentType the lower-case MIME type, e.g. {@code image/png}
 * @param size        the decoded size in bytes
 * @param contentId   the Content-ID without angle brackets, when the part has one
 * @param inline      true when the part is meant to be shown inside the body rather than offered as a download
 * @param content     the decoded bytes, not copied (an attachment can be tens of megabytes): do not change them
 */
public record MailAttachment(String fileName, String contentType, long size, Optional<String> contentId,
                             boolean inline, byte[] content) {

    public MailAttachment {
        content = content == null ? new byte[0] : content;
    }

    /** Reads the decoded bytes without copying them. */
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public String toString() {
        return "MailAttachment[" + fileName + ", " + contentType + ", " + size + " bytes"
                + contentId.map(id -> ", cid " + id).orElse("") + (inline ? ", inline" : "") + "]";
    }
}
