package org.regard.mail.parsing;

import java.util.Map;
import java.util.Optional;

/**
 * Names attachments: the name the sender gave (Content-Disposition filename, else Content-Type name; RFC 2231 and
 * RFC 2047 encodings decoded), for a forwarded message its subject, for a delivery report its description, else
 * a name derived from the content type. Names are made safe to store and offer for download.
 */
final class AttachmentNames {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/plain", ".txt"), Map.entry("text/html", ".html"), Map.entry("text/csv", ".csv"),
            Map.entry("text/calendar", ".ics"), Map.entry("text/x-vcard", ".vcf"), Map.entry("text/vcard", ".vcf"),
            Map.entry("text/rfc822-headers", ".txt"), Map.entry("text/xml", ".xml"), Map.entry("text/enriched", ".txt"),
            Map.entry("message/rfc822", ".eml"), Map.entry("message/global", ".eml"),
            Map.entry("message/delivery-status", ".txt"), Map.entry("message/global-delivery-status", ".txt"),
            Map.entry("message/disposition-notification", ".txt"),
            Map.entry("image/png", ".png"), Map.entry("image/jpeg", ".jpg"), Map.entry("image/jpg", ".jpg"),
            Map.entry("image/pjpeg", ".jpg"), Map.entry("image/gif", ".gif"), Map.entry("image/webp", ".webp"),
            Map.entry("image/bmp", ".bmp"), Map.entry("image/tiff", ".tif"), Map.entry("image/svg+xml", ".svg"),
            Map.entry("application/pdf", ".pdf"), Map.entry("application/zip", ".zip"),
            Map.entry("application/json", ".json"), Map.entry("application/xml", ".xml"),
            Map.entry("application/msword", ".doc"), Map.entry("application/vnd.ms-excel", ".xls"),
            Map.entry("application/pgp-signature", ".asc"), Map.entry("application/pgp-encrypted", ".pgp"),
            Map.entry("application/pkcs7-signature", ".p7s"), Map.entry("application/x-pkcs7-signature", ".p7s"),
            Map.entry("application/ics", ".ics"), Map.entry("application/gzip", ".gz"),
            Map.entry("application/x-gzip", ".gz"), Map.entry("audio/mpeg", ".mp3"), Map.entry("video/mp4", ".mp4"));

    private AttachmentNames() {
    }

    /**
     * @param contentType  the part's lower-case MIME type
     * @param type         the parsed Content-Type
     * @param disposition  the parsed Content-Disposition
     * @param description  the Content-Description, if any
     * @param innerSubject for a forwarded message, its decoded subject
     */
    static String name(String contentType, HeaderParameters type, HeaderParameters disposition,
                       Optional<String> description, Optional<String> innerSubject) {
        Optional<String> given = disposition.parameter("filename").or(() -> type.parameter("name"))
                .map(EncodedWords::decode)
                .map(AttachmentNames::safe)
                .filter(name -> !name.isEmpty());
        if (given.isPresent()) {
            return given.get();
        }
        String extension = extension(contentType);
        boolean message = contentType.startsWith("message/") || contentType.equals("text/rfc822-headers");
        if (message) {
            Optional<String> described = innerSubject.or(() -> description)
                    .map(EncodedWords::decode).map(AttachmentNames::safe).filter(name -> !name.isEmpty());
            if (described.isPresent()) {
                return described.get() + extension;
            }
        }
        return defaultStem(contentType) + extension;
    }

    static String extension(String contentType) {
        return EXTENSIONS.getOrDefault(contentType, contentType.startsWith("text/") ? ".txt" : ".bin");
    }

    private static String defaultStem(String contentType) {
        if (contentType.startsWith("image/")) {
            return "image";
        }
        return switch (contentType) {
            case "message/rfc822", "message/global" -> "message";
            case "message/delivery-status", "message/global-delivery-status" -> "delivery-status";
            case "message/disposition-notification" -> "read-receipt";
            case "text/rfc822-headers" -> "message-headers";
            case "text/calendar", "application/ics" -> "invite";
            default -> "attachment";
        };
    }

    /** Drops any path, control characters and characters file systems refuse; keeps the name readable. */
    static String safe(String raw) {
        String name = raw.replace('\\', '/');
        int slash = name.lastIndexOf('/');
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F || "<>:\"|?*".indexOf(c) >= 0) {
                out.append(c < 0x20 || c == 0x7F ? ' ' : '_');
            } else {
                out.append(c);
            }
        }
        String cleaned = out.toString().replaceAll("\\s+", " ").trim();
        while (cleaned.startsWith(".")) {
            cleaned = cleaned.substring(1).trim();
        }
        if (cleaned.length() > 200) {
            int dot = cleaned.lastIndexOf('.');
            String ext = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
            cleaned = cleaned.substring(0, 200 - ext.length()) + ext;
        }
        return cleaned;
    }
}
