package org.regard.tickets;

import org.regard.text.LocalNames;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A kind of case (billing, delivery, defect...), chosen per ticket. */
@Table("category")
class Category {
    @Id
    private Long id;
    private String name;
    private boolean active;
    /** The names in other languages, as {@link LocalNames#encoded()} stores them. */
    private String names;
    /** Resolving a ticket of this category needs a second person's review. */
    private boolean resolutionReview;
    /** Its touch budget (both or neither): the touches its tickets are expected to need, and the alarm number. */
    private Integer expectedTouches;
    private Integer alarmTouches;

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

    LocalNames localNames() {
        return LocalNames.decode(name, names);
    }

    void nameIn(LocalNames translations) {
        names = translations.encoded();
    }

    boolean isResolutionReview() {
        return resolutionReview;
    }

    void requireResolutionReview(boolean required) {
        resolutionReview = required;
    }

    Integer getExpectedTouches() {
        return expectedTouches;
    }

    Integer getAlarmTouches() {
        return alarmTouches;
    }

    void budget(Integer expected, Integer alarm) {
        expectedTouches = expected;
        alarmTouches = alarm;
    }

    void retire() {
        active = false;
    }

    void reinstate() {
        active = true;
    }
}
