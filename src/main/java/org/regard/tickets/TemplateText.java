package org.regard.tickets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the placeholders of a reply template ({@code {{customer.name}}}) in one pass: a value is inserted as it is and
 * never read as a placeholder itself, so a customer named "{{agent.name}}" stays so named. A template that names a
 * placeholder Regard does not know is refused when it is saved ({@link #unknownPlaceholders}); one stored before that
 * rule stays as written when filled (the agent sees it before sending). A backslash before the braces ({@code \{{})
 * writes them literally.
 */
final class TemplateText {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\\\\\{\\{|\\{\\{\\s*([A-Za-z][A-Za-z.]*)\\s*}}");

    /** The placeholders a template may use, in the order the template page lists them. */
    static final List<String> KNOWN = List.of("customer.name", "customer.preferredName", "agent.name", "ticket.id");
    private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);

    private TemplateText() {
    }

    /** The placeholders of this text that Regard cannot fill, each once, in the order they appear. */
    static List<String> unknownPlaceholders(String body) {
        List<String> unknown = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
            String name = m.group(1);
            if (name != null && !KNOWN_SET.contains(name) && !unknown.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
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
