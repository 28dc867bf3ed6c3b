package org.regard.accounts.web;

import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentChanges;
import org.regard.accounts.AgentView;
import org.regard.accounts.Role;
import org.springframework.validation.Errors;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The admin's form for an agent: every field when creating one, the changeable ones when editing. */
class AgentForm {
    /** The languages offered as checkboxes; others are typed as codes. */
    static final List<String> LANGUAGES = List.of("en", "fr", "de", "vi");
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private String email = "";
    private String displayName = "";
    private String password = "";
    private Role role = Role.AGENT;
    private String locale = "";
    private List<String> languages = new ArrayList<>();
    private String otherLanguages = "";
    private Set<Long> teamIds = new HashSet<>();
    private String probationUntil = "";
    private boolean reviewer;

    static AgentForm of(AgentView agent) {
        AgentForm form = new AgentForm();
        form.email = agent.email();
        form.displayName = agent.displayName();
        form.role = agent.role();
        form.locale = agent.locale() == null ? "" : agent.locale();
        form.languages = new ArrayList<>(agent.languages().stream().filter(LANGUAGES::contains).toList());
        form.otherLanguages = String.join(", ", agent.languages().stream().filter(l -> !LANGUAGES.contains(l)).toList());
        form.teamIds = new HashSet<>(agent.teamIds());
        form.probationUntil = agent.probationUntil() == null ? "" : agent.probationUntil().toString();
        form.reviewer = agent.reviewer();
        return form;
    }

    /** The languages spoken: the ticked ones, then the typed codes. */
    List<String> allLanguages() {
        Set<String> all = new LinkedHashSet<>(languages);
        Arrays.stream(otherLanguages.split("[,;\\s]+")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).forEach(all::add);
        return List.copyOf(all);
    }

    void validateNew(Errors errors) {
        if (email.isBlank()) {
            errors.rejectValue("email", "admin.error.email.required");
        } else if (email.strip().length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
            errors.rejectValue("email", "admin.error.email.invalid");
        }
        if (AgentAdministration.passwordProblem(password).isPresent()) {
            errors.rejectValue("password", "admin.error.password.short",
                    new Object[]{AgentAdministration.MIN_PASSWORD_LENGTH}, null);
        }
        if (!locale.isEmpty() && !LANGUAGES.contains(locale)) {
            errors.rejectValue("locale", "admin.error.locale.unknown");
        }
        validateChanges(errors);
    }

    void validateChanges(Errors errors) {
        if (displayName.isBlank()) {
            errors.rejectValue("displayName", "admin.error.name.required");
        } else if (displayName.strip().length() > 200) {
            errors.rejectValue("displayName", "admin.error.tooLong", new Object[]{200}, null);
        }
        if (role == null) {
            errors.rejectValue("role", "admin.error.role.required");
        }
        List<String> spoken = allLanguages();
        spoken.stream().filter(code -> code.length() > 10 || !LANGUAGE_CODE.matcher(code).matches()).findFirst()
                .ifPresent(bad -> errors.rejectValue("otherLanguages", "admin.error.languages.invalid", new Object[]{bad}, null));
        if (String.join(",", spoken).length() > 200) {
            errors.rejectValue("otherLanguages", "admin.error.tooLong", new Object[]{200}, null);
        }
        if (!probationUntil.isBlank() && probationDay() == null) {
            errors.rejectValue("probationUntil", "admin.error.probation.invalid");
        }
    }

    /** The last day of probation, or null when none is set (or it is not a date). */
    LocalDate probationDay() {
        try {
            return probationUntil.isBlank() ? null : LocalDate.parse(probationUntil.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Everything the edit form changes about an agent. */
    AgentChanges toChanges() {
        return new AgentChanges(null, displayName.strip(), role, allLanguages(), teamIds, null,
                Optional.ofNullable(probationDay()), reviewer);
    }

    AgentAdministration.NewAgent toNewAgent() {
        return new AgentAdministration.NewAgent(email.strip(), displayName.strip(), password, role,
                locale.isEmpty() ? null : locale, allLanguages(), teamIds, probationDay(), reviewer);
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password == null ? "" : password;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale == null ? "" : locale.strip();
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? new ArrayList<>() : new ArrayList<>(languages);
    }

    public String getOtherLanguages() {
        return otherLanguages;
    }

    public void setOtherLanguages(String otherLanguages) {
        this.otherLanguages = otherLanguages == null ? "" : otherLanguages;
    }

    public Set<Long> getTeamIds() {
        return teamIds;
    }

    public void setTeamIds(Set<Long> teamIds) {
        this.teamIds = teamIds == null ? new HashSet<>() : new HashSet<>(teamIds);
    }

    public String getProbationUntil() {
        return probationUntil;
    }

    public void setProbationUntil(String probationUntil) {
        this.probationUntil = probationUntil == null ? "" : probationUntil;
    }

    public boolean isReviewer() {
        return reviewer;
    }

    public void setReviewer(boolean reviewer) {
        this.reviewer = reviewer;
    }
}
