package org.regard.customers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Duplicates and merging: suggests customers who are probably the same person (same name ignoring case and
 * accents, or the same organization and a similar address) and merges a duplicate into a survivor. A merge
 * moves addresses, notes, preference values, promises and address failures, gives the survivor what only the
 * duplicate knew (language, organization, how to address them, time zone, channel, free-text preferences), asks the other modules to move
 * what they hold ({@link CustomersMerged}), records what moved and deletes the duplicate, all in one
 * transaction.
 */
@Service
@Transactional(readOnly = true)
public class Merges {
    private final CustomerRepository customers;
    private final Customers customerService;
    private final Preferences preferences;
    private final Promises promises;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MergeAccess access;
    private final AddressHistory addressHistory;

    Merges(CustomerRepository customers, Customers customerService, Preferences preferences, Promises promises,
           JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, MergeAccess access,
           AddressHistory addressHistory) {
        this.access = access;
        this.addressHistory = addressHistory;
        this.customers = customers;
        this.customerService = customerService;
        this.preferences = preferences;
        this.promises = promises;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** A recorded merge, as the survivor's page shows it. */
    public record MergeView(long id, long survivorId, long mergedId, String mergedName, List<String> mergedEmails,
                            Long agentId, String agentName, Instant mergedAt, int addresses, int notes,
                            int preferenceValues, int promises, int addressFailures) {
    }

    /** Raised when a customer is to be merged into itself. */
    public static class SameCustomer extends IllegalArgumentException {
        public SameCustomer(long id) {
            super("Customer " + id + " cannot be merged into itself.");
        }
    }

    /** Customers who are probably the same person as this one, by id. */
    public List<Customers.CustomerView> duplicatesOf(long id) {
        Customer customer = customers.findById(id).orElseThrow(() -> new NoSuchElementException("No customer " + id));
        Set<Long> ids = new LinkedHashSet<>(jdbc.sql("""
                        select id from customer where id <> :id and translate(lower(name), :from, :to) = :key
                        order by id limit 50""")
                .param("id", id).param("from", FOLD_FROM).param("to", FOLD_TO).param("key", fold(customer.getName()))
                .query(Long.class).list());
        if (customer.getOrganizationId() != null) {
            List<String> mine = customer.emails();
            for (Customer other : customers.findByOrganization(customer.getOrganizationId())) {
                if (!other.getId().equals(customer.getId()) && similarAddresses(mine, other.emails())) {
                    ids.add(other.getId());
                }
            }
        }
        var views = customerService.viewsOf(ids);
        return ids.stream().map(views::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The merges into this customer, newest first. */
    public List<MergeView> mergesInto(long survivorId) {
        return jdbc.sql("""
                        select id, survivor_id, merged_id, merged_name, merged_emails, agent_id, agent_name, merged_at,
                               moved_addresses, moved_notes, moved_preferences, moved_promises, moved_failures
                        from customer_merge where survivor_id = ? order by merged_at desc, id desc""")
                .param(survivorId)
                .query((rs, n) -> new MergeView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5).isEmpty() ? List.of() : List.of(rs.getString(5).split("\n")),
                        rs.getObject(6, Long.class), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getInt(9),
                        rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13)))
                .list();
    }

    /**
     * The customer a merged (and so deleted) customer lives on in, so that its old address can lead there; empty
     * for a customer that was never merged away.
     */
    public java.util.Optional<Long> survivorOf(long mergedId) {
        return jdbc.sql("select survivor_id from customer_merge where merged_id = ? order by merged_at desc, id desc")
                .param(mergedId).query(Long.class).optional();
    }

