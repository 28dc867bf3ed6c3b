package org.regard.tickets;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of a reply template ({@code {{customer.name}}}) in one pass: a value is inserted as it is and
 * never read as a placeholder itself, so a customer named "{{agent.name}}" stays so named. An unknown placeholder stays
 * as written (the agent sees it before sending); a backslash before the braces ({@code \{{}) writes them literally.
 */
final class TemplateText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\\\\\{\\{|\\{\\{\\s*([A-Za-z][A-Za-z.]*)\\s*}}");

    private TemplateText() {
    }

    static String fill(String body, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(body);
        StringBuilder out = new StringBuilder(body.length() + 64);
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = "{{";
            } else {
                String value = values.get(m.group(1));
                replacement = value == null ? m.group() : value;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
