package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts how often Regard agrees with a peer parser's expectations, per field, and remembers the disagreements —
 * those explained in a list of known differences and those that are not.
 */
public final class Agreement {

    private final String source;
    private final Map<String, String> knownDifferences;
    private final Map<String, int[]> fields = new TreeMap<>();
    private final List<String> unexplained = new ArrayList<>();
    private final List<String> explained = new ArrayList<>();

    public Agreement(String source, Map<String, String> knownDifferences) {
        this.source = source;
        this.knownDifferences = knownDifferences;
    }

    /** Records one comparison of {@code field} for {@code file}. */
    public void check(String file, String field, boolean agrees, Object expected, Object actual) {
        int[] counts = fields.computeIfAbsent(field, key -> new int[2]);
        counts[1]++;
        if (agrees) {
            counts[0]++;
            return;
        }
        String key = file + "#" + field;
        String reason = knownDifferences.get(key);
        if (reason != null) {
            explained.add(key + ": " + reason);
        } else {
            unexplained.add(key + "\n      expected: " + shorten(expected) + "\n      regard:   " + shorten(actual));
        }
    }

    public double rate() {
        int agreed = 0;
        int total = 0;
        for (int[] counts : fields.values()) {
            agreed += counts[0];
            total += counts[1];
        }
        return total == 0 ? 1.0 : (double) agreed / total;
    }

    @Override
    public String toString() {
        return source;
    }

    /** Prints one line for the source, one per field, then the disagreements. */
    public void print() {
        int agreed = 0;
        int total = 0;
        for (int[] counts : fields.values()) {
            agreed += counts[0];
            total += counts[1];
        }
        System.out.printf("[corpus %s] agreement %.1f%% (%d/%d checks)%n", source, 100.0 * rate(), agreed, total);
        fields.forEach((field, counts) -> System.out.printf("[corpus %s]   %-22s %5.1f%% (%d/%d)%n", source, field,
                100.0 * counts[0] / counts[1], counts[0], counts[1]));
        explained.forEach(line -> System.out.printf("[corpus %s]   known difference %s%n", source, line));
        unexplained.forEach(line -> System.out.printf("[corpus %s]   UNEXPLAINED %s%n", source, line));
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value).replace("\n", "\\n");
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
