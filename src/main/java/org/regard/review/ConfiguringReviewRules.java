package org.regard.review;

import org.regard.accounts.Accounts;
import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamView;
import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.regard.customers.Customers;
import org.regard.text.TextInput;
import org.regard.tickets.Categories;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Creating, changing, switching off and deleting review rules: administrators only. The draft is checked whole
 * before anything is written (the kind, the target existing, the words), so a refused change changes nothing; each
 * change writes one audit entry ({@code SETTINGS_CHANGED}, target {@code review_rule}) in its transaction.
 */
@Component
@Transactional
class ConfiguringReviewRules {
    private final ReviewRuleStore store;
    private final Accounts accounts;
    private final Categories categories;
    private final Customers customers;
    private final AuditLog audit;
    private final Clock clock;

    ConfiguringReviewRules(ReviewRuleStore store, Accounts accounts, Categories categories, Customers customers,
                           AuditLog audit, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.categories = categories;
        this.customers = customers;
        this.audit = audit;
        this.clock = clock;
    }

    /** A draft once checked: what will be stored. */
    record Checked(ReviewRuleKind kind, Long target, List<String> words, Long team, boolean active) {
    }

    ReviewRule create(ReviewRuleDraft draft, AgentPrincipal agent) {
        Actor actor = admin(agent);
        Checked rule = checked(draft);
        long id = store.insert(rule.kind(), rule.target(), rule.words(), rule.team(), rule.active(), clock.instant(), actor.agentId());
        audit.record(AuditAction.SETTINGS_CHANGED, "review_rule", id, "created review rule " + describe(rule));
        return store.byId(id).orElseThrow();
    }

    ReviewRule update(long id, ReviewRuleDraft draft, AgentPrincipal agent) {
        Actor actor = admin(agent);
        ReviewRule before = store.byId(id).orElseThrow(() -> new ReviewRuleNotFound(id));
        Checked rule = checked(draft);
        write(id, rule, actor);
        audit.record(AuditAction.SETTINGS_CHANGED, "review_rule", id, "changed review rule from " + describe(checked(before))
                + " to " + describe(rule));
        return store.byId(id).orElseThrow();
    }

    ReviewRule activate(long id, boolean active, AgentPrincipal agent) {
        Actor actor = admin(agent);
        ReviewRule before = store.byId(id).orElseThrow(() -> new ReviewRuleNotFound(id));
        Checked was = checked(before);
        if (before.active() != active) {
            Checked rule = new Checked(was.kind(), was.target(), was.words(), was.team(), active);
            write(id, rule, actor);
            audit.record(AuditAction.SETTINGS_CHANGED, "review_rule", id,
                    (active ? "switched on review rule " : "switched off review rule ") + describe(rule));
        }
        return store.byId(id).orElseThrow();
    }

    void delete(long id, AgentPrincipal agent) {
        admin(agent);
        ReviewRule before = store.byId(id).orElseThrow(() -> new ReviewRuleNotFound(id));
        if (!store.delete(id)) {
            throw new ReviewRuleNotFound(id);
        }
        audit.record(AuditAction.SETTINGS_CHANGED, "review_rule", id, "deleted review rule " + describe(checked(before)));
    }

    private void write(long id, Checked rule, Actor actor) {
        Instant now = clock.instant();
        if (!store.update(id, rule.kind(), rule.target(), rule.words(), rule.team(), rule.active(), now, actor.agentId())) {
            throw new ReviewRuleNotFound(id);
        }
    }

    private Actor admin(AgentPrincipal agent) {
        if (agent == null) {
            throw new ReviewRuleForbidden();
        }
        Actor actor = accounts.actor(agent);
        if (!actor.isAdmin()) {
            throw new ReviewRuleForbidden();
        }
        return actor;
    }

    private static Checked checked(ReviewRule rule) {
        return new Checked(rule.kind(), rule.targetId(), rule.words(), rule.teamId(), rule.active());
    }

