package org.regard.customers;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Customers and organizations: the people the team serves, remembered as people. */
@Service
@Transactional(readOnly = true)
public class Customers {
    private final CustomerRepository customers;
    private final OrganizationRepository organizations;
    private final CustomerNoteRepository notes;
    private final TierSettings tiers;
    private final Preferences preferences;
    private final Promises promises;
    private final JdbcClient jdbc;
    private final CustomerRows rows;
    private final TransactionTemplate requiresNew;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final CustomerAccess access;
    private final AddressHistory addressHistory;

    Customers(CustomerRepository customers, OrganizationRepository organizations, CustomerNoteRepository notes,
              TierSettings tiers, Preferences preferences, Promises promises, JdbcClient jdbc, CustomerRows rows,
              org.springframework.transaction.PlatformTransactionManager txManager, Clock clock,
              org.springframework.context.ApplicationEventPublisher events, CustomerAccess access,
              AddressHistory addressHistory) {
        this.access = access;
        this.addressHistory = addressHistory;
        this.rows = rows;
        this.preferences = preferences;
        this.promises = promises;
        this.customers = customers;
        this.organizations = organizations;
        this.notes = notes;
        this.tiers = tiers;
        this.jdbc = jdbc;
        this.requiresNew = new TransactionTemplate(txManager);
        this.requiresNew.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        this.clock = clock;
        this.events = events;
    }

    private CustomerView changed(CustomerView view) {
        events.publishEvent(new CustomerChanged(view.id()));
        return view;
    }

    /** A customer as other modules and pages see them, with the numbers they are reached at. */
    public record CustomerView(long id, String name, List<String> emails, String language, Long organizationId,
                               String organizationName, String tier, String preferences, int version, Instant createdAt,
                               PersonFacts facts, String languageSource, List<Phone> phones) {

        public CustomerView {
            phones = phones == null ? List.of() : List.copyOf(phones);
        }

        /** Whether an agent set the language by hand (detection then never changes it). */
        public boolean languageSetByAgent() {
            return "AGENT".equals(languageSource);
        }

        /** How agents address the person: the preferred form when known, otherwise the name. */
        public String addressedAs() {
            return facts.addressAs() == null ? name : facts.addressAs();
        }

        /** Where replies go: the first address, if any. */
        public Optional<String> primaryEmail() {
            return emails.isEmpty() ? Optional.empty() : Optional.of(emails.getFirst());
        }

        /** The tier that counts for service: the organization's when the person has none of their own above it. */
        public String effectiveTier(List<String> tierOrder, String organizationTier) {
            if (organizationTier == null) {
                return tier;
            }
            return tierOrder.indexOf(organizationTier) > tierOrder.indexOf(tier) ? organizationTier : tier;
        }
    }

    public record OrganizationView(long id, String name, String tier) {
    }

    public record NoteView(long id, String body, boolean pinned, Long authorAgentId, Instant createdAt) {
    }

    /**
     * What the agent sees first on a ticket: the person, their organization, the notes pinned about them and,
     * when their time zone is known, the time it is for them now.
     */
    public record PersonCard(CustomerView customer, Optional<OrganizationView> organization, List<NoteView> pinnedNotes,
                             List<FailingAddress> failingAddresses, Optional<ZonedDateTime> localNow,
                             List<Preferences.Value> preferenceValues, List<Promises.PromiseView> openPromises,
                             Optional<AddressChange> lastAddressChange) {
    }

    /** A change of a customer's email addresses: what they were, what they became, who changed them and when. */
    public record AddressChange(long id, long customerId, List<String> before, List<String> after, Long agentId,
                                String agentName, Instant changedAt) {
    }

    /**
     * The person behind the record: how to address them (e.g. "Mme Lefèvre"), their IANA time zone and the
     * channel they prefer; each may be null when not known.
     */
    public record PersonFacts(String addressAs, String timeZone, PreferredChannel preferredChannel) {
        public static final PersonFacts UNKNOWN = new PersonFacts(null, null, null);
    }

    /** Raised for a time zone that is not an IANA zone id such as Europe/Paris. */
    public static class InvalidTimeZone extends IllegalArgumentException {
        public InvalidTimeZone(String zone) {
            super("Not a time zone id (such as Europe/Paris): " + zone);
        }
    }

    /** An address mail to which came back undelivered, and the receiving server's reason. */
    public record FailingAddress(String email, String reason, Instant failedAt) {
    }

