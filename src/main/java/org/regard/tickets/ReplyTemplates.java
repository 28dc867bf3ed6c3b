package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.customers.Customers;
import org.regard.languages.Languages;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Reply templates: one text the team reuses, written once per language. Each template names the language it is
 * written in first (its source); a variant last changed before the source variant is stale (the source moved on and
 * the translation may not say the same any more). Rendering fills the placeholders for one ticket, in the customer's
 * language, else in the source language (marked as a fallback).
 */
@Service
@Transactional(readOnly = true)
public class ReplyTemplates {
    /** Longest template name, in characters. */
    public static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final Languages languages;
    private final TicketAccess access;
    private final Customers customers;
    private final Accounts accounts;
    private final Clock clock;

    ReplyTemplates(JdbcClient jdbc, Languages languages, TicketAccess access, Customers customers, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.languages = languages;
        this.access = access;
        this.customers = customers;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** A template with its variants, the source language's first. */
    public record TemplateView(long id, String name, Long categoryId, String sourceLanguage, Instant updatedAt, int version,
                               List<VariantView> variants) {

        public Optional<VariantView> variant(String language) {
            return variants.stream().filter(v -> v.language().equals(language)).findFirst();
        }
    }

    /** One language's text of a template; {@code stale} when it is older than the source language's text. */
    public record VariantView(String language, String body, Instant updatedAt, boolean stale) {
    }

    /** A template's facts as an editor sends them; {@code variants} maps language to body (a blank body removes it). */
    public record TemplateChanges(String name, Long categoryId, String sourceLanguage, Map<String, String> variants) {
    }

    /** A template filled in for one ticket. {@code fallback}: the customer's language had no variant. */
    public record Rendered(long templateId, String language, String body, boolean fallback) {
    }

    public List<TemplateView> all() {
        List<Long> ids = jdbc.sql("select id from reply_template order by lower(name), id").query(Long.class).list();
        return ids.stream().map(this::template).flatMap(Optional::stream).toList();
    }

    public Optional<TemplateView> template(long id) {
        record Head(long id, String name, Long categoryId, String source, Instant updatedAt, int version) {
        }
        Optional<Head> head = jdbc.sql("select id, name, category_id, source_language, updated_at, version from reply_template where id = ?")
                .param(id).query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
                        rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6))).optional();
        return head.map(h -> {
            record Raw(String language, String body, Instant updatedAt) {
            }
            List<Raw> raw = jdbc.sql("select language, body, updated_at from reply_template_variant where template_id = ? order by language")
                    .param(id).query((ResultSet rs, int n) -> new Raw(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
            Instant sourceAt = raw.stream().filter(r -> r.language().equals(h.source())).map(Raw::updatedAt).findFirst().orElse(null);
            List<VariantView> variants = new ArrayList<>();
            raw.stream().filter(r -> r.language().equals(h.source())).forEach(r -> variants.add(new VariantView(r.language(), r.body(), r.updatedAt(), false)));
            raw.stream().filter(r -> !r.language().equals(h.source())).forEach(r -> variants.add(new VariantView(r.language(), r.body(),
                    r.updatedAt(), sourceAt != null && r.updatedAt().isBefore(sourceAt))));
            return new TemplateView(h.id(), h.name(), h.categoryId(), h.source(), h.updatedAt(), h.version(), List.copyOf(variants));
        });
    }

    /** Creates a template; only administrators manage templates. */
    @Transactional
    public TemplateView create(TemplateChanges changes, AgentPrincipal actor) {
        requireAdmin(actor);
        validate(changes, null);
        Instant now = clock.instant();
        jdbc.sql("insert into reply_template (name, category_id, source_language, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(changes.name().strip(), changes.categoryId(), code(changes.sourceLanguage()), Timestamp.from(now), Timestamp.from(now))
                .update();
        long id = jdbc.sql("select id from reply_template where name = ?").param(changes.name().strip()).query(Long.class).single();
        writeVariants(id, changes.variants(), now);
        return template(id).orElseThrow();
    }

    /**
     * Changes a template's name, category, source language and variants. A variant whose text is unchanged keeps its
     * date (so it stays up to date, or stale); {@code expectedVersion} null skips the conflict check.
     */
    @Transactional
    public TemplateView update(long id, TemplateChanges changes, Integer expectedVersion, AgentPrincipal actor) {
        requireAdmin(actor);
        TemplateView current = template(id).orElseThrow(() -> new NoSuchElementException("No template " + id));
        validate(changes, id);
        int updated = jdbc.sql("update reply_template set name = ?, category_id = ?, source_language = ?, updated_at = ?, version = version + 1 "
                        + "where id = ? and version = ?")
                .params(changes.name().strip(), changes.categoryId(), code(changes.sourceLanguage()), Timestamp.from(clock.instant()), id,
                        expectedVersion == null ? current.version() : expectedVersion).update();
        if (updated == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("Template " + id + " was changed by someone else.");
        }
        writeVariants(id, changes.variants(), clock.instant());
        return template(id).orElseThrow();
    }

    /** Writes one language's text of a template (a blank text removes the variant). */
    @Transactional
    public TemplateView putVariant(long id, String language, String body, AgentPrincipal actor) {
        requireAdmin(actor);
        template(id).orElseThrow(() -> new NoSuchElementException("No template " + id));
        requireLanguage(language, "language");
        Map<String, String> one = new LinkedHashMap<>();
        one.put(code(language), body);
        requireBodies(one);
        writeVariants(id, one, clock.instant());
        jdbc.sql("update reply_template set updated_at = ?, version = version + 1 where id = ?").params(Timestamp.from(clock.instant()), id).update();
        return template(id).orElseThrow();
    }

    @Transactional
    public void delete(long id, AgentPrincipal actor) {
        requireAdmin(actor);
        template(id).orElseThrow(() -> new NoSuchElementException("No template " + id));
        jdbc.sql("delete from reply_template_variant where template_id = ?").param(id).update();
        jdbc.sql("delete from reply_template where id = ?").param(id).update();
    }

    /** The template filled in for this ticket (which the agent must be allowed to see), in the customer's language. */
    public Rendered render(long templateId, long ticketId, AgentPrincipal actor) {
        TemplateView t = template(templateId).orElseThrow(() -> new NoSuchElementException("No template " + templateId));
        Ticket ticket = access.visibleTicket(ticketId, actor);
        Optional<Customers.CustomerView> customer = customers.customer(ticket.getCustomerId());
        String wanted = customer.map(Customers.CustomerView::language).orElse(null);
        Optional<VariantView> variant = wanted == null ? Optional.empty() : t.variant(primary(wanted)).or(() -> t.variant(wanted));
        boolean fallback = variant.isEmpty();
        VariantView chosen = variant.or(() -> t.variant(t.sourceLanguage())).or(() -> t.variants().stream().findFirst())
                .orElseThrow(() -> new InvalidInput("template", "has no text yet"));
        String name = customer.map(Customers.CustomerView::name).orElse("");
        Map<String, String> values = Map.of(
                "customer.name", name,
                "customer.preferredName", customer.map(Customers.CustomerView::addressedAs).orElse(name),
                "agent.name", actor == null ? "" : accounts.agent(actor.id()).map(AgentView::displayName).orElse(actor.displayName()),
                "ticket.id", Long.toString(ticketId));
        return new Rendered(templateId, chosen.language(), TemplateText.fill(chosen.body(), values), fallback);
    }

    private void writeVariants(long id, Map<String, String> variants, Instant now) {
        if (variants == null) {
            return;
        }
        for (Map.Entry<String, String> v : variants.entrySet()) {
            String language = code(v.getKey());
            String body = v.getValue();
            if (body == null || body.isBlank()) {
                jdbc.sql("delete from reply_template_variant where template_id = ? and language = ?").params(id, language).update();
                continue;
            }
            Optional<String> before = jdbc.sql("select body from reply_template_variant where template_id = ? and language = ?")
                    .params(id, language).query(String.class).optional();
            if (before.isEmpty()) {
                jdbc.sql("insert into reply_template_variant (template_id, language, body, updated_at) values (?, ?, ?, ?)")
                        .params(id, language, body, Timestamp.from(now)).update();
            } else if (!before.get().equals(body)) {
                jdbc.sql("update reply_template_variant set body = ?, updated_at = ? where template_id = ? and language = ?")
                        .params(body, Timestamp.from(now), id, language).update();
            }
        }
    }

    private void validate(TemplateChanges changes, Long id) {
        if (changes.name() == null || changes.name().isBlank()) {
            throw new InvalidInput("name", "must not be empty");
        }
        if (changes.name().strip().length() > MAX_NAME) {
            throw new InvalidInput("name", "must be at most " + MAX_NAME + " characters long");
        }
        jdbc.sql("select id from reply_template where name = ?").param(changes.name().strip()).query(Long.class).optional()
                .filter(other -> !other.equals(id)).ifPresent(other -> {
                    throw new InvalidInput("name", "is already the name of another template");
                });
        requireLanguage(changes.sourceLanguage(), "sourceLanguage");
        if (changes.categoryId() != null
                && jdbc.sql("select count(*) from category where id = ?").param(changes.categoryId()).query(Long.class).single() == 0) {
            throw new InvalidInput("category", "is not a category");
        }
        if (changes.variants() != null) {
            changes.variants().keySet().forEach(l -> requireLanguage(l, "variants"));
            requireBodies(changes.variants());
        }
    }

    private static void requireBodies(Map<String, String> variants) {
        variants.values().stream().filter(b -> b != null && b.length() > Tickets.MAX_BODY).findFirst().ifPresent(b -> {
            throw new InvalidInput("body", "must be at most " + Tickets.MAX_BODY + " characters long");
        });
        variants.forEach((language, body) -> {
            List<String> unknown = body == null ? List.of() : TemplateText.unknownPlaceholders(body);
            if (!unknown.isEmpty()) {
                throw new UnknownPlaceholder(code(language), unknown.getFirst());
            }
        });
    }

    /**
     * Raised when a template's text names a placeholder Regard cannot fill ({@code {{customer.unknown}}}): refused when
     * saved rather than sent to a customer as written. Names the language's text and the placeholder.
     */
    public static class UnknownPlaceholder extends InvalidInput {
        private final String language;
        private final String placeholder;

        public UnknownPlaceholder(String language, String placeholder) {
            super("variants." + language, "uses {{" + placeholder + "}}, which is not a placeholder; use one of "
                    + String.join(", ", TemplateText.KNOWN.stream().map(k -> "{{" + k + "}}").toList()));
            this.language = language;
            this.placeholder = placeholder;
        }

        public String language() {
            return language;
        }

        public String placeholder() {
            return placeholder;
        }
    }

    private void requireLanguage(String language, String field) {
        if (!languages.isConfigured(language)) {
            throw new InvalidInput(field, "must be one of the team's languages: " + String.join(", ", languages.configured()));
        }
    }

    private static void requireAdmin(AgentPrincipal actor) {
        if (actor == null || !actor.isAdmin()) {
            throw new TemplateForbidden();
        }
    }

    private static String code(String language) {
        return language.strip().toLowerCase(Locale.ROOT);
    }

    private static String primary(String code) {
        String c = code(code);
        int dash = c.indexOf('-');
        return dash > 0 ? c.substring(0, dash) : c;
    }

    /** Raised when someone other than an administrator tries to change templates. */
    public static class TemplateForbidden extends RuntimeException {
        TemplateForbidden() {
            super("Only administrators manage reply templates.");
        }
    }
}
