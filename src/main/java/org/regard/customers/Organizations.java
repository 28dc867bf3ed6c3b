package org.regard.customers;

import org.regard.customers.Customers.OrganizationView;
import org.regard.customers.Customers.UnknownTier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/** The organizations customers belong to, with the service tier their members share. */
@Service
@Transactional(readOnly = true)
public class Organizations {
    private final OrganizationRepository organizations;
    private final TierSettings tiers;
    private final Clock clock;

    Organizations(OrganizationRepository organizations, TierSettings tiers, Clock clock) {
        this.organizations = organizations;
        this.tiers = tiers;
        this.clock = clock;
    }

    public List<OrganizationView> all() {
        return organizations.findAllOrdered().stream().map(Organization::view).toList();
    }

    public Optional<OrganizationView> organization(long id) {
        return organizations.findById(id).map(Organization::view);
    }

    /** The organization with exactly this name (surrounding spaces ignored), if any. */
    public Optional<OrganizationView> byName(String name) {
        return organizations.findByName(name.strip()).map(Organization::view);
    }

    /** Finds an organization by name or creates it in the given tier (the default tier when none is given). */
    @Transactional
    public OrganizationView ensure(String name, String tier) {
        return organizations.findByName(name.strip()).orElseGet(() -> {
            String t = tier == null ? tiers.defaultTier() : tier;
            requireKnownTier(t);
            return organizations.save(new Organization(name, t, clock.instant()));
        }).view();
    }

    @Transactional
    public OrganizationView update(long id, String name, String tier) {
        requireKnownTier(tier);
        Organization org = organizations.findById(id).orElseThrow(() -> new NoSuchElementException("No organization " + id));
        org.rename(name);
        org.placeInTier(tier);
        return organizations.save(org).view();
    }

    private void requireKnownTier(String tier) {
        if (!tiers.isKnown(tier)) {
            throw new UnknownTier(tier);
        }
    }
}
