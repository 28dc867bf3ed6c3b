package org.regard.accounts.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.regard.accounts.AgentChanges;
import org.regard.accounts.AgentView;
import org.regard.accounts.Role;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What the administration API sends and takes about agents. */
final class AgentRequests {
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 200;
    static final int MAX_LANGUAGES = 20;
    static final String LANGUAGE = "[a-z]{2,3}(-[a-z0-9]{2,8})*";
    static final String LANGUAGE_MESSAGE = "must be lower-case language codes such as en, vi or pt-br";

    static final String TIME_ZONE = "The IANA time zone the agent's pages show times in, such as Europe/Paris; null: "
            + "their first team's, else the desk's default. An unknown zone is refused with 422.";

    private AgentRequests() {
    }

    @Schema(name = "Agent", description = "Someone who works in Regard. The password is never returned.")
    record AgentResource(long id, String email, String name,
                         @Schema(allowableValues = {"agent", "lead", "admin"}) String role,
                         @Schema(description = "Ids of the agent's teams") List<Long> teams,
                         @Schema(description = "Language codes the agent speaks") List<String> languages,
                         boolean active,
                         @Schema(description = "The last day of the agent's probation", nullable = true) LocalDate probationUntil,
                         @Schema(description = "Whether the agent may review others' work") boolean reviewer,
                         @Schema(description = TIME_ZONE, nullable = true, example = "Europe/Paris") String timeZone) {
        static AgentResource of(AgentView a) {
            return new AgentResource(a.id(), a.email(), a.displayName(), a.role().name().toLowerCase(Locale.ROOT),
                    a.teamIds().stream().sorted().toList(), a.languages(), a.active(), a.probationUntil(), a.reviewer(),
                    a.timeZone());
        }
    }

    @Schema(name = "NewAgent")
    record NewAgentRequest(
            @NotBlank @Email @Size(max = MAX_EMAIL) String email,
            @NotBlank @Size(max = MAX_NAME) String name,
            @Schema(description = "The first password; the password rule of the agent pages applies. Never returned.")
            @NotBlank String password,
            @Schema(allowableValues = {"agent", "lead", "admin"}, description = "agent when left out", nullable = true) String role,
            @Schema(description = "Ids of the agent's teams", nullable = true) Set<Long> teams,
            @Schema(nullable = true) @Size(max = MAX_LANGUAGES) List<@Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String> languages,
            @Schema(description = "true when left out", nullable = true) Boolean active,
            @Schema(nullable = true) LocalDate probationUntil,
            @Schema(description = "false when left out", nullable = true) Boolean reviewer,
            @Schema(description = TIME_ZONE, nullable = true, example = "Europe/Paris") @Size(max = 64) String timeZone) {
    }

    /** A role as sent: agent, lead or admin (any case), or a 400 naming the field. */
    static Role role(String value) {
        if (value == null) {
            return Role.AGENT;
        }
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminProblems.invalidField("role", "must be one of agent, lead, admin");
        }
    }

    /**
     * A partial change of an agent (JSON merge semantics): fields left out keep their value, {@code probationUntil: null}
     * ends the probation. The password is not changed here, and unknown fields are refused rather than ignored.
     */
    @Schema(name = "AgentChanges", description = "Any of these fields; the ones left out keep their value. "
            + "probationUntil null ends the probation.")
    static final class AgentChangesRequest {
        @Email
        @Size(max = MAX_EMAIL)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        private String email;
        @Size(max = MAX_NAME)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        private String name;
        private String role;
        private Set<Long> teams;
        @Size(max = MAX_LANGUAGES)
        private List<@Pattern(regexp = LANGUAGE, message = LANGUAGE_MESSAGE) String> languages;
        private Boolean active;
        private LocalDate probationUntil;
        private Boolean reviewer;
        @Size(max = 64)
        private String timeZone;
        private final Set<String> sent = new LinkedHashSet<>();
        private final Set<String> unknown = new LinkedHashSet<>();

        public String getEmail() {
            return email;
        }

        @JsonSetter("email")
        void email(String value) {
            sent.add("email");
            email = value;
        }

        public String getName() {
            return name;
        }

        @JsonSetter("name")
        void name(String value) {
            sent.add("name");
            name = value;
        }

        @Schema(allowableValues = {"agent", "lead", "admin"})
        public String getRole() {
            return role;
        }

        @JsonSetter("role")
        void role(String value) {
            sent.add("role");
            role = value;
        }

        @Schema(description = "Ids of the agent's teams: replaces them all")
        public Set<Long> getTeams() {
            return teams;
        }

        @JsonSetter("teams")
        void teams(Set<Long> value) {
            sent.add("teams");
            teams = value;
        }

        @Schema(description = "Language codes: replaces them all")
        public List<String> getLanguages() {
            return languages;
        }

        @JsonSetter("languages")
        void languages(List<String> value) {
            sent.add("languages");
            languages = value;
        }

        public Boolean getActive() {
            return active;
        }

        @JsonSetter("active")
        void active(Boolean value) {
            sent.add("active");
            active = value;
        }

        @Schema(nullable = true)
        public LocalDate getProbationUntil() {
            return probationUntil;
        }

        @JsonSetter("probationUntil")
        void probationUntil(LocalDate value) {
            sent.add("probationUntil");
            probationUntil = value;
        }

        public Boolean getReviewer() {
            return reviewer;
        }

        @JsonSetter("reviewer")
        void reviewer(Boolean value) {
            sent.add("reviewer");
            reviewer = value;
        }

        @Schema(description = TIME_ZONE + " null returns to the default.", nullable = true, example = "Europe/Paris")
        public String getTimeZone() {
            return timeZone;
        }

        @JsonSetter("timeZone")
        void timeZone(String value) {
            sent.add("timeZone");
            timeZone = value;
        }

        /** Whether the time zone was sent (null then returns to the default). */
        @JsonIgnore
        boolean timeZoneSent() {
            return sent.contains("timeZone");
        }

        @JsonAnySetter
        void unknownField(String field, Object ignored) {
            unknown.add(field);
        }

        /** The teams sent, for the caller to check they exist; null when not sent. */
        @JsonIgnore
        Set<Long> teamIds() {
            return teams;
        }

        /** The sent fields as a change; a field sent as null that cannot be null is a 400 naming it. */
        @JsonIgnore
        AgentChanges toChanges() {
            if (unknown.contains("password")) {
                throw AdminProblems.invalidField("password", "is set when the agent is created; the agent changes it on their profile page");
            }
            if (!unknown.isEmpty()) {
                throw AdminProblems.invalidField(unknown.iterator().next(), "is not a field of an agent (send email, name, "
                        + "role, teams, languages, active, probationUntil, reviewer or timeZone)");
            }
            for (var field : List.of("email", "name", "role", "teams", "languages", "active", "reviewer")) {
                if (sent.contains(field) && value(field) == null) {
                    throw AdminProblems.invalidField(field, "cannot be null; leave it out to keep the current value");
                }
            }
            return new AgentChanges(email, name, role == null ? null : AgentRequests.role(role), languages, teams, active,
                    sent.contains("probationUntil") ? Optional.ofNullable(probationUntil) : null, reviewer);
        }

        private Object value(String field) {
            return switch (field) {
                case "email" -> email;
                case "name" -> name;
                case "role" -> role;
                case "teams" -> teams;
                case "languages" -> languages;
                case "active" -> active;
                default -> reviewer;
            };
        }
    }
}
