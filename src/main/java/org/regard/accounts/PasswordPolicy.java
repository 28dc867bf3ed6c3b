package org.regard.accounts;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules for every password set in Regard, after NIST SP 800-63B (5.1.1.2): length rather than composition.
 * <ul>
 *   <li>at least {@value #MIN_LENGTH} and at most {@value #MAX_LENGTH} characters (Unicode code points; spaces and
 *   any character allowed; no rule about digits, capitals or symbols);</li>
 *   <li>not on Regard's list of common passwords ({@code accounts/common-passwords.txt}), also once the digits and
 *   symbols around it are taken off and common letter-for-digit swaps undone ({@code P@ssw0rd2024!} is
 *   {@code password});</li>
 *   <li>not one character or a short group repeated ({@code aaaaaaaaaa}, {@code abcabcabcabc}), nor a run
 *   ({@code abcdefghij}, {@code 9876543210});</li>
 *   <li>still {@value #MIN_LENGTH} characters long without the agent's email address (its local part), the words of
 *   their name and the word "regard".</li>
 * </ul>
 * {@link #problemWith} says what is wrong, or nothing; it never keeps or logs the password.
 */
@Component
public class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;
    static final String LIST = "accounts/common-passwords.txt";
    private static final String APP_NAME = "regard";

    private final Set<String> common;

    PasswordPolicy() {
        try {
            common = new ClassPathResource(LIST).getContentAsString(StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Regard's list of common passwords is missing: " + LIST, e);
        }
    }

    /**
     * What is wrong with this password for this agent, or empty when it may be used.
     *
     * @param password    the new password as typed
     * @param email       the agent's email address, or null
     * @param displayName the agent's name, or null
     */
    public Optional<PasswordProblem> problemWith(String password, String email, String displayName) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(PasswordProblem.TOO_SHORT);
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            return Optional.of(PasswordProblem.TOO_LONG);
        }
        String folded = fold(password);
        if (isCommon(folded)) {
            return Optional.of(PasswordProblem.TOO_COMMON);
        }
        String rest = folded;
        for (String word : personalWords(email, displayName)) {
            rest = rest.replace(word, "");
        }
        if (rest.codePointCount(0, rest.length()) < MIN_LENGTH) {
            return Optional.of(PasswordProblem.PERSONAL);
        }
        return Optional.empty();
    }

    /** Lower case, without spaces, dots, dashes and underscores. */
    private static String fold(String password) {
        return password.toLowerCase(Locale.ROOT).replaceAll("[\\s._\\-]+", "");
    }

    private boolean isCommon(String folded) {
        if (common.contains(folded) || isPattern(folded)) {
            return true;
        }
        String core = folded.replaceAll("^[^\\p{L}]+", "").replaceAll("[^\\p{L}]+$", "");
        if (core.isEmpty()) {
            return false;
        }
        return common.contains(core) || common.contains(unleet(core)) || common.contains(unleet(folded))
                || isPattern(core);
    }

    /** One character or a group of up to four repeated, or a run up or down (abcdef, 654321). */
    static boolean isPattern(String s) {
        int[] c = s.codePoints().toArray();
        if (c.length < 4) {
            return false;
        }
        for (int unit = 1; unit <= 4 && unit * 2 <= c.length; unit++) {
            boolean repeats = true;
            for (int i = unit; i < c.length && repeats; i++) {
                repeats = c[i] == c[i - unit];
            }
            if (repeats) {
                return true;
            }
        }
        int step = c[1] - c[0];
        if (step != 1 && step != -1) {
            return false;
        }
        for (int i = 2; i < c.length; i++) {
            if (c[i] - c[i - 1] != step) {
                return false;
            }
        }
        return true;
    }

    private static String unleet(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            b.append(switch (ch) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> ch;
            });
        }
        return b.toString();
    }

    private static List<String> personalWords(String email, String displayName) {
        List<String> words = new ArrayList<>();
        words.add(APP_NAME);
        if (email != null && !email.isBlank()) {
            String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
            words.add(fold(local));
            for (String part : local.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                words.add(part);
            }
        }
        if (displayName != null) {
            for (String part : displayName.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                words.add(part);
            }
        }
        // longest first, so a whole local part goes before its pieces
        return words.stream().filter(w -> w.length() >= 3).distinct()
                .sorted((a, b) -> Integer.compare(b.length(), a.length())).toList();
    }
}
