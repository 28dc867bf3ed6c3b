package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads address headers (From, To, Cc, Reply-To) leniently: quoted and encoded display names, comments as names
 * ({@code anna@example.com (Anna)}), groups, missing angle brackets, and encoded words that hide a comma.
 */
final class AddressParser {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]{1,60}\\?[bBqQ]\\?.{0,2000}?\\?=");
    private static final Pattern BARE_ADDRESS = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

    private AddressParser() {
    }

    static List<MailAddress> parse(String header) {
        List<MailAddress> addresses = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return addresses;
        }
        for (String piece : split(header)) {
            MailAddress address = mailbox(piece);
            if (address != null) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    /** Splits at commas (and group punctuation) outside quotes, comments, angle brackets and encoded words. */
    private static List<String> split(String header) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        int comment = 0;
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (!quoted && comment == 0 && c == '=' && i + 1 < header.length() && header.charAt(i + 1) == '?') {
                Matcher word = ENCODED_WORD.matcher(header).region(i, header.length());
                if (word.lookingAt()) {
                    current.append(header, i, word.end());
                    i = word.end();
                    continue;
                }
            }
            if (quoted) {
                if (c == '\\' && i + 1 < header.length()) {
                    current.append(c).append(header.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                }
            } else if (comment > 0) {
                if (c == '\\' && i + 1 < header.length()) {
                    current.append(c).append(header.charAt(i + 1));
                    i += 2;
                    continue;
                }
                if (c == '(') {
                    comment++;
                } else if (c == ')') {
                    comment--;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (!angle && (c == ',' || c == ';')) {
                pieces.add(current.toString());
                current.setLength(0);
                i++;
                continue;
            } else if (!angle && c == ':' && !current.toString().contains("@")) {
                // "Group name:" introduces a group; the name is not an address
                current.setLength(0);
                i++;
                continue;
            }
            current.append(c);
            i++;
        }
        pieces.add(current.toString());
        return pieces;
    }

    private static MailAddress mailbox(String piece) {
        String text = piece.trim();
        if (text.isEmpty()) {
            return null;
        }
        int open = lastOutsideQuotes(text, '<');
        if (open >= 0) {
            int close = text.indexOf('>', open);
            String address = cleanAddress(close > open ? text.substring(open + 1, close) : text.substring(open + 1));
            String name = text.substring(0, open) + (close > open ? " " + text.substring(close + 1) : "");
            if (!address.contains("@")) {
                return null;
            }
            return new MailAddress(address, displayName(stripComments(name).isBlank() ? commentOf(name) : stripComments(name)));
        }
        String comment = commentOf(text);
        String rest = stripComments(text).trim();
        Matcher bare = BARE_ADDRESS.matcher(rest);
        if (bare.find()) {
            String name = (rest.substring(0, bare.start()) + " " + rest.substring(bare.end())).trim();
            return new MailAddress(cleanAddress(bare.group()), displayName(name.isEmpty() ? comment : name));
        }
        return null;
    }

    private static String cleanAddress(String address) {
        String a = address.trim();
        if (a.regionMatches(true, 0, "mailto:", 0, 7)) {
            a = a.substring(7);
        }
        int route = a.indexOf(':');
        if (a.startsWith("@") && route > 0) {
            a = a.substring(route + 1);
        }
        if (a.length() > 1 && a.startsWith("\"") && a.endsWith("\"")) {
            a = a.substring(1, a.length() - 1);
        }
        return a.trim();
    }

    private static String displayName(String raw) {
        String name = unquote(raw.trim());
        name = EncodedWords.decode(name);
        name = name.replaceAll("\\s+", " ").trim();
        if (name.length() > 1 && name.startsWith("'") && name.endsWith("'")) {
            name = name.substring(1, name.length() - 1).trim();
        }
        if (name.length() > 1 && name.startsWith("\"") && name.endsWith("\"")) {
            name = name.substring(1, name.length() - 1).trim();
        }
        return name;
    }

    /** Removes the quotes around quoted strings and their backslash escapes; text outside quotes is kept. */
    private static String unquote(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted && c == '\\' && i + 1 < text.length()) {
                out.append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String commentOf(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        return open >= 0 && close > open ? text.substring(open + 1, close) : "";
    }

    private static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depth == 0 && c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '(') {
                depth++;
                continue;
            }
            if (!quoted && c == ')' && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int lastOutsideQuotes(String text, char wanted) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                found = i;
            }
        }
        return found;
    }
}
