package org.regard.customers;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table("organization")
class Organization {
    @Id
    private Long id;
    private String name;
    private String tier;
    private Instant createdAt;
    @Version
    private int version;

    Organization() {
    }

    Organization(String name, String tier, Instant createdAt) {
        this.name = name.strip();
        this.tier = tier;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getTier() {
        return tier;
    }

    void rename(String newName) {
        this.name = newName.strip();
    }

    void placeInTier(String newTier) {
        this.tier = newTier;
    }

    Customers.OrganizationView view() {
        return new Customers.OrganizationView(id, name, tier);
    }
}
