package org.regard.tickets;

import org.regard.text.TextInput;

import java.util.Arrays;

/**
 * A file to store with a message.
 *
 * @param fileName    the name shown and offered on download
 * @param contentType the MIME type, e.g. {@code application/pdf}
 * @param contentId   the Content-ID an HTML body refers to ({@code cid:}), without angle brackets; null for none
 * @param inline      true for an image shown inside the body rather than offered as a file
 * @param data        the bytes
 */
public record NewAttachment(String fileName, String contentType, String contentId, boolean inline, byte[] data) {

    /** Longest file name kept, in characters. */
    public static final int MAX_NAME = 255;

    public NewAttachment {
        // a file's name is text like any other: a NUL (which PostgreSQL refuses) goes, half a surrogate pair becomes U+FFFD
        fileName = fileName == null || fileName.isBlank() ? "attachment" : TextInput.clean(fileName).strip();
        if (fileName.length() > MAX_NAME) {
            fileName = fileName.substring(0, MAX_NAME);
        }
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : TextInput.clean(contentType).strip();
        if (contentType.length() > 255) {
            contentType = "application/octet-stream";
        }
        if (contentId != null && (contentId.isBlank() || contentId.length() > 255)) {
            contentId = null;
        }
        data = data == null ? new byte[0] : data;
    }

    @Override
    public String toString() {
        return "NewAttachment[" + fileName + ", " + contentType + ", " + data.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NewAttachment a && a.fileName.equals(fileName) && a.contentType.equals(contentType)
                && java.util.Objects.equals(a.contentId, contentId) && a.inline == inline && Arrays.equals(a.data, data);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(data);
    }
}
