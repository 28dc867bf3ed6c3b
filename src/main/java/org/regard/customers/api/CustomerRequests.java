package org.regard.customers.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerChanges;
import org.regard.customers.Customers.PersonFacts;
import org.regard.customers.Phone;
import org.regard.customers.PhoneKind;
import org.regard.customers.PreferredChannel;
import org.regard.customers.Preferences;
import org.regard.customers.Customers.CustomerView;
import org.regard.customers.Customers.NewCustomer;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What callers send to the customer API. */
final class CustomerRequests {
    static final int MAX_NAME = 200;
    static final int MAX_EMAIL = 254;
    static final int MAX_EMAILS = 20;
    static final int MAX_PREFERENCES = 10_000;
    static final String LANGUAGE = "[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?";
    static final int MAX_PHONES = 20;
    /** A number as {@link Phone} accepts it: a leading +, 3 to 15 digits, and spaces, dots, dashes, slashes, brackets. */
    static final String PHONE_NUMBER = "\\+?[\\s().\\-/]*(?:[0-9][\\s().\\-/]*){3,15}";
    static final String PHONE_NUMBER_MESSAGE =
            "must be 3 to 15 digits, optionally with a leading + and spaces, dots, dashes or brackets";

    /** One telephone number of a customer, as sent. */
    @Schema(name = "PhoneNumber", description = "A number the customer is reached at, as written, and its kind.")
    record PhoneRequest(
            @Schema(description = "The number as written, e.g. +33 6 12 34 56 78; found however it is written",
                    example = "+33 6 12 34 56 78")
            @NotBlank @Size(max = Phone.MAX_LENGTH) @Pattern(regexp = PHONE_NUMBER, message = PHONE_NUMBER_MESSAGE) String number,
            @Schema(description = "What kind of line; other when left out", allowableValues = {"mobile", "work", "home", "other"},
                    nullable = true)
            @Pattern(regexp = "(?i)mobile|work|home|other", message = "must be one of mobile, work, home, other") String kind) {

        Phone toPhone() {
            return new Phone(number, PhoneKind.parse(kind).orElse(PhoneKind.OTHER));
        }
    }

