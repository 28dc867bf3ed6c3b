package org.regard.tickets;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses who gets a new ticket when its team routes by language: the active member who speaks the customer's
 * language and has the fewest open tickets (new, open or waiting), the lowest id on a tie so the choice is stable.
 * No one when the team has not opted in or nobody there speaks the language: the ticket then waits unassigned.
 */
@Component
class LanguageRouting {
    private final Accounts accounts;
    private final JdbcClient jdbc;

    LanguageRouting(Accounts accounts, JdbcClient jdbc) {
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    Optional<AgentView> assigneeFor(Accounts.TeamRouting team, String language) {
        if (language == null || !team.assignsByLanguage()) {
            return Optional.empty();
        }
        String wanted = primary(language);
        Map<Long, AgentView> speakersById = new java.util.LinkedHashMap<>();
        accounts.activeMembersOf(team.id()).stream()
                .filter(agent -> agent.languages().stream().map(LanguageRouting::primary).anyMatch(wanted::equals))
                .forEach(agent -> speakersById.put(agent.id(), agent));
        List<Long> speakers = List.copyOf(speakersById.keySet());
        if (speakers.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, Long> open = new HashMap<>();
        jdbc.sql("select assignee_id, count(*) from ticket where assignee_id in (:ids) and status in ('NEW', 'OPEN', 'WAITING') group by assignee_id")
                .param("ids", speakers)
                .query((java.sql.ResultSet rs) -> {
                    open.put(rs.getLong(1), rs.getLong(2));
                });
        return speakers.stream().min(Comparator.<Long>comparingLong(id -> open.getOrDefault(id, 0L)).thenComparing(id -> id))
                .map(speakersById::get);
    }

    /** "pt-BR" speaks "pt": routing compares the language itself, not the region. */
    private static String primary(String code) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        int dash = c.indexOf('-');
        return dash > 0 ? c.substring(0, dash) : c;
    }
}