    /** The facts for a new customer; neither addresses nor numbers are required. */
    public record NewCustomer(String name, List<String> emails, String language, String organizationName,
                              String tier, String preferences, PersonFacts facts, List<Phone> phones) {
        public NewCustomer {
            phones = phones == null ? List.of() : List.copyOf(phones);
        }

        public NewCustomer(String name, List<String> emails, String language, String organizationName, String tier,
                           String preferences, PersonFacts facts) {
            this(name, emails, language, organizationName, tier, preferences, facts, List.of());
        }

        public NewCustomer(String name, List<String> emails, String language, String organizationName, String tier,
                           String preferences) {
            this(name, emails, language, organizationName, tier, preferences, PersonFacts.UNKNOWN);
        }
    }

    /** An edit of a customer, made against the version the editor saw; {@code phones} null keeps the numbers. */
    public record CustomerChanges(String name, List<String> emails, String language, String organizationName,
                                  String tier, String preferences, int expectedVersion, PersonFacts facts,
                                  List<Phone> phones) {
        /** A change that keeps the numbers as they are. */
        public CustomerChanges(String name, List<String> emails, String language, String organizationName, String tier,
                               String preferences, int expectedVersion, PersonFacts facts) {
            this(name, emails, language, organizationName, tier, preferences, expectedVersion, facts, null);
        }

        /** A change that keeps the person facts as they are ({@code facts} null). */
        public CustomerChanges(String name, List<String> emails, String language, String organizationName, String tier,
                               String preferences, int expectedVersion) {
            this(name, emails, language, organizationName, tier, preferences, expectedVersion, null);
        }
    }

    /** Whether this is an IANA time zone id this server knows (offsets such as +07:00 are not). */
    public static boolean isTimeZone(String zone) {
        return zone != null && ZoneId.getAvailableZoneIds().contains(zone.strip());
    }

    /** Raised when an address already belongs to another customer. */
    public static class EmailTaken extends RuntimeException {
        private final String email;

        public EmailTaken(String email) {
            super("The address " + email + " already belongs to another customer.");
            this.email = email;
        }

        public String email() {
            return email;
        }
    }

    /** Raised for a tier that is not configured. */
    public static class UnknownTier extends IllegalArgumentException {
        public UnknownTier(String tier) {
            super("Unknown tier: " + tier);
        }
    }

    public List<String> tiers() {
        return tiers.tiers();
    }

    public Optional<CustomerView> customer(long id) {
        return rows.byId(id);
    }

    /**
     * Each customer's own tier (not the organization's): one read, for the reports' backfill of tickets stored before
     * they kept the tier (new tickets carry it in their opening event).
     */
    public Map<Long, String> tiersOf(Collection<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> out = new java.util.HashMap<>();
        String in = String.join(", ", java.util.Collections.nCopies(customerIds.size(), "?"));
        jdbc.sql("select id, tier from customer where id in (" + in + ")")
                .params(List.copyOf(customerIds))
                .query((java.sql.ResultSet rs) -> {
                    out.put(rs.getLong(1), rs.getString(2));
                });
        return out;
    }

    /** The language a customer is written to in, if known: one read, for modules that need nothing else. */
    public Optional<String> languageOf(long id) {
        return jdbc.sql("select language from customer where id = ?").param(id).query(String.class).optional();
    }