    /** The numbers as sent; a number that the domain still refuses is a 400 naming {@code phones[i].number}. */
    static List<Phone> checkedPhones(List<PhoneRequest> sent) {
        if (sent == null) {
            return List.of();
        }
        List<Phone> phones = new java.util.ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            PhoneRequest phone = sent.get(i);
            if (phone == null) {
                throw new InvalidField("phones[" + i + "]", "must not be null");
            }
            try {
                phones.add(phone.toPhone());
            } catch (Phone.InvalidPhone e) {
                throw new InvalidField("phones[" + i + "].number", e.problem());
            }
        }
        return phones;
    }

    private CustomerRequests() {
    }

    /**
     * Raised for a field (or parameter) that cannot be used: a 400 problem whose {@code errors} name it,
     * shaped like every other validation problem of the API.
     */
    static final class InvalidField extends ErrorResponseException {
        InvalidField(String field, String problem) {
            super(HttpStatus.BAD_REQUEST, details(field, problem), null);
        }

        private static ProblemDetail details(String field, String problem) {
            ProblemDetail details = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                    "Please correct these fields: " + field + " " + problem + ".");
            details.setTitle("Invalid request");
            details.setProperty("errors", List.of(Map.of("field", field, "message", problem)));
            return details;
        }
    }

    /** The person facts as sent, checked: an unknown time zone or channel is a 400 naming the field. */
    static PersonFacts facts(String addressAs, String timeZone, String preferredChannel) {
        if (timeZone != null && !Customers.isTimeZone(timeZone)) {
            throw new InvalidField("timeZone", "must be an IANA time zone id such as Europe/Paris");
        }
        PreferredChannel channel = null;
        if (preferredChannel != null) {
            channel = PreferredChannel.parse(preferredChannel).orElseThrow(
                    () -> new InvalidField("preferredChannel", "must be one of email, phone, visit, web"));
        }
        return new PersonFacts(addressAs, timeZone, channel);
    }

    /** A preference value that does not fit, as a 400 naming {@code preferenceValues.<key>}. */
    static InvalidField invalid(Preferences.InvalidPreference e) {
        return new InvalidField("preferenceValues." + e.key(), e.problem());
    }

    @Schema(name = "NewCustomer", description = "A customer to create.")
    record NewCustomerRequest(
            @NotBlank @Size(max = MAX_NAME) String name,
            @Schema(description = "Addresses the customer writes from; replies go to the first")
            @Size(max = MAX_EMAILS) List<@NotBlank @Email @Size(max = MAX_EMAIL) String> emails,
            @Schema(description = "Language code such as en, fr, de, vi", nullable = true)
            @Pattern(regexp = LANGUAGE, message = "must be a language code such as en, fr or pt-BR") String language,
            @Schema(description = "The organization's name; created when new", nullable = true) @Size(max = MAX_NAME) String organization,
            @Schema(description = "One of the configured tiers; by default the first", nullable = true) String tier,
            @Schema(nullable = true) @Size(max = MAX_PREFERENCES) String preferences,
            @Schema(description = "How to address the person, e.g. Mme Lefèvre", nullable = true) @Size(max = MAX_NAME) String addressAs,
            @Schema(description = "IANA time zone id, e.g. Asia/Ho_Chi_Minh", nullable = true) String timeZone,
            @Schema(allowableValues = {"email", "phone", "visit", "web"}, nullable = true) String preferredChannel,
            @Schema(description = "Values of preference fields by key", nullable = true) Map<String, Object> preferenceValues,
            @Schema(description = "The numbers the customer is reached at, first the one to call", nullable = true)
            @Size(max = MAX_PHONES) List<@Valid PhoneRequest> phones) {

        Map<String, Object> preferenceMap() {
            return preferenceValues == null ? Map.of() : preferenceValues;
        }

        NewCustomer toCommand() {
            return new NewCustomer(name, emails == null ? List.of() : emails, language, organization, tier, preferences,
                    facts(addressAs, timeZone, preferredChannel), checkedPhones(phones));
        }
    }

    /**
     * A partial change of a customer: fields left out keep their value, {@code null} clears the ones a
     * customer may lack (language, organization, preferences). Unknown fields are refused rather than
     * silently ignored.
     */
    @Schema(name = "CustomerChanges", description = "Any of these fields; the ones left out keep their value. "
            + "null clears language, organization or preferences.")
    static final class CustomerChangesRequest {
        @Size(max = MAX_NAME)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        private String name;
        @Size(max = MAX_EMAILS)
        private List<@NotBlank @Email @Size(max = MAX_EMAIL) String> emails;
        @Pattern(regexp = LANGUAGE, message = "must be a language code such as en, fr or pt-BR")
        private String language;
        @Size(max = MAX_NAME)
        private String organization;
        private String tier;
        @Size(max = MAX_PREFERENCES)
        private String preferences;
        @Size(max = MAX_NAME)
        private String addressAs;
        private String timeZone;
        private String preferredChannel;
        private Map<String, Object> preferenceValues;
        @Size(max = MAX_PHONES)
        private List<@Valid PhoneRequest> phones;
        private final Set<String> sent = new LinkedHashSet<>();
        private final Set<String> unknown = new LinkedHashSet<>();

        public String getName() {
            return name;
        }

        @JsonSetter("name")
        void name(String value) {
            sent.add("name");
            name = value;
        }

        @Schema(description = "Replaces every address; the first is where replies go")
        public List<String> getEmails() {
            return emails;
        }

        @JsonSetter("emails")
        void emails(List<String> value) {
            sent.add("emails");
            emails = value;
        }

        @Schema(nullable = true)
        public String getLanguage() {
            return language;
        }

        @JsonSetter("language")
        void language(String value) {
            sent.add("language");
            language = value;
        }

        @Schema(description = "The organization's name; created when new", nullable = true)
        public String getOrganization() {
            return organization;
        }

        @JsonSetter("organization")
        void organization(String value) {
            sent.add("organization");
            organization = value;
        }

        public String getTier() {
            return tier;
        }

        @JsonSetter("tier")
        void tier(String value) {
            sent.add("tier");
            tier = value;
        }

        @Schema(nullable = true)
        public String getPreferences() {
            return preferences;
        }

        @JsonSetter("preferences")
        void preferences(String value) {
            sent.add("preferences");
            preferences = value;
        }

        @Schema(description = "How to address the person, e.g. Mme Lefèvre", nullable = true)
        public String getAddressAs() {
            return addressAs;
        }

        @JsonSetter("addressAs")
        void addressAs(String value) {
            sent.add("addressAs");
            addressAs = value;
        }

        @Schema(description = "IANA time zone id, e.g. Asia/Ho_Chi_Minh", nullable = true)
        public String getTimeZone() {
            return timeZone;
        }

        @JsonSetter("timeZone")
        void timeZone(String value) {
            sent.add("timeZone");
            timeZone = value;
        }

        @Schema(allowableValues = {"email", "phone", "visit", "web"}, nullable = true)
        public String getPreferredChannel() {
            return preferredChannel;
        }

        @JsonSetter("preferredChannel")
        void preferredChannel(String value) {
            sent.add("preferredChannel");
            preferredChannel = value;
        }

        @Schema(description = "Merged into the customer's preference values by key: keys left out keep their value, "
                + "null removes one", nullable = true)
        public Map<String, Object> getPreferenceValues() {
            return preferenceValues;
        }

        @JsonSetter("preferenceValues")
        void preferenceValues(Map<String, Object> value) {
            sent.add("preferenceValues");
            preferenceValues = value;
        }

        @Schema(description = "Replaces every number; [] removes them all")
        public List<PhoneRequest> getPhones() {
            return phones;
        }

        @JsonSetter("phones")
        void phones(List<PhoneRequest> value) {
            sent.add("phones");
            phones = value;
        }

        /** The preference values to merge; empty when none were sent. */
        @JsonIgnore
        Map<String, Object> preferenceChanges() {
            return preferenceValues == null ? Map.of() : preferenceValues;
        }

        @JsonAnySetter
        void unknownField(String field, Object ignored) {
            unknown.add(field);
        }

        /** The sent fields laid over the customer as they are now, checked against {@code expectedVersion}. */
        @JsonIgnore
        CustomerChanges applyTo(CustomerView current, int expectedVersion) {
            if (!unknown.isEmpty()) {
                throw new InvalidField(unknown.iterator().next(),
                        "is not a field of a customer (send name, emails, language, organization, tier, preferences, "
                                + "addressAs, timeZone, preferredChannel, preferenceValues or phones)");
            }
            requireValue("name", name);
            requireValue("emails", emails);
            requireValue("tier", tier);
            requireValue("phones", phones);
            return new CustomerChanges(
                    sent.contains("name") ? name : current.name(),
                    sent.contains("emails") ? emails : current.emails(),
                    sent.contains("language") ? language : current.language(),
                    sent.contains("organization") ? organization : current.organizationName(),
                    sent.contains("tier") ? tier : current.tier(),
                    sent.contains("preferences") ? preferences : current.preferences(),
                    expectedVersion,
                    facts(sent.contains("addressAs") ? addressAs : current.facts().addressAs(),
                            sent.contains("timeZone") ? timeZone : current.facts().timeZone(),
                            sent.contains("preferredChannel") ? preferredChannel
                                    : current.facts().preferredChannel() == null ? null : current.facts().preferredChannel().value()),
                    sent.contains("phones") ? checkedPhones(phones) : null);
        }

        private void requireValue(String field, Object value) {
            if (sent.contains(field) && value == null) {
                throw new InvalidField(field, "cannot be null; leave it out to keep the current value");
            }
        }
    }
}