    /**
     * Merges the duplicate into the survivor for an actor who may change both ({@link MergeAccess}, else
     * {@link CustomerForbidden}), records it with the agent's name and in the audit log, and returns the record.
     */
    @Transactional
    public MergeView merge(long survivorId, long duplicateId, org.regard.accounts.Actor actor, String agentName) {
        if (survivorId == duplicateId) {
            throw new SameCustomer(survivorId);
        }
        Customer survivor = customers.findById(survivorId).orElseThrow(() -> new NoSuchElementException("No customer " + survivorId));
        Customer duplicate = customers.findById(duplicateId).orElseThrow(() -> new NoSuchElementException("No customer " + duplicateId));
        access.requireMerge(actor, survivorId, duplicateId);
        Long agentId = actor.agentId();
        Instant now = clock.instant();
        List<String> addresses = duplicate.emails();
        int failures = customerService.failingAddresses(addresses).size();
        duplicate.dropAddresses(now);
        customers.save(duplicate);
        List<String> all = new ArrayList<>(survivor.emails());
        addresses.stream().filter(a -> !all.contains(a)).forEach(all::add);
        survivor.takeAddresses(all, now);
        List<Phone> phones = new ArrayList<>(survivor.phones());
        phones.addAll(duplicate.phones());
        survivor.reachableAt(phones, now); // a number both had is kept once, as the survivor wrote it
        survivor.absorb(duplicate, now);
        customers.save(survivor);
        int notes = jdbc.sql("update customer_note set customer_id = ? where customer_id = ?").params(survivorId, duplicateId).update();
        int values = preferences.moveValues(duplicateId, survivorId).size();
        int moved = promises.moveAll(duplicateId, survivorId);
        addressHistory.move(duplicateId, survivorId);
        addressHistory.recordMerge(survivorId, duplicateId, duplicate.getName(), addresses, actor, agentName);
        events.publishEvent(new CustomersMerged(survivorId, duplicateId, agentId, now));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into customer_merge (survivor_id, merged_id, merged_name, merged_emails, agent_id, agent_name,
                            merged_at, moved_addresses, moved_notes, moved_preferences, moved_promises, moved_failures)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(survivorId, duplicateId, duplicate.getName(), String.join("\n", addresses), agentId, agentName,
                        Timestamp.from(now), addresses.size(), notes, values, moved, failures)
                .update(keys, "id");
        // what was merged into the duplicate now leads to the survivor too (and no record names a deleted survivor)
        jdbc.sql("update customer_merge set survivor_id = ? where survivor_id = ?").params(survivorId, duplicateId).update();
        customers.deleteById(duplicateId);
        long id = keys.getKey().longValue();
        return mergesInto(survivorId).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    private static boolean similarAddresses(List<String> mine, List<String> theirs) {
        for (String a : mine) {
            for (String b : theirs) {
                String localA = local(a);
                String localB = local(b);
                if (!localA.isEmpty() && localA.equals(localB) || domain(a).equals(domain(b))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The local part without dots, dashes, underscores, digits or a +tag: jean.dupont2+x and jeandupont match. */
    private static String local(String email) {
        int at = email.indexOf('@');
        String local = at < 0 ? email : email.substring(0, at);
        int plus = local.indexOf('+');
        if (plus >= 0) {
            local = local.substring(0, plus);
        }
        return local.replaceAll("[._\\-0-9]", "");
    }

    private static String domain(String email) {
        int at = email.indexOf('@');
        return at < 0 ? "" : email.substring(at + 1);
    }

    /** Lower-case letters with accents (French, German, Vietnamese and more) and what they fold to. */
    static final String FOLD_FROM;
    static final String FOLD_TO;

    static {
        StringBuilder from = new StringBuilder();
        StringBuilder to = new StringBuilder();
        for (char c = 0x00C0; c <= 0x024F; c++) {
            add(c, from, to);
        }
        for (char c = 0x1E00; c <= 0x1EFF; c++) {
            add(c, from, to);
        }
        from.append('đ');
        to.append('d');
        FOLD_FROM = from.toString();
        FOLD_TO = to.toString();
    }

    private static void add(char c, StringBuilder from, StringBuilder to) {
        if (!Character.isLowerCase(c)) {
            return;
        }
        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        if (base.length() == 1 && base.charAt(0) < 128 && base.charAt(0) != c) {
            from.append(c);
            to.append(base.charAt(0));
        }
    }

    /** The name as the duplicate search compares it: lower case, accents folded the way the SQL folds them. */
    static String fold(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (char c : lower.toCharArray()) {
            int i = FOLD_FROM.indexOf(c);
            out.append(i < 0 ? c : FOLD_TO.charAt(i));
        }
        return out.toString();
    }
}
