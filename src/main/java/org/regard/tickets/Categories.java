package org.regard.tickets;

import org.regard.text.LocalNames;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.ArrayList;

/** Ticket categories, managed by admins. A retired category stays on old tickets but is not offered. */
@Service
@Transactional
public class Categories {
    private final CategoryRepository categories;
    private final AuditLog audit;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Categories(CategoryRepository categories, AuditLog audit, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.categories = categories;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** The longest name a category may have, in any language. */
    public static final int MAX_NAME = 100;

    /**
     * A category. {@link #name()} is its name in the language of the request being answered (the agent's page
     * language; the API's English), falling back to the base name; {@link #baseName()} is the base name.
     * {@code resolutionReview}: resolving its tickets needs a second person's review.
     */
    public record CategoryView(long id, LocalNames names, boolean active, boolean resolutionReview, Integer expectedTouches,
                               Integer alarmTouches) {
        public CategoryView(long id, String name, boolean active) {
            this(id, LocalNames.of(name), active, false);
        }

        public CategoryView(long id, LocalNames names, boolean active) {
            this(id, names, active, false);
        }

        public CategoryView(long id, LocalNames names, boolean active, boolean resolutionReview) {
            this(id, names, active, resolutionReview, null, null);
        }

        /** Whether the category has its own touch budget (else the desk's default pair applies). */
        public boolean budgeted() {
            return expectedTouches != null;
        }

        public String name() {
            return names.current();
        }

        public String baseName() {
            return names.base();
        }
    }

    /** Raised when a category name is already used. */
    public static class NameTaken extends RuntimeException {
        public NameTaken(String name) {
            super("A category named " + name + " already exists.");
        }
    }

    @Transactional(readOnly = true)
    public List<CategoryView> all() {
        return categories.findAllOrdered().stream().map(Categories::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<CategoryView> category(long id) {
        return categories.findById(id).map(Categories::view);
    }

    @Transactional(readOnly = true)
    public List<CategoryView> active() {
        return all().stream().filter(CategoryView::active).toList();
    }

    public CategoryView create(String name) {
        return create(name, null);
    }

    /**
     * Creates a category with a base name and its names in other languages (may be null).
     *
     * @throws LocalNames.Invalid naming the language whose name cannot be kept
     */
    public CategoryView create(String name, Map<String, String> translations) {
        LocalNames.check(translations, MAX_NAME);
        if (categories.findByName(name.strip()).isPresent()) {
            throw new NameTaken(name);
        }
        Category fresh = new Category(name);
        LocalNames names = new LocalNames(fresh.getName(), translations);
        fresh.nameIn(names);
        Category created = categories.save(fresh);
        audit.record(AuditAction.CATEGORY_CREATED, "category", created.getId(), created.getName()
                + (names.byLanguage().isEmpty() ? "" : ", names " + LocalNames.of(names.base()).changesTo(names)));
        return view(created);
    }

    /** Finds a category by name or creates it (first start, demo). */
    public CategoryView ensure(String name) {
        return categories.findByName(name.strip()).map(Categories::view).orElseGet(() -> create(name));
    }

    public CategoryView rename(long id, String name) {
        return rename(id, name, null);
    }

    /**
     * Renames the category when {@code name} is given, and gives it exactly these names in other languages when
     * {@code translations} is given (a blank name removes that language's). One audit entry lists what changed.
     *
     * @throws LocalNames.Invalid naming the language whose name cannot be kept
     */
    public CategoryView rename(long id, String name, Map<String, String> translations) {
        LocalNames.check(translations, MAX_NAME);
        Category c = categories.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id));
        List<String> changes = new ArrayList<>();
        if (name != null) {
            categories.findByName(name.strip()).filter(o -> !o.getId().equals(c.getId())).ifPresent(o -> {
                throw new NameTaken(name);
            });
            String before = c.getName();
            c.rename(name);
            if (!before.equals(c.getName())) {
                changes.add("name: " + before + " → " + c.getName());
            }
        }
        if (translations != null) {
            LocalNames before = c.localNames();
            LocalNames after = new LocalNames(before.base(), translations);
            if (!before.equals(after)) {
                changes.add("names: " + before.changesTo(after));
                c.nameIn(after);
            }
        }
        if (changes.isEmpty()) {
            return view(c);
        }
        audit.record(AuditAction.CATEGORY_CHANGED, "category", id, String.join("; ", changes));
        return view(categories.save(c));
    }

    /** Renames the category when {@code name} is given, and retires or reinstates it when {@code active} is: at once. */
    public CategoryView change(long id, String name, Boolean active) {
        return change(id, name, null, active);
    }

    /**
     * Renames the category when {@code name} is given, names it in other languages when {@code translations} is, and
     * retires or reinstates it when {@code active} is: at once.
     */
    public CategoryView change(long id, String name, Map<String, String> translations, Boolean active) {
        CategoryView changed = name == null && translations == null
                ? category(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id))
                : rename(id, name, translations);
        return active == null ? changed : setActive(id, active);
    }

