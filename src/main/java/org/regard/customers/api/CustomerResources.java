package org.regard.customers.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.regard.customers.Customers.CustomerView;
import org.regard.customers.Preferences;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the customer API answers. */
final class CustomerResources {
    private CustomerResources() {
    }

    @Schema(name = "Customer", description = "A person the team serves.")
    record CustomerResource(
            long id,
            String name,
            @Schema(description = "The addresses the customer writes from; replies go to the first") List<String> emails,
            @Schema(description = "The language replies are written in (e.g. fr); null when not known", nullable = true) String language,
            @Schema(nullable = true) OrganizationRef organization,
            String tier,
            @Schema(description = "Other preferences: how the customer likes to be served, in the team's words", nullable = true) String preferences,
            @Schema(description = "How to address the person, e.g. Mme Lefèvre", nullable = true) String addressAs,
            @Schema(description = "IANA time zone id, e.g. Asia/Ho_Chi_Minh", nullable = true) String timeZone,
            @Schema(description = "How the person likes to be reached", allowableValues = {"email", "phone", "visit", "web"}, nullable = true) String preferredChannel,
            @Schema(description = "Values of the team's preference fields, by key: text, number, date (yyyy-mm-dd) or boolean, as the field's type says")
            Map<String, Object> preferenceValues,
            @Schema(description = "Changes with every edit; send it back in If-Match to edit safely (also the ETag)") int version,
            Instant createdAt,
            @Schema(description = "Where the language came from: auto (detected from what the customer wrote; filled when "
                    + "unknown) or agent (set by hand; detection never changes it). Setting language makes it agent.")
            LanguageSource languageSource,
            @Schema(description = "The numbers the customer is reached at, as written, first the one to call") List<PhoneResource> phones) {

        static CustomerResource of(CustomerView c, List<Preferences.Value> values) {
            return new CustomerResource(c.id(), c.name(), c.emails(), c.language(),
                    c.organizationId() == null ? null : new OrganizationRef(c.organizationId(), c.organizationName()),
                    c.tier(), c.preferences(), c.facts().addressAs(), c.facts().timeZone(),
                    c.facts().preferredChannel() == null ? null : c.facts().preferredChannel().value(),
                    Preferences.asObject(values), c.version(), c.createdAt(),
                    c.languageSetByAgent() ? LanguageSource.AGENT : LanguageSource.AUTO,
                    c.phones().stream().map(p -> new PhoneResource(p.number(), p.kind().value())).toList());
        }
    }

    @Schema(name = "Phone", description = "A number the customer is reached at.")
    record PhoneResource(
            @Schema(description = "As written, e.g. +33 6 12 34 56 78") String number,
            @Schema(allowableValues = {"mobile", "work", "home", "other"}) String kind) {
    }

    /** Where a customer's language came from; lower-case in JSON. */
    @Schema(name = "LanguageSource", description = "auto: detected; agent: set by hand")
    enum LanguageSource {
        AUTO, AGENT;

        @com.fasterxml.jackson.annotation.JsonValue
        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Schema(name = "OrganizationRef", description = "The organization a customer belongs to.")
    record OrganizationRef(long id, String name) {
    }

    @Schema(name = "CustomerPage", description = "One page of customers, by id.")
    record CustomerPage(
            List<CustomerResource> items,
            @Schema(description = "Pass as `cursor` to get the next page; null on the last page", nullable = true) String nextCursor) {
    }
}
