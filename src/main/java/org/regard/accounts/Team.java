package org.regard.accounts;

import org.regard.text.LocalNames;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table("team")
class Team {
    @Id
    private Long id;
    private String name;
    private Instant createdAt;
    private boolean assignByLanguage;
    /** The names in other languages, as {@link LocalNames#encoded()} stores them. */
    private String names;
    /** The IANA id of the zone its days are counted in; null: the desk's ({@link TimeZones}). */
    private String timeZone;

    Team() {
    }

    Team(String name, Instant createdAt) {
        this.name = name.strip();
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    boolean isAssignByLanguage() {
        return assignByLanguage;
    }

    void assignByLanguage(boolean enabled) {
        this.assignByLanguage = enabled;
    }

    void rename(String newName) {
        this.name = newName.strip();
    }

    String getTimeZone() {
        return timeZone;
    }

    void countDaysIn(String zone) {
        this.timeZone = zone;
    }

    LocalNames localNames() {
        return LocalNames.decode(name, names);
    }

    void nameIn(LocalNames translations) {
        this.names = translations.encoded();
    }

    TeamView view() {
        return new TeamView(id, localNames());
    }
}
