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
    @Id
    private Long id;
    private String name;
    private String language;
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

    void describe(String newName, String newLanguage, Long newOrganizationId, String newTier, String newPreferences,
                  List<String> newEmails, Instant now) {
        this.name = newName.strip();
        this.language = newLanguage == null || newLanguage.isBlank() ? null : newLanguage.strip().toLowerCase(Locale.ROOT);
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

    void speaks(String newLanguage, Instant now) {
        this.language = newLanguage == null || newLanguage.isBlank() ? null : newLanguage.strip().toLowerCase(Locale.ROOT);
        this.updatedAt = now;
    }

    void joinOrganization(Long newOrganizationId, Instant now) {
        this.organizationId = newOrganizationId;
        this.updatedAt = now;
    }
}
