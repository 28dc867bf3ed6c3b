package org.regard.tickets.web;

import org.regard.text.DisplayText;
import org.regard.tickets.TicketQueries.AttachmentContent;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * How a stored file is handed out, on the pages and in the API: always as a download (never rendered as our page), its
 * name in RFC 5987 form so any name survives (without the characters that reorder text, so
 * "invoice", U+202E, "fdp.exe" is offered as "invoicefdp.exe", not as a PDF), and the stored content type only for image
 * types a browser cannot run; everything else is plain bytes.
 */
public final class AttachmentDownload {
    private static final Set<String> SAFE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp");

    private AttachmentDownload() {
    }

    /** The answer carrying the file. */
    public static ResponseEntity<byte[]> of(AttachmentContent file) {
        return ResponseEntity.ok()
                .contentType(safeType(file.attachment().contentType()))
                .contentLength(file.data().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(DisplayText.fileName(file.attachment().fileName()), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.data());
    }

    static MediaType safeType(String stored) {
        String type = stored == null ? "" : stored.strip().toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        return SAFE_IMAGES.contains(type) ? MediaType.parseMediaType(type) : MediaType.APPLICATION_OCTET_STREAM;
    }
}
