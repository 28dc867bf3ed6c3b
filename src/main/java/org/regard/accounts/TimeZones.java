package org.regard.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Whose days and clock times are which: the desk's default zone ({@code regard.time-zone}, UTC unless set; an unknown
 * id stops the start with a message naming the setting), a team's zone ({@code team.time_zone}, null: the desk's) and
 * an agent's ({@code agent.time_zone}, null: their first team's — the one with the lowest id — else the desk's).
 * <p>
 * The reports ask for a team's zone on every fact they write, and pages for the agent's on every time they show, so
 * both are kept in memory per team and per agent for {@link #TTL}: a change made on this node replaces the entry at
 * once; another node (several share one database) sees it when its entry expires, a minute at most. A team costs one
 * read per minute per node, never one per write. The entries expire on the JVM's monotonic clock: this is a cache's
 * age, not the desk's time, so the injected {@code Clock} (which a test or the demo may move) is not asked.
 */
@Component
public class TimeZones {
    /** How long a team's or an agent's zone is trusted before it is read again. */
    public static final Duration TTL = Duration.ofSeconds(60);

    /** An id that is not a time zone, named by the field it came in. */
    public static class Unknown extends RuntimeException {
        private final String field;

        public Unknown(String field, String value) {
            super(field + " " + quote(value) + " is not a time zone (an IANA id such as Europe/Paris)");
            this.field = field;
        }

        public String field() {
            return field;
        }

        private static String quote(String value) {
            return value.length() > 64 ? "\"" + value.substring(0, 64) + "…\"" : "\"" + value + "\"";
        }
    }

    private record Entry(ZoneId zone, long loadedAt) {
    }

    private static final List<String> IDS = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream()
                    .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
                    .sorted()).toList();

    private final JdbcClient jdbc;
    private final ZoneId desk;
    private final LongSupplier nanos;
    private final Map<Long, Entry> teams = new ConcurrentHashMap<>();
    private final Map<Long, Entry> agents = new ConcurrentHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    TimeZones(JdbcClient jdbc, @Value("${regard.time-zone:UTC}") String desk) {
        this(jdbc, desk, System::nanoTime);
    }

    TimeZones(JdbcClient jdbc, String desk, LongSupplier nanos) {
        this.jdbc = jdbc;
        this.nanos = nanos;
        try {
            this.desk = ZoneId.of(desk == null || desk.isBlank() ? "UTC" : desk.strip());
        } catch (DateTimeException e) {
            throw new IllegalStateException("regard.time-zone=" + desk + " is not a time zone: set an IANA id such as "
                    + "Europe/Paris, or UTC (the default)", e);
        }
    }

    /** The zone ids the pages offer: UTC, then the region/city ids, sorted. */
    public static List<String> choices() {
        return IDS;
    }

    /**
     * The zone an id names, or empty for a blank one (the default); an unknown id is refused naming {@code field}.
     * Region ids (Europe/Paris), UTC and fixed offsets (+02:00) are accepted, as {@link ZoneId#of} does.
     */
    public static Optional<ZoneId> parse(String field, String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id.strip()));
        } catch (DateTimeException e) {
            throw new Unknown(field, id.strip());
        }
    }

    /** The desk's default zone ({@code regard.time-zone}). */
    public ZoneId desk() {
        return desk;
    }

    /** The zone a team's days are counted in. */
    public ZoneId ofTeam(long teamId) {
        Entry e = teams.get(teamId);
        long now = nanos.getAsLong();
        if (e == null || now - e.loadedAt() > TTL.toNanos()) {
            List<String> found = jdbc.sql("select time_zone from team where id = ?").param(teamId).query(String.class).list();
            ZoneId zone = found.isEmpty() ? desk : stored(found.getFirst());
            e = new Entry(zone, now);
            teams.put(teamId, e);
        }
        return e.zone();
    }

    /** The zone the agent's pages show times in. */
    public ZoneId ofAgent(long agentId) {
        Entry e = agents.get(agentId);
        long now = nanos.getAsLong();
        if (e == null || now - e.loadedAt() > TTL.toNanos()) {
            List<String> own = jdbc.sql("select time_zone from agent where id = ?").param(agentId).query(String.class).list();
            ZoneId zone = Optional.ofNullable(own.isEmpty() ? null : own.getFirst()).filter(id -> !id.isBlank()).map(this::stored)
                    .orElseGet(() -> {
                        List<String> first = jdbc.sql("""
                                select t.time_zone from team_member m join team t on t.id = m.team_id
                                where m.agent_id = ? order by t.id""").param(agentId).query(String.class).list();
                        return first.isEmpty() ? desk : stored(first.getFirst());
                    });
            e = new Entry(zone, now);
            agents.put(agentId, e);
        }
        return e.zone();
    }

    /** This node's entries of a team whose zone changed (and of agents who may follow it) are read again. */
    void teamChanged(long teamId, String zone) {
        teams.put(teamId, new Entry(zone == null ? desk : stored(zone), nanos.getAsLong()));
        agents.clear();
    }

    /** This node reads the agent's zone again (their own choice or their teams changed). */
    void agentChanged(long agentId) {
        agents.remove(agentId);
    }

    /** A stored id; one that is no longer known to this JVM's zone data counts as the desk's (and never breaks a write). */
    private ZoneId stored(String id) {
        if (id == null || id.isBlank()) {
            return desk;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return desk;
        }
    }
}