    /** Checks the draft whole; the first problem found is thrown. */
    Checked checked(ReviewRuleDraft draft) {
        if (draft.kind() == null || draft.kind().isBlank()) {
            throw new ReviewRuleInvalid("kind", "is required", "review.rules.error.kind");
        }
        ReviewRuleKind kind = ReviewRuleKind.parse(draft.kind()).orElseThrow(() -> new ReviewRuleInvalid("kind",
                "must be one of category, customer, organization, words", "review.rules.error.kind"));
        Long target = null;
        List<String> words = List.of();
        if (kind.hasTarget()) {
            target = draft.target();
            if (target == null) {
                throw new ReviewRuleInvalid("target", "is required for a " + kind.code() + " rule",
                        "review.rules.error.target." + kind.code());
            }
            boolean known = switch (kind) {
                case CATEGORY -> categories.category(target).isPresent();
                case CUSTOMER -> customers.customer(target).isPresent();
                case ORGANIZATION -> customers.organization(target).isPresent();
                case WORDS -> true;
            };
            if (!known) {
                throw new ReviewRuleInvalid("target", "is not " + (kind == ReviewRuleKind.ORGANIZATION ? "an " : "a ")
                        + kind.code(), "review.rules.error.unknown." + kind.code());
            }
        } else {
            words = words(draft.words());
        }
        Long team = draft.team();
        if (team != null && accounts.team(team).isEmpty()) {
            throw new ReviewRuleInvalid("team", "is not a team", "review.rules.error.team");
        }
        return new Checked(kind, target, words, team, draft.active() == null || draft.active());
    }

    /** The words and phrases, stripped, blank lines left out, a repeat (ignoring case and accents) kept once. */
    static List<String> words(List<String> given) {
        List<String> lines = new ArrayList<>();
        if (given != null) {
            for (String entry : given) {
                if (entry != null) {
                    for (String line : entry.split("\\R")) {
                        if (!line.isBlank()) {
                            lines.add(line.strip().replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        if (lines.isEmpty()) {
            throw new ReviewRuleInvalid("words", "needs at least one word or phrase", "review.rules.error.words.required");
        }
        if (lines.size() > ReviewRules.MAX_WORDS) {
            throw new ReviewRuleInvalid("words", "has more than " + ReviewRules.MAX_WORDS + " words or phrases",
                    "review.rules.error.words.tooMany", ReviewRules.MAX_WORDS);
        }
        List<String> kept = new ArrayList<>();
        Set<List<Set<String>>> seen = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String field = "words[" + i + "]";
            if (TextInput.problem(line).isPresent()) {
                throw new ReviewRuleInvalid(field, "holds characters that cannot be stored", "review.rules.error.words.characters", line);
            }
            if (line.length() > ReviewRules.MAX_WORD) {
                throw new ReviewRuleInvalid(field, "is longer than " + ReviewRules.MAX_WORD + " characters",
                        "review.rules.error.words.tooLong", line, ReviewRules.MAX_WORD);
            }
            if (line.contains(",")) {
                // a reason lists the words found separated by commas: a comma inside one would split it
                throw new ReviewRuleInvalid(field, "must not contain a comma (put each word or phrase on its own line)",
                        "review.rules.error.words.comma", line);
            }
            WordMatching.Folded folded = WordMatching.fold(line);
            if (folded.forms().isEmpty()) {
                throw new ReviewRuleInvalid(field, "has no letter or digit", "review.rules.error.words.noWord", line);
            }
            if (seen.add(folded.forms())) {
                kept.add(line);
            }
        }
        return List.copyOf(kept);
    }

    /** The rule in English for the audit log: {@code words “refund, money back” for team 3 (on)}. */
    private String describe(Checked rule) {
        String what = switch (rule.kind()) {
            case CATEGORY -> "category " + categories.category(rule.target()).map(Categories.CategoryView::baseName)
                    .orElse("#" + rule.target());
            case CUSTOMER -> "customer #" + rule.target();
            case ORGANIZATION -> "organization " + customers.organization(rule.target()).map(Customers.OrganizationView::name)
                    .orElse("#" + rule.target());
            case WORDS -> "words “" + String.join(", ", rule.words()) + "”";
        };
        String team = rule.team() == null ? "every team"
                : "team " + accounts.team(rule.team()).map(TeamView::baseName).orElse("#" + rule.team());
        return what + " for " + team + (rule.active() ? " (on)" : " (off)");
    }
}
