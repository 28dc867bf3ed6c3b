package org.regard.customers;

import org.regard.customers.Customers.CustomerView;
import org.regard.customers.Customers.PersonFacts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * The reads and the one insert that every new ticket needs, in plain SQL: a customer with their addresses, numbers and
 * organization's name in one query (a row per address and number: customers have a few of each), and a new customer in two statements. The aggregate mapping serves the pages,
 * where a person edits a customer; on the write path it cost more than the rest of opening a ticket.
 */
@Component
class CustomerRows {
    private static final String VIEW = """
            select c.id, c.name, c.language, c.language_source, c.organization_id, o.name as organization_name, c.tier,
                   c.preferences, c.version, c.created_at, c.address_as, c.time_zone, c.preferred_channel, a.email,
                   a.position as email_position, p.number as phone_number, p.kind as phone_kind, p.position as phone_position
            from customer c
            left join organization o on o.id = c.organization_id
            left join customer_email a on a.customer_id = c.id
            left join customer_phone p on p.customer_id = c.id
            """;

    private final JdbcClient jdbc;

    CustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CustomerView> byId(long id) {
        return one(jdbc.sql(VIEW + " where c.id = ? order by a.position").param(id));
    }

    Optional<CustomerView> byEmail(String normalizedEmail) {
        return one(jdbc.sql(VIEW + " where c.id = (select customer_id from customer_email where email = ?) order by a.position")
                .param(normalizedEmail));
    }

    /**
     * Many customers by id, each with their addresses and numbers, in one query: a page of the customer list read
     * through the aggregate mapping cost two queries more per customer.
     */
    Map<Long, CustomerView> byIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Assembly> found = new java.util.LinkedHashMap<>();
        jdbc.sql(VIEW + " where c.id in (:ids)").param("ids", ids.stream().distinct().toList())
                .query((ResultSet rs) -> {
                    Assembly a = found.get(rs.getLong("id"));
                    if (a == null) {
                        a = new Assembly(view(rs));
                        found.put(a.first.id(), a);
                    }
                    a.add(rs);
                });
        Map<Long, CustomerView> views = new java.util.HashMap<>();
        found.forEach((id, a) -> views.put(id, a.view()));
        return views;
    }

    /** A new customer with one address; version 1, as the aggregate mapping expects of a stored customer. */
    CustomerView insert(String name, String email, String tier, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into customer (name, tier, created_at, updated_at, version, language_source) values (?, ?, ?, ?, 1, ?)")
                .params(name, tier, Timestamp.from(now), Timestamp.from(now), Customer.LANGUAGE_AUTO)
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("insert into customer_email (customer_id, email, position) values (?, ?, 0)").params(id, email).update();
        return new CustomerView(id, name, List.of(email), null, null, null, tier, null, 1, now, PersonFacts.UNKNOWN,
                Customer.LANGUAGE_AUTO, List.of());
    }

    private static Optional<CustomerView> one(JdbcClient.StatementSpec query) {
        Assembly[] found = {null};
        query.query((ResultSet rs) -> {
            if (found[0] == null) {
                found[0] = new Assembly(view(rs));
            }
            found[0].add(rs);
        });
        return Optional.ofNullable(found[0]).map(Assembly::view);
    }

    /** One customer's rows of {@link #VIEW} (one per address and number) put together, in their positions' order. */
    private static final class Assembly {
        private final CustomerView first;
        private final Map<Integer, String> emails = new TreeMap<>();
        private final Map<Integer, Phone> phones = new TreeMap<>();

        Assembly(CustomerView first) {
            this.first = first;
        }

        void add(ResultSet rs) throws SQLException {
            String email = rs.getString("email");
            if (email != null) {
                emails.putIfAbsent(rs.getInt("email_position"), email);
            }
            String number = rs.getString("phone_number");
            if (number != null) {
                phones.putIfAbsent(rs.getInt("phone_position"), new Phone(number, PhoneKind.valueOf(rs.getString("phone_kind"))));
            }
        }

        CustomerView view() {
            CustomerView c = first;
            return new CustomerView(c.id(), c.name(), List.copyOf(emails.values()), c.language(), c.organizationId(),
                    c.organizationName(), c.tier(), c.preferences(), c.version(), c.createdAt(), c.facts(), c.languageSource(),
                    List.copyOf(phones.values()));
        }
    }

    private static CustomerView view(ResultSet rs) throws SQLException {
        String channel = rs.getString("preferred_channel");
        return new CustomerView(rs.getLong("id"), rs.getString("name"), List.of(), rs.getString("language"),
                rs.getObject("organization_id", Long.class), rs.getString("organization_name"), rs.getString("tier"),
                rs.getString("preferences"), rs.getInt("version"), rs.getTimestamp("created_at").toInstant(),
                new PersonFacts(rs.getString("address_as"), rs.getString("time_zone"),
                        channel == null ? null : PreferredChannel.valueOf(channel)),
                rs.getString("language_source"), List.of());
    }
}