    /** The organization a customer belongs to, if any: one read, for modules that need nothing else (review rules). */
    public Optional<Long> organizationOf(long customerId) {
        return jdbc.sql("select organization_id from customer where id = ?").param(customerId)
                .query((rs, n) -> rs.getObject(1, Long.class)).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<OrganizationView> organization(long id) {
        return organizations.findById(id).map(Organization::view);
    }

    /** Every organization, by name. */
    public List<OrganizationView> organizations() {
        return organizations.findAllOrdered().stream().map(Organization::view).toList();
    }

    public Optional<CustomerView> customerByEmail(String email) {
        return rows.byEmail(Customer.normalizeEmail(email));
    }

    public Optional<PersonCard> card(long id) {
        return customers.findById(id).map(c -> {
            CustomerView view = view(c);
            Optional<OrganizationView> org = Optional.ofNullable(c.getOrganizationId())
                    .flatMap(organizations::findById).map(Organization::view);
            List<NoteView> pinned = notes.findByCustomer(id).stream().map(CustomerNote::view).filter(NoteView::pinned).toList();
            Optional<ZonedDateTime> localNow = Optional.ofNullable(view.facts().timeZone())
                    .filter(Customers::isTimeZone).map(zone -> ZonedDateTime.now(clock.withZone(ZoneId.of(zone))));
            return new PersonCard(view, org, pinned, failingAddresses(view.emails()), localNow, preferences.valuesOf(id),
                    promises.openOf(id), addressHistory.last(id));
        });
    }

    public Map<Long, String> namesOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // names only: loading whole customers would also load every customer's addresses, one query each
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("select id, name from customer where id in (:ids)").param("ids", ids.stream().distinct().toList())
                .query((java.sql.ResultSet rs) -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    public Map<Long, CustomerView> viewsOf(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        // one query for all of them with their addresses and numbers (the aggregate mapping: two more per customer)
        return rows.byIds(ids);
    }

    /**
     * The customer who writes from this address, created with the given name when unknown. Joins the caller's
     * transaction when there is one (the customer is then created with what the caller writes, or not at all, and a
     * race with a twin fails that transaction for the caller to retry); without one, the loser of a race with the same
     * new address reads the winner's customer.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public CustomerView findOrCreate(String email, String name) {
        String normalized = Customer.normalizeEmail(email);
        Optional<CustomerView> known = customerByEmail(normalized);
        if (known.isPresent()) {
            return known.get();
        }
        String displayName = name == null || name.isBlank() ? normalized.substring(0, normalized.indexOf('@') > 0 ? normalized.indexOf('@') : normalized.length()) : name;
        java.util.function.Supplier<CustomerView> create =
                () -> changed(rows.insert(displayName.strip(), normalized, tiers.defaultTier(), clock.instant()));
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            // inside the caller's transaction (a ticket opened for this address): the customer is created with the
            // ticket or not at all; a concurrent twin's address fails the transaction, and the caller's retry finds it
            return create.get();
        }
        try {
            return requiresNew.execute(s -> create.get());
        } catch (DataIntegrityViolationException raced) {
            return customerByEmail(normalized).orElseThrow(() -> raced);
        }
    }

    /**
     * Creates a customer with values for preference fields (key to value, checked before anything is written).
     *
     * @throws Preferences.InvalidPreference when a value does not fit its field
     */
    @Transactional
    public CustomerView create(NewCustomer cmd, Map<String, ?> preferenceValues) {
        preferences.check(preferenceValues);
        CustomerView created = create(cmd);
        preferences.change(created.id(), preferenceValues);
        return created;
    }

    /**
     * Applies an edit and merges changes of preference values (null removes one) in one transaction.
     *
     * @throws Preferences.InvalidPreference when a value does not fit its field; nothing is changed then
     * @throws CustomerForbidden             when the actor may not change this customer ({@link CustomerAccess})
     */
    @Transactional
    public CustomerView update(long id, CustomerChanges cmd, Map<String, ?> preferenceChanges, org.regard.accounts.Actor actor) {
        preferences.check(id, preferenceChanges);
        CustomerView changed = update(id, cmd, actor);
        preferences.change(id, preferenceChanges);
        return changed;
    }

    @Transactional
    public CustomerView create(NewCustomer cmd) {
        String tier = cmd.tier() == null || cmd.tier().isBlank() ? tiers.defaultTier() : cmd.tier();
        requireKnownTier(tier);
        Instant now = clock.instant();
        List<String> emails = normalized(cmd.emails());
        emails.forEach(this::requireFree);
        Customer customer = new Customer(cmd.name(), null, tier, now);
        customer.describe(cmd.name(), cmd.language(), organizationIdFor(cmd.organizationName()), tier, cmd.preferences(), emails, now);
        applyFacts(customer, cmd.facts(), now);
        customer.reachableAt(cmd.phones(), now);
        return changed(view(saveChecked(customer)));
    }

    /**
     * Applies an edit by an actor who may change the customer ({@link CustomerAccess}, else {@link CustomerForbidden}).
     * Fails with {@link OptimisticLockingFailureException} when someone else changed the customer since the editor
     * loaded it, so no edit silently overwrites another. A change of the addresses is recorded in the customer's
     * address history and the audit log, in the same transaction.
     */
    @Transactional
    public CustomerView update(long id, CustomerChanges cmd, org.regard.accounts.Actor actor) {
        Customer customer = customers.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("No customer " + id));
        access.requireChange(actor, id);
        List<String> before = customer.emails();
        if (customer.getVersion() != cmd.expectedVersion()) {
            throw new OptimisticLockingFailureException("Customer " + id + " was changed by someone else.");
        }
        String tier = cmd.tier() == null || cmd.tier().isBlank() ? customer.getTier() : cmd.tier();
        requireKnownTier(tier);
        List<String> emails = normalized(cmd.emails());
        emails.forEach(email -> customers.findByEmail(email).filter(other -> !other.getId().equals(id))
                .ifPresent(other -> {
                    throw new EmailTaken(email);
                }));
        customer.describe(cmd.name(), cmd.language(), organizationIdFor(cmd.organizationName()), tier, cmd.preferences(), emails, clock.instant());
        applyFacts(customer, cmd.facts(), clock.instant());
        if (cmd.phones() != null) {
            customer.reachableAt(cmd.phones(), clock.instant());
        }
        CustomerView saved = view(saveChecked(customer));
        if (!before.equals(saved.emails())) {
            addressHistory.record(id, before, saved.emails(), actor);
        }
        return changed(saved);
    }

    /** Every change of the customer's addresses, newest first. */
    public List<AddressChange> addressChangesOf(long id) {
        return addressHistory.of(id);
    }

    /**
     * Records that mail to this address came back (a bounce), with the server's reason; the person card shows it
     * until the customer writes from the address again or an agent clears it.
     */
    @Transactional
    public void markAddressFailing(String email, String reason) {
        String normalized = Customer.normalizeEmail(email);
        String stripped = reason == null || reason.isBlank() ? "undeliverable" : reason.strip();
        String why = stripped.length() > 1000 ? stripped.substring(0, 1000) : stripped;
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant());
        int updated = jdbc.sql("update customer_address_failure set reason = ?, failed_at = ? where email = ?")
                .params(why, now, normalized).update();
        if (updated == 0) {
            try {
                requiresNew.executeWithoutResult(s -> jdbc.sql("insert into customer_address_failure (email, reason, failed_at) values (?, ?, ?)")
                        .params(normalized, why, now).update());
            } catch (DataIntegrityViolationException raced) {
                // another bounce for the same address was recorded at the same moment: one record is enough
            }
        }
    }