    /**
     * Says whether resolving this category's tickets needs a second person's review; audited when it changes. A ticket
     * whose resolution already waits for review keeps waiting.
     */
    public CategoryView requireResolutionReview(long id, boolean required) {
        Category c = categories.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id));
        if (c.isResolutionReview() == required) {
            return view(c);
        }
        c.requireResolutionReview(required);
        audit.record(AuditAction.CATEGORY_CHANGED, "category", id, c.getName() + ": resolution review "
                + (required ? "required" : "no longer required"));
        return view(categories.save(c));
    }

    /**
     * Gives the category its touch budget, or takes it away (both null: the desk's default pair applies); audited when
     * it changes. Admins and team leads set it (the caller checks).
     *
     * @throws InvalidInput naming the field at fault (see {@link TouchBudget#check})
     */
    public CategoryView budget(long id, Integer expected, Integer alarm) {
        TouchBudget.check(expected, alarm);
        Category c = categories.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id));
        if (java.util.Objects.equals(c.getExpectedTouches(), expected) && java.util.Objects.equals(c.getAlarmTouches(), alarm)) {
            return view(c);
        }
        String before = pair(c.getExpectedTouches(), c.getAlarmTouches());
        c.budget(expected, alarm);
        audit.record(AuditAction.CATEGORY_CHANGED, "category", id, c.getName() + ": touch budget " + before + " → "
                + pair(expected, alarm));
        return view(categories.save(c));
    }

    /** The desk's default touch budget, for tickets without a category or whose category has none. */
    public record DefaultBudget(Integer expectedTouches, Integer alarmTouches) {
    }

    @Transactional(readOnly = true)
    public DefaultBudget defaultBudget() {
        return jdbc.sql("select expected_touches, alarm_touches from touch_budget_default where id = 1")
                .query((rs, n) -> new DefaultBudget(rs.getObject(1, Integer.class), rs.getObject(2, Integer.class)))
                .optional().orElse(new DefaultBudget(null, null));
    }

    /** Sets the desk's default pair (both null: none); audited when it changes. */
    public DefaultBudget defaultBudget(Integer expected, Integer alarm) {
        TouchBudget.check(expected, alarm);
        DefaultBudget before = defaultBudget();
        DefaultBudget after = new DefaultBudget(expected, alarm);
        if (before.equals(after)) {
            return before;
        }
        jdbc.sql("update touch_budget_default set expected_touches = ?, alarm_touches = ? where id = 1").params(expected, alarm).update();
        audit.record(AuditAction.SETTINGS_CHANGED, "touch-budget", "default", "default touch budget "
                + pair(before.expectedTouches(), before.alarmTouches()) + " → " + pair(expected, alarm));
        return after;
    }

    private static String pair(Integer expected, Integer alarm) {
        return expected == null ? "none" : expected + "/" + alarm;
    }

    public void retire(long id) {
        setActive(id, false);
    }

    public void reinstate(long id) {
        setActive(id, true);
    }

    /** Offers the category again, or no longer (a retired one stays on the tickets that have it). */
    public CategoryView setActive(long id, boolean active) {
        Category c = categories.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id));
        if (c.isActive() == active) {
            return view(c);
        }
        if (active) {
            c.reinstate();
        } else {
            c.retire();
        }
        audit.record(AuditAction.CATEGORY_CHANGED, "category", id, c.getName() + ": " + (active ? "reinstated" : "retired"));
        return view(categories.save(c));
    }

    private static CategoryView view(Category c) {
        return new CategoryView(c.getId(), c.localNames(), c.isActive(), c.isResolutionReview(), c.getExpectedTouches(),
                c.getAlarmTouches());
    }
}
