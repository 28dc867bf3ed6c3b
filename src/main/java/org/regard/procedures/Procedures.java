package org.regard.procedures;

import org.regard.accounts.Accounts;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.TeamAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The team's manual: reading procedures (everyone) and publishing their versions (an administrator for any team, a
 * lead for the teams they lead), each write handed to its use case ({@link PublishingProcedure}).
 */
@Service
@Transactional(readOnly = true)
public class Procedures {
    /** Longest title, in characters, in any language. */
    public static final int MAX_TITLE = 200;
    /** Longest "when it applies" text. */
    public static final int MAX_APPLIES_WHEN = 2000;
    /** Longest text of a step. */
    public static final int MAX_STEP_TEXT = 2000;
    /** Longest label of a step's field. */
    public static final int MAX_FIELD_LABEL = 200;
    /** Most steps a procedure has. */
    public static final int MAX_STEPS = 50;

    private final ProcedureStore store;
    private final PublishingProcedure publishing;
    private final Accounts accounts;
    private final TeamAccess teamAccess;
    private final MovingTickets moving;
    private final RetiringProcedure retiring;

    Procedures(ProcedureStore store, PublishingProcedure publishing, Accounts accounts, TeamAccess teamAccess,
               MovingTickets moving, RetiringProcedure retiring) {
        this.store = store;
        this.retiring = retiring;
        this.publishing = publishing;
        this.moving = moving;
        this.accounts = accounts;
        this.teamAccess = teamAccess;
    }

    /** A procedure in the list: its current version's number, date and titles. */
    public record ProcedureSummary(long id, long teamId, List<Long> categoryIds, int version, Instant publishedAt,
                                   String sourceLanguage, Map<String, String> titles, Instant retiredAt) {
        /** Retired: it applies to no new ticket; tickets that followed it keep their checklist. */
        public boolean retired() {
            return retiredAt != null;
        }

        public Shown title(String language) {
            return Shown.of(titles, language, sourceLanguage);
        }
    }

    /** When a version was published and by whom (null: by Regard itself). */
    public record VersionStamp(int number, Instant publishedAt, Long publishedBy) {
    }

    /** A procedure: every version's stamp, newest last, and its current version whole; when and by whom it was retired. */
    public record ProcedureView(long id, long teamId, List<VersionStamp> versions, ProcedureVersion current, Instant retiredAt,
                                Long retiredBy) {
        public boolean retired() {
            return retiredAt != null;
        }
    }

    /** An open ticket following an older version of a procedure: its id, subject and the version it follows. */
    public record Behind(long ticketId, String subject, int version) {
    }

    /** The tickets moved, by id, and the version they follow now. */
    public record Moved(List<Long> moved, int toVersion) {
    }

    /** Every procedure, newest first. */
    public List<ProcedureSummary> all() {
        return store.summaries();
    }

    /** What the search index keeps of these procedures, those not retired: their current version's texts, as published. */
    public List<ProcedureEvents.Published> searchable(java.util.Collection<Long> ids) {
        return store.summaries().stream().filter(p -> !p.retired() && ids.contains(p.id()))
                .flatMap(p -> store.version(p.id(), p.teamId(), p.version()).stream())
                .map(ProcedureEvents.Published::of).toList();
    }

    public Optional<ProcedureView> procedure(long id) {
        return store.head(id).map(h -> new ProcedureView(id, h.teamId(), store.stamps(id),
                store.version(id, h.teamId(), h.currentVersion()).orElseThrow(), h.retiredAt(), h.retiredBy()));
    }

    /** One version of a procedure, old or current. */
    public Optional<ProcedureVersion> version(long id, int number) {
        return store.head(id).flatMap(h -> store.version(id, h.teamId(), number));
    }

    /** The teams whose procedures this agent may write: every team for an administrator, their own for a lead. */
    public Set<Long> teamsWrittenBy(AgentPrincipal agent) {
        return agent == null ? Set.of() : teamAccess.teamsLedBy(accounts.actor(agent));
    }

    /** Whether this agent may write the procedures of this team. */
    public boolean canWrite(AgentPrincipal agent, long teamId) {
        return agent != null && teamAccess.canLead(accounts.actor(agent), teamId);
    }

    /**
     * Creates a procedure for the draft's team and publishes its first version.
     *
     * @throws ProcedureForbidden unless the agent administers the desk or leads the team
     * @throws ProcedureInvalid   naming the field that cannot be published as sent ({@link CategoryTaken} for a clash)
     */
    @Transactional
    public ProcedureView create(ProcedureDraft draft, AgentPrincipal agent) {
        return procedure(publishing.create(draft, agent)).orElseThrow();
    }

    /**
     * Publishes the next version of a procedure; the draft's team is ignored (a procedure stays with its team).
     *
     * @throws ProcedureNotFound  when there is no such procedure
     * @throws ProcedureForbidden unless the agent administers the desk or leads the procedure's team
     * @throws ProcedureInvalid   naming the field that cannot be published as sent
     * @throws ProcedureConflict  when the draft was based on a version that is no longer the current one
     */
    @Transactional
    public ProcedureView publish(long id, ProcedureDraft draft, AgentPrincipal agent) {
        publishing.publish(id, draft, agent);
        return procedure(id).orElseThrow();
    }

    /**
     * The open tickets of the procedure's team that follow an older version of it, by ticket id.
     *
     * @throws ProcedureNotFound  when there is no such procedure
     * @throws ProcedureForbidden unless the agent administers the desk or leads the procedure's team
     */
    public List<Behind> behind(long id, AgentPrincipal agent) {
        return moving.behind(id, agent);
    }

    /**
     * Moves open tickets following an older version to the current one, keeping the ticks of the steps the current
     * version still has: those named ({@code ticketIds}), or every one behind when it is empty. Tickets not behind are
     * left out of the result.
     *
     * @throws ProcedureNotFound  when there is no such procedure
     * @throws ProcedureForbidden unless the agent administers the desk or leads the procedure's team
     */
    @Transactional
    public Moved moveToCurrent(long id, Optional<java.util.Collection<Long>> ticketIds, AgentPrincipal agent) {
        return moving.move(id, ticketIds, agent);
    }

    /**
     * Retires a procedure: it applies to no new ticket of its categories (which become free for a new procedure of the
     * team); tickets already following it keep their checklist.
     *
     * @throws ProcedureNotFound  when there is no such procedure
     * @throws ProcedureForbidden unless the agent administers the desk or leads the procedure's team
     * @throws ProcedureRetired   when it is retired already
     */
    @Transactional
    public ProcedureView retire(long id, AgentPrincipal agent) {
        retiring.retire(id, agent);
        return procedure(id).orElseThrow();
    }
}
