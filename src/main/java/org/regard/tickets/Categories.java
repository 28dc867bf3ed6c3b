package org.regard.tickets;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Ticket categories, managed by admins. A retired category stays on old tickets but is not offered. */
@Service
@Transactional
public class Categories {
    private final CategoryRepository categories;
    private final AuditLog audit;

    Categories(CategoryRepository categories, AuditLog audit) {
        this.categories = categories;
        this.audit = audit;
    }

    public record CategoryView(long id, String name, boolean active) {
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
        if (categories.findByName(name.strip()).isPresent()) {
            throw new NameTaken(name);
        }
        Category created = categories.save(new Category(name));
        audit.record(AuditAction.CATEGORY_CREATED, "category", created.getId(), created.getName());
        return view(created);
    }

    /** Finds a category by name or creates it (first start, demo). */
    public CategoryView ensure(String name) {
        return categories.findByName(name.strip()).map(Categories::view).orElseGet(() -> create(name));
    }

    public CategoryView rename(long id, String name) {
        Category c = categories.findById(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id));
        categories.findByName(name.strip()).filter(o -> !o.getId().equals(c.getId())).ifPresent(o -> {
            throw new NameTaken(name);
        });
        String before = c.getName();
        c.rename(name);
        if (before.equals(c.getName())) {
            return view(c);
        }
        audit.record(AuditAction.CATEGORY_CHANGED, "category", id, "name: " + before + " → " + c.getName());
        return view(categories.save(c));
    }

    /** Renames the category when {@code name} is given, and retires or reinstates it when {@code active} is: at once. */
    public CategoryView change(long id, String name, Boolean active) {
        CategoryView changed = name == null ? category(id).orElseThrow(() -> new java.util.NoSuchElementException("No category " + id))
                : rename(id, name);
        return active == null ? changed : setActive(id, active);
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
        return new CategoryView(c.getId(), c.getName(), c.isActive());
    }
}
