package org.regard.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@Table("agent")
class Agent {
    @Id
    private Long id;
    private String email;
    private String displayName;
    private String passwordHash;
    private Role role;
    private String locale;
    /** The IANA id of the zone the agent's pages show times in; null: their first team's, else the desk's. */
    private String timeZone;
    private String languages;
    private boolean active;
    private java.time.LocalDate probationUntil;
    private boolean reviewer;
    private Instant createdAt;
    @Version
    private int version;
    @MappedCollection(idColumn = "agent_id")
    private Set<TeamMembership> teams = new HashSet<>();

    Agent() {
    }

    Agent(String email, String displayName, String passwordHash, Role role, Instant createdAt) {
        this.email = normalizeEmail(email);
        this.displayName = displayName.strip();
        this.passwordHash = passwordHash;
        this.role = role;
        this.languages = "";
        this.active = true;
        this.createdAt = createdAt;
    }

    static String normalizeEmail(String email) {
        return email.strip().toLowerCase(java.util.Locale.ROOT);
    }

    Long getId() {
        return id;
    }

    String getEmail() {
        return email;
    }

    String getDisplayName() {
        return displayName;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    String getLocale() {
        return locale;
    }

    boolean isActive() {
        return active;
    }

    int getVersion() {
        return version;
    }

    List<String> languages() {
        if (languages == null || languages.isBlank()) {
            return List.of();
        }
        return Arrays.stream(languages.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Set<Long> teamIds() {
        return teams.stream().map(TeamMembership::teamId).collect(Collectors.toUnmodifiableSet());
    }

    void rename(String newName) {
        this.displayName = newName.strip();
    }

    void changeEmail(String newEmail) {
        this.email = normalizeEmail(newEmail);
    }

    void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    void grant(Role newRole) {
        this.role = newRole;
    }

    void preferLocale(String newLocale) {
        this.locale = newLocale == null || newLocale.isBlank() ? null : newLocale;
    }

    String getTimeZone() {
        return timeZone;
    }

    void preferTimeZone(String zone) {
        this.timeZone = zone == null || zone.isBlank() ? null : zone;
    }

    void speaks(List<String> languageCodes) {
        this.languages = languageCodes.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().collect(Collectors.joining(","));
    }

    java.time.LocalDate getProbationUntil() {
        return probationUntil;
    }

    boolean isReviewer() {
        return reviewer;
    }

    /** On probation until this day (inclusive), or not on probation when null. */
    void probationUntil(java.time.LocalDate day) {
        this.probationUntil = day;
    }

    void reviewer(boolean mayReview) {
        this.reviewer = mayReview;
    }

    void deactivate() {
        this.active = false;
    }

    void activate() {
        this.active = true;
    }

    void joinTeams(Set<Long> teamIds) {
        this.teams = teamIds.stream().map(TeamMembership::new).collect(Collectors.toCollection(HashSet::new));
    }

    void joinTeam(long teamId) {
        this.teams.add(new TeamMembership(teamId));
    }

    void leaveTeam(long teamId) {
        this.teams.remove(new TeamMembership(teamId));
    }

    AgentView view() {
        return new AgentView(id, email, displayName, role, locale, languages(), active, teamIds(), probationUntil, reviewer, timeZone);
    }
}
