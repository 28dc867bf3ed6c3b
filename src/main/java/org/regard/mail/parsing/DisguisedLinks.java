package org.regard.mail.parsing;

import com.google.common.net.InternetDomainName;
import org.jsoup.nodes.Element;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links whose text shows one address and that lead to another: the text {@code https://paypal.com} on a link to
 * {@code https://paypal.com.evil.example/login}. A link is disguised when its whole visible text looks like a web
 * address, a domain or an e-mail address, and the domain someone registered (the part just below its public suffix:
 * {@code paypal.com}, {@code example.co.uk}) differs from the one the link goes to. Subdomains of the same domain
 * ({@code www.paypal.com} for {@code paypal.com}) are not disguises. Host names are compared in their ASCII form, so an
 * internationalised name written in Unicode matches its {@code xn--} form.
 */
public final class DisguisedLinks {

    private static final String LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?";

    /** Visible text that reads as an address: optional scheme, optional user part, a dotted host, optional rest. */
    private static final Pattern ADDRESS_TEXT = Pattern.compile(
            "(?:(?:https?|ftp)://)?(?:[^\\s/@]{1,64}@)?((?:" + LABEL + "\\.){1,10}\\p{L}{2,63})\\.?(?::\\d{1,5})?(?:[/?#\\\\]\\S*)?",
            Pattern.CASE_INSENSITIVE);

    private static final int MAX_TEXT = 2_000;

    /** The class of the warnings added to a page: the sanitiser lets no class through, so a message cannot fake one. */
    public static final String WARNING_CLASS = "regard-link-warning";

    /**
     * Readable whatever the message's own styles (they are inherited by nothing here: every property that shows text is
     * set).
     */
    private static final String WARNING_STYLE = "display:inline-block;margin:0 0 0 .3em;padding:0 .3em;border:1px solid #b45309;"
            + "border-radius:3px;background:#fef3c7;color:#7c2d12;font:bold 13px/1.4 sans-serif;font-style:normal;"
            + "text-decoration:none;text-transform:none;letter-spacing:normal;visibility:visible;opacity:1";

    private DisguisedLinks() {
    }

    /**
     * Puts a warning right after every disguised link under {@code root}; {@code warning} gives the warning's text for
     * the host the link really goes to. Returns how many links were marked.
     */
    public static int mark(Element root, Function<String, String> warning) {
        int marked = 0;
        for (Element link : root.select("a[href]")) {
            Optional<String> destination = disguisedDestination(link.text(), link.attr("href"));
            if (destination.isPresent()) {
                Element note = new Element("span").addClass(WARNING_CLASS).attr("role", "note")
                        .attr("style", WARNING_STYLE).text("\u26a0 " + warning.apply(destination.get()));
                link.after(note);
                marked++;
            }
        }
        return marked;
    }

    /**
     * The host a link really goes to, when its visible {@code text} shows an address on another registered domain;
     * empty when the text shows no address, or the same domain.
     */
    public static Optional<String> disguisedDestination(String text, String href) {
        String shown = text == null ? "" : text.strip();
        if (shown.isEmpty() || shown.length() > MAX_TEXT || href == null) {
            return Optional.empty();
        }
        Matcher address = ADDRESS_TEXT.matcher(shown);
        if (!address.matches()) {
            return Optional.empty();
        }
        Optional<String> shownHost = ascii(address.group(1)).filter(DisguisedLinks::isRegistrable);
        Optional<String> target = hrefHost(href.strip()).flatMap(DisguisedLinks::ascii);
        if (shownHost.isEmpty() || target.isEmpty()) {
            return Optional.empty();
        }
        return registered(shownHost.get()).equals(registered(target.get())) ? Optional.empty() : target;
    }

    /** The host of an {@code http(s):} link, or the domain of a {@code mailto:} link. */
    private static Optional<String> hrefHost(String href) {
        String lower = href.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            String address = href.substring("mailto:".length());
            int end = indexOfAny(address, "?,", address.length());
            address = address.substring(0, end);
            int at = address.lastIndexOf('@');
            return at < 0 ? Optional.empty() : nonEmpty(address.substring(at + 1));
        }
        int scheme = lower.startsWith("https://") ? 8 : lower.startsWith("http://") ? 7 : -1;
        if (scheme < 0) {
            return Optional.empty();
        }
        String rest = href.substring(scheme);
        // browsers end the authority at a path, query or fragment, and read a backslash as a slash
        String authority = rest.substring(0, indexOfAny(rest, "/?#\\", rest.length()));
        String host = authority.substring(authority.lastIndexOf('@') + 1);
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return nonEmpty(close < 0 ? host : host.substring(0, close + 1));
        }
        int colon = host.indexOf(':');
        return nonEmpty(colon < 0 ? host : host.substring(0, colon));
    }

    private static int indexOfAny(String value, String characters, int otherwise) {
        for (int i = 0; i < value.length(); i++) {
            if (characters.indexOf(value.charAt(i)) >= 0) {
                return i;
            }
        }
        return otherwise;
    }

    private static Optional<String> nonEmpty(String host) {
        String stripped = host.strip();
        while (stripped.endsWith(".")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped.isEmpty() ? Optional.empty() : Optional.of(stripped);
    }

    /** The host in lower-case ASCII ({@code xn--} for internationalised labels); as it is when it is no domain name. */
    private static Optional<String> ascii(String host) {
        try {
            return Optional.of(IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException notADomain) {
            return Optional.of(host.toLowerCase(Locale.ROOT));
        }
    }

    /** True for a domain name below a public suffix: {@code paypal.com} is one, {@code report.pdf} is not. */
    private static boolean isRegistrable(String host) {
        return InternetDomainName.isValid(host) && InternetDomainName.from(host).isUnderPublicSuffix();
    }

    /** The registered domain of a host ({@code paypal.com} for {@code www.paypal.com}); any other host as it is. */
    private static String registered(String host) {
        if (!InternetDomainName.isValid(host)) {
            return host;
        }
        InternetDomainName name = InternetDomainName.from(host);
        return name.isUnderPublicSuffix() ? name.topPrivateDomain().toString() : host;
    }
}
