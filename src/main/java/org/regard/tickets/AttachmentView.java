package org.regard.tickets;

/** A file stored with a message, without its bytes ({@link TicketQueries#attachmentData} reads those). */
public record AttachmentView(long id, long messageId, String fileName, String contentType, long size, String contentId,
                             boolean inline) {
}