    /** Forgets that mail to this address failed (the customer wrote from it again, or an agent fixed it). */
    @Transactional
    public void clearAddressFailing(String email) {
        jdbc.sql("delete from customer_address_failure where email = ?").param(Customer.normalizeEmail(email)).update();
    }

    /** Which of these addresses are failing, in their order. */
    public List<FailingAddress> failingAddresses(List<String> emails) {
        if (emails.isEmpty()) {
            return List.of();
        }
        Map<String, FailingAddress> failing = new java.util.HashMap<>();
        jdbc.sql("select email, reason, failed_at from customer_address_failure where email in (:emails)")
                .param("emails", emails.stream().map(Customer::normalizeEmail).toList())
                .query((java.sql.ResultSet rs) -> {
                    failing.put(rs.getString(1), new FailingAddress(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()));
                });
        return emails.stream().map(e -> failing.get(Customer.normalizeEmail(e))).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * The language detected in what the customer wrote becomes theirs when they have none yet and no agent chose
     * one. Joins the caller's transaction (the customer's message and their language are saved together) and bumps
     * the version, so an editor holding the old form is told rather than overwriting it.
     */
    @Transactional
    public boolean learnLanguage(long id, String language) {
        if (language == null || language.isBlank()) {
            return false;
        }
        return jdbc.sql("update customer set language = ?, language_source = 'AUTO', version = version + 1, updated_at = ? "
                        + "where id = ? and language is null and language_source = 'AUTO'")
                .params(language.strip().toLowerCase(Locale.ROOT), java.sql.Timestamp.from(clock.instant()), id).update() == 1;
    }

    /** Sets the language replies to this customer are written in, by hand (an agent's choice). */
    @Transactional
    public void setLanguage(long id, String language) {
        customers.findById(id).ifPresent(c -> {
            c.speaks(language, clock.instant());
            customers.save(c);
            events.publishEvent(new CustomerChanged(id));
        });
    }

