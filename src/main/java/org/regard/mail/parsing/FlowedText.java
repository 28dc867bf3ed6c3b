package org.regard.mail.parsing;

/**
 * Undoes {@code format=flowed} (RFC 3676): lines ending in a space continue on the next line of the same quote
 * depth, space-stuffing is removed, and with {@code delsp=yes} the joining space is dropped.
 */
final class FlowedText {

    private FlowedText() {
    }

    static String unflow(String text, boolean deleteSpace) {
        boolean endsWithBreak = text.endsWith("\n");
        String[] all = text.split("\n", -1);
        String[] lines = endsWithBreak ? java.util.Arrays.copyOf(all, all.length - 1) : all;
        StringBuilder out = new StringBuilder(text.length());
        StringBuilder paragraph = null;
        int paragraphDepth = 0;
        for (String raw : lines) {
            int depth = 0;
            while (depth < raw.length() && raw.charAt(depth) == '>') {
                depth++;
            }
            String content = raw.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            boolean signature = content.equals("-- ");
            boolean flowed = !signature && content.endsWith(" ");
            if (paragraph != null && depth != paragraphDepth) {
                out.append(paragraph).append('\n');
                paragraph = null;
            }
            if (paragraph == null) {
                paragraph = new StringBuilder(">".repeat(depth));
                if (depth > 0) {
                    paragraph.append(' ');
                }
                paragraphDepth = depth;
            }
            if (flowed && deleteSpace) {
                content = content.substring(0, content.length() - 1);
            }
            paragraph.append(content);
            if (!flowed) {
                out.append(paragraph).append('\n');
                paragraph = null;
            }
        }
        if (paragraph != null) {
            out.append(paragraph).append('\n');
        }
        if (!endsWithBreak && !out.isEmpty()) {
            out.setLength(out.length() - 1);
        }
        return out.toString();
    }
}
