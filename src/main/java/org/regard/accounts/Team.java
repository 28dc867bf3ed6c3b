package org.regard.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;

@Table("team")
class Team {
    @Id
    private Long id;
    private String name;
    private Instant createdAt;

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

    void rename(String newName) {
        this.name = newName.strip();
    }

    TeamView view() {
        return new TeamView(id, name);
    }
}
