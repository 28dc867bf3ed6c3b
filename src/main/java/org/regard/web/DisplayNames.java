package org.regard.web;

import org.regard.customers.TierNames;
import org.regard.text.DisplayText;
import org.regard.text.LocalNames;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.List;
import java.util.Map;

/**
 * Names as the pages show them, {@code ${@names.of(customer.name())}} and {@code ${@names.file(a.fileName())}}: without
 * the characters that reorder the text around them (see {@link DisplayText}). The pages also give every shown name
 * {@code dir="auto"}, which isolates it, so a right-to-left name reads right and never turns its surroundings.
 * {@code ${@names.tier(customer.tier())}} is a service tier's name in the agent's language (read once per page, and
 * only by pages that show a tier).
 */
@Component("names")
public class DisplayNames {
    private static final String TIER_NAMES = DisplayNames.class.getName() + ".tiers";

    private final TierNames tiers;

    DisplayNames(TierNames tiers) {
        this.tiers = tiers;
    }

    public String of(String name) {
        return DisplayText.name(name);
    }

    public String file(String fileName) {
        return DisplayText.fileName(fileName);
    }

    /** The languages a name can be given in, for the admin pages' inputs. */
    public List<String> languages() {
        return LocalNames.LANGUAGES;
    }

    /** A tier's name in the reader's language; its key when it has none (or is no longer configured). */
    public String tier(String key) {
        if (key == null) {
            return null;
        }
        return DisplayText.name(tierNames().getOrDefault(key, key));
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> tierNames() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return tiers.current();
        }
        Map<String, String> names = (Map<String, String>) request.getAttribute(TIER_NAMES, RequestAttributes.SCOPE_REQUEST);
        if (names == null) {
            names = tiers.current();
            request.setAttribute(TIER_NAMES, names, RequestAttributes.SCOPE_REQUEST);
        }
        return names;
    }
}
