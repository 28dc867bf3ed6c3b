package org.regard.mail.parsing;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the inline styles of a customer's HTML may do in the message frame: colour and weigh text, align it, and space
 * blocks a little; never move an element out of the flow or over others, hide it, or make it huge. An allow-list of
 * properties, each with the values it may take:
 * <ul>
 *   <li>{@code color}, {@code background-color}: a colour name (not {@code transparent}), {@code #rgb},
 *   {@code #rrggbb} or {@code rgb(r, g, b)}; nothing with an alpha channel;</li>
 *   <li>{@code font-weight}, {@code font-style}, {@code text-decoration}, {@code text-align},
 *   {@code vertical-align}: their keywords; {@code font-family}: names;</li>
 *   <li>{@code font-size}: a keyword, or 6 to 48 px (5 to 36 pt, 0.4 to 3 em/rem, 40 to 300 %);</li>
 *   <li>{@code margin}, {@code padding} and their sides: 0 to 100 px (75 pt, 6 em/rem, 10 %), never negative;
 *   margins may be {@code auto}.</li>
 * </ul>
 * Everything else is dropped, among it {@code position}, {@code top}/{@code left}, {@code z-index},
 * {@code transform}, {@code opacity}, {@code display}, {@code visibility}, {@code width}/{@code height},
 * {@code line-height}, {@code border} and {@code background} (with its images).
 */
public final class StyleBounds {

    private static final Pattern LENGTH = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,6})?|\\.\\d{1,6})(px|pt|em|rem|%)?");
    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-f]{3}|[0-9a-f]{6})");
    private static final Pattern RGB_COLOUR = Pattern.compile(
            "rgb\\(\\s*(\\d{1,3}%?)\\s*,\\s*(\\d{1,3}%?)\\s*,\\s*(\\d{1,3}%?)\\s*\\)");
    private static final Pattern COLOUR_NAME = Pattern.compile("[a-z]{3,20}");
    private static final Pattern FONT_FAMILY = Pattern.compile("[\\p{L}\\p{N} ,'\"._-]{1,200}");

    private static final Set<String> FONT_SIZE_WORDS = Set.of("xx-small", "x-small", "small", "medium", "large",
            "x-large", "xx-large", "smaller", "larger");

    /** Largest margin or padding per unit (a bare number may only be 0). */
    private static final Map<String, Double> SPACING_MAX = Map.of("px", 100.0, "pt", 75.0, "em", 6.0, "rem", 6.0, "%", 10.0);
    private static final Map<String, double[]> FONT_SIZE_RANGE = Map.of("px", new double[] {6, 48},
            "pt", new double[] {5, 36}, "em", new double[] {0.4, 3}, "rem", new double[] {0.4, 3},
            "%", new double[] {40, 300});

    private static final Predicate<String> COLOUR = StyleBounds::isColour;
    private static final Predicate<String> MARGIN = value -> spacing(value, true);
    private static final Predicate<String> PADDING = value -> spacing(value, false);

    private static final Map<String, Predicate<String>> ALLOWED = Map.ofEntries(
            Map.entry("color", COLOUR),
            Map.entry("background-color", COLOUR),
            Map.entry("font-weight", Pattern.compile("normal|bold|bolder|lighter|[1-9]00").asMatchPredicate()),
            Map.entry("font-style", Pattern.compile("normal|italic|oblique").asMatchPredicate()),
            Map.entry("font-family", FONT_FAMILY.asMatchPredicate()),
            Map.entry("font-size", StyleBounds::fontSize),
            Map.entry("text-decoration", Pattern.compile("none|(?:(?:underline|overline|line-through)\\s*){1,3}")
                    .asMatchPredicate()),
            Map.entry("text-align", Pattern.compile("left|right|center|justify|start|end").asMatchPredicate()),
            Map.entry("vertical-align",
                    Pattern.compile("baseline|top|middle|bottom|sub|super|text-top|text-bottom").asMatchPredicate()),
            Map.entry("margin", MARGIN), Map.entry("margin-top", MARGIN), Map.entry("margin-right", MARGIN),
            Map.entry("margin-bottom", MARGIN), Map.entry("margin-left", MARGIN),
            Map.entry("padding", PADDING), Map.entry("padding-top", PADDING), Map.entry("padding-right", PADDING),
            Map.entry("padding-bottom", PADDING), Map.entry("padding-left", PADDING));

    /** The properties a style may set at all (the sanitiser's CSS schema is made of these). */
    public static final List<String> PROPERTIES = ALLOWED.keySet().stream().sorted().toList();

    private StyleBounds() {
    }

    /**
     * The declarations of a style attribute that stay within bounds, as {@code property:value} joined by {@code ;};
     * empty when none does. A declaration that is not plainly {@code property: value} is dropped.
     */
    public static String bound(String style) {
        if (style == null || style.isBlank()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String declaration : style.split(";")) {
            int colon = declaration.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String property = declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = declaration.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            if (value.endsWith("!important")) {
                value = value.substring(0, value.length() - "!important".length()).strip();
            }
            Predicate<String> allowed = ALLOWED.get(property);
            if (allowed != null && !value.isEmpty() && value.length() <= 200 && allowed.test(value)) {
                if (!kept.isEmpty()) {
                    kept.append(';');
                }
                kept.append(property).append(':').append(value);
            }
        }
        return kept.toString();
    }

    private static boolean isColour(String value) {
        if (HEX_COLOUR.matcher(value).matches()) {
            return true;
        }
        Matcher rgb = RGB_COLOUR.matcher(value);
        if (rgb.matches()) {
            for (int i = 1; i <= 3; i++) {
                String part = rgb.group(i);
                int n = Integer.parseInt(part.endsWith("%") ? part.substring(0, part.length() - 1) : part);
                if (n > (part.endsWith("%") ? 100 : 255)) {
                    return false;
                }
            }
            return true;
        }
        return COLOUR_NAME.matcher(value).matches() && !value.equals("transparent");
    }

    private static boolean fontSize(String value) {
        if (FONT_SIZE_WORDS.contains(value)) {
            return true;
        }
        Matcher length = LENGTH.matcher(value);
        if (!length.matches() || length.group(2) == null) {
            return false;
        }
        double[] range = FONT_SIZE_RANGE.get(length.group(2));
        double size = Double.parseDouble(length.group(1));
        return size >= range[0] && size <= range[1];
    }

    /** One to four lengths, each from 0 to its unit's maximum ({@code auto} too for margins). */
    private static boolean spacing(String value, boolean autoAllowed) {
        String[] parts = value.split("\\s+");
        if (parts.length > 4) {
            return false;
        }
        for (String part : parts) {
            if (autoAllowed && part.equals("auto")) {
                continue;
            }
            Matcher length = LENGTH.matcher(part);
            if (!length.matches()) {
                return false;
            }
            double size = Double.parseDouble(length.group(1));
            String unit = length.group(2) == null ? "px" : length.group(2);
            if (length.group(2) == null && size != 0 || size > SPACING_MAX.get(unit)) {
                return false;
            }
        }
        return true;
    }
}
