package org.regard.tickets;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Ticket categories, managed by admins. A retired category stays on old tickets but is not offered. */
@Service
@Transactional
public class Categories {
    private final CategoryRepository categories;

    Categories(CategoryRepository categories) {
        this.categories = categories;
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
        return view(categories.save(new Category(name)));
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
        c.rename(name);
        return view(categories.save(c));
    }

    public void retire(long id) {
        categories.findById(id).ifPresent(c -> {
            c.retire();
            categories.save(c);
        });
    }

    public void reinstate(long id) {
        categories.findById(id).ifPresent(c -> {
            c.reinstate();
            categories.save(c);
        });
    }

    private static CategoryView view(Category c) {
        return new CategoryView(c.getId(), c.getName(), c.isActive());
    }
}
