package org.regard.tickets;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A kind of case (billing, delivery, defect...), chosen per ticket. */
@Table("category")
class Category {
    @Id
    private Long id;
    private String name;
    private boolean active;

    Category() {
    }

    Category(String name) {
        this.name = name.strip();
        this.active = true;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    boolean isActive() {
        return active;
    }

    void rename(String newName) {
        name = newName.strip();
    }

    void retire() {
        active = false;
    }

    void reinstate() {
        active = true;
    }
}