    /**
     * One page of customers, by id, optionally narrowed to names or addresses containing {@code query} literally:
     * {@code %}, {@code _} and the escape character {@code \} in it match only themselves. A query written like a
     * telephone number also finds the customers reached at that number however it is written
     * ({@link PhoneMatching}): by its last nine digits, or, for a shorter query, among the digits of a number.
     */
    public List<CustomerView> page(String query, Long afterId, int limit) {
        String like = query == null || query.isBlank() ? null : "%" + likeLiteral(query.strip().toLowerCase(Locale.ROOT)) + "%";
        Optional<String> digits = PhoneMatching.numberSearched(query);
        String phoneKey = digits.filter(d -> d.length() >= PhoneMatching.KEY_DIGITS).map(PhoneMatching::keyOf).orElse(null);
        String phoneDigits = digits.filter(d -> d.length() < PhoneMatching.KEY_DIGITS).map(d -> "%" + d + "%").orElse(null);
        List<Long> ids = jdbc.sql("""
                        select c.id from customer c
                        where (cast(:like as varchar) is null or lower(c.name) like :like escape '\\'
                               or exists (select 1 from customer_email e where e.customer_id = c.id
                                          and e.email like :like escape '\\')
                               or exists (select 1 from customer_phone p where p.customer_id = c.id
                                          and (p.match_key = :phoneKey or p.digits like :phoneDigits)))
                          and (cast(:after as bigint) is null or c.id > :after)
                        order by c.id limit :limit""")
                .param("like", like).param("phoneKey", phoneKey).param("phoneDigits", phoneDigits)
                .param("after", afterId).param("limit", limit)
                .query(Long.class).list();
        Map<Long, CustomerView> views = viewsOf(ids);
        return ids.stream().map(views::get).toList();
    }

    /** Text that LIKE matches literally: the escape character, {@code %} and {@code _} escaped with {@code \}. */
    static String likeLiteral(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public List<CustomerView> membersOf(long organizationId) {
        return views(customers.findByOrganization(organizationId));
    }

    private static void applyFacts(Customer customer, PersonFacts facts, Instant now) {
        if (facts == null) {
            return;
        }
        if (facts.timeZone() != null && !facts.timeZone().isBlank() && !isTimeZone(facts.timeZone())) {
            throw new InvalidTimeZone(facts.timeZone());
        }
        customer.knowAsPerson(facts.addressAs(), facts.timeZone(), facts.preferredChannel(), now);
    }

    /**
     * Saves, reporting a unique violation (an address a concurrent writer took a moment ago) as {@link EmailTaken}.
     * Any other integrity error (a value too long for its column...) is not about addresses and stays what it is.
     */
    private Customer saveChecked(Customer customer) {
        try {
            return customers.save(customer);
        } catch (DataIntegrityViolationException e) {
            if (isUniqueViolation(e)) {
                throw new EmailTaken(String.join(", ", customer.emails()));
            }
            throw e;
        }
    }

    /** SQLSTATE 23505 (unique violation) on PostgreSQL and H2 alike, however deep the driver's exception sits. */
    private static boolean isUniqueViolation(DataIntegrityViolationException e) {
        if (e instanceof org.springframework.dao.DuplicateKeyException) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private void requireFree(String email) {
        if (customers.findByEmail(email).isPresent()) {
            throw new EmailTaken(email);
        }
    }

    private void requireKnownTier(String tier) {
        if (!tiers.isKnown(tier)) {
            throw new UnknownTier(tier);
        }
    }

    private Long organizationIdFor(String organizationName) {
        if (organizationName == null || organizationName.isBlank()) {
            return null;
        }
        return organizations.findByName(organizationName.strip())
                .orElseGet(() -> organizations.save(new Organization(organizationName, tiers.defaultTier(), clock.instant()))).getId();
    }

    private static List<String> normalized(List<String> emails) {
        if (emails == null) {
            return List.of();
        }
        return emails.stream().filter(e -> e != null && !e.isBlank()).map(Customer::normalizeEmail).distinct().toList();
    }

    /** Views of many customers, reading each organization's name once rather than once per customer. */
    private List<CustomerView> views(List<Customer> list) {
        Map<Long, String> orgNames = new java.util.HashMap<>();
        organizations.findAllById(list.stream().map(Customer::getOrganizationId).filter(java.util.Objects::nonNull).distinct().toList())
                .forEach(o -> orgNames.put(o.getId(), o.getName()));
        return list.stream().map(c -> view(c, c.getOrganizationId() == null ? null : orgNames.get(c.getOrganizationId()))).toList();
    }

    private CustomerView view(Customer c) {
        String orgName = c.getOrganizationId() == null ? null
                : organizations.findById(c.getOrganizationId()).map(Organization::getName).orElse(null);
        return view(c, orgName);
    }

    private static CustomerView view(Customer c, String orgName) {
        return new CustomerView(c.getId(), c.getName(), c.emails(), c.getLanguage(), c.getOrganizationId(), orgName,
                c.getTier(), c.getPreferences(), c.getVersion(), c.getCreatedAt(),
                new PersonFacts(c.getAddressAs(), c.getTimeZone(), c.getPreferredChannel()), c.getLanguageSource(),
                c.phones());
    }
}
