package org.regard.customers;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

@Table("customer")
class Customer {
    /** The language was detected from what the customer wrote; a later detection may fill it when cleared. */
    static final String LANGUAGE_AUTO = "AUTO";
    /** An agent set the language by hand; detection never changes it. */
    static final String LANGUAGE_AGENT = "AGENT";

    @Id
    private Long id;
    private String name;
    private String language;
    private String languageSource = LANGUAGE_AUTO;
    private Long organizationId;
    private String tier;
    private String preferences;
    private String addressAs;
    private String timeZone;
    private PreferredChannel preferredChannel;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private int version;
    @MappedCollection(idColumn = "customer_id", keyColumn = "position")
    private List<CustomerEmail> emails = new ArrayList<>();
    @MappedCollection(idColumn = "customer_id", keyColumn = "position")
    private List<CustomerPhone> phones = new ArrayList<>();

    Customer() {
    }

    Customer(String name, String email, String tier, Instant now) {
        this.name = name.strip();
        this.tier = tier;
        this.createdAt = now;
        this.updatedAt = now;
        if (email != null && !email.isBlank()) {
            this.emails.add(new CustomerEmail(normalizeEmail(email)));
        }
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getLanguage() {
        return language;
    }

    String getLanguageSource() {
        return languageSource;
    }

    Long getOrganizationId() {
        return organizationId;
    }

    String getTier() {
        return tier;
    }

    String getPreferences() {
        return preferences;
    }

    String getAddressAs() {
        return addressAs;
    }

    String getTimeZone() {
        return timeZone;
    }

    PreferredChannel getPreferredChannel() {
        return preferredChannel;
    }

    int getVersion() {
        return version;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    List<String> emails() {
        return emails.stream().map(CustomerEmail::email).toList();
    }

    List<Phone> phones() {
        return phones.stream().map(CustomerPhone::phone).toList();
    }

    /** The numbers the customer is reached at, in this order; a number written twice is kept once. */
    void reachableAt(List<Phone> newPhones, Instant now) {
        List<Phone> distinct = new ArrayList<>();
        for (Phone phone : newPhones) {
            if (distinct.stream().noneMatch(known -> known.sameNumberAs(phone))) {
                distinct.add(phone);
            }
        }
        this.phones = new ArrayList<>(distinct.stream().map(CustomerPhone::of).toList());
        this.updatedAt = now;
    }

    void describe(String newName, String newLanguage, Long newOrganizationId, String newTier, String newPreferences,
                  List<String> newEmails, Instant now) {
        this.name = newName.strip();
        speaks(newLanguage, now);
        this.organizationId = newOrganizationId;
        this.tier = newTier;
        this.preferences = newPreferences == null || newPreferences.isBlank() ? null : newPreferences.strip();
        this.emails = new ArrayList<>(newEmails.stream().map(Customer::normalizeEmail).distinct().map(CustomerEmail::new).toList());
        this.updatedAt = now;
    }

    /** How to address this person, their time zone (an IANA id, already checked) and how they like to be reached. */
    void knowAsPerson(String newAddressAs, String newTimeZone, PreferredChannel newChannel, Instant now) {
        this.addressAs = newAddressAs == null || newAddressAs.isBlank() ? null : newAddressAs.strip();
        this.timeZone = newTimeZone == null || newTimeZone.isBlank() ? null : newTimeZone.strip();
        this.preferredChannel = newChannel;
        this.updatedAt = now;
    }

    /**
     * Takes from a duplicate being merged into this customer what this one does not know: language (one an agent set
     * beats a detected one), organization and tier, how to address them, time zone, preferred channel. Free-text
     * preferences are combined. Where both know something, this customer's own value stays.
     */
    void absorb(Customer duplicate, Instant now) {
        if (duplicate.language != null && (language == null
                || LANGUAGE_AUTO.equals(languageSource) && LANGUAGE_AGENT.equals(duplicate.languageSource))) {
            this.language = duplicate.language;
            this.languageSource = duplicate.languageSource;
        }
        if (organizationId == null && duplicate.organizationId != null) {
            this.organizationId = duplicate.organizationId;
            this.tier = tier == null ? duplicate.tier : tier;
        }
        if (duplicate.preferences != null && (preferences == null || !preferences.contains(duplicate.preferences))) {
            this.preferences = preferences == null ? duplicate.preferences : preferences + "\n" + duplicate.preferences;
        }
        this.addressAs = addressAs != null ? addressAs : duplicate.addressAs;
        this.timeZone = timeZone != null ? timeZone : duplicate.timeZone;
        this.preferredChannel = preferredChannel != null ? preferredChannel : duplicate.preferredChannel;
        this.updatedAt = now;
    }

    /** Gives up every address (this customer is being merged into another). */
    void dropAddresses(Instant now) {
        this.emails = new ArrayList<>();
        this.updatedAt = now;
    }

    /** Takes these addresses, in this order (a merge adds the duplicate's after the customer's own). */
    void takeAddresses(List<String> addresses, Instant now) {
        this.emails = new ArrayList<>(addresses.stream().map(Customer::normalizeEmail).distinct().map(CustomerEmail::new).toList());
        this.updatedAt = now;
    }

    /**
     * An agent states the customer's language. Only a change counts as setting it by hand (saving a form that shows
     * the detected language keeps it detected); clearing it lets detection fill it again.
     */
    void speaks(String newLanguage, Instant now) {
        String normalized = newLanguage == null || newLanguage.isBlank() ? null : newLanguage.strip().toLowerCase(Locale.ROOT);
        if (normalized == null) {
            this.languageSource = LANGUAGE_AUTO;
        } else if (!normalized.equals(language)) {
            this.languageSource = LANGUAGE_AGENT;
        }
        this.language = normalized;
        this.updatedAt = now;
    }

    void joinOrganization(Long newOrganizationId, Instant now) {
        this.organizationId = newOrganizationId;
        this.updatedAt = now;
    }
}
