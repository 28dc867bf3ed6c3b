package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One change (assignee, status, priority, team, category) and/or one internal note applied to many tickets, ticket by
 * ticket: each ticket's change and note go through {@link ChangingTicket} and {@link AddingNote} in one transaction of
 * their own, so a ticket takes all of it or nothing, its history records it as if changed alone, and one ticket that
 * refuses (another team's, a status its lifecycle does not allow, changed since the agent saw it) rolls back no other.
 * The actor's role and teams are read once for the whole batch.
 */
@Component
public class BulkChanging {
    /** Most tickets one bulk action may name. */
    public static final int MAX_TICKETS = 500;

    private final TicketAccess access;
    private final ChangingTicket changing;
    private final AddingNote noting;
    private final TransactionTemplate tx;

    BulkChanging(TicketAccess access, ChangingTicket changing, AddingNote noting, PlatformTransactionManager transactions) {
        this.access = access;
        this.changing = changing;
        this.noting = noting;
        this.tx = new TransactionTemplate(transactions);
    }

    /**
     * What to do to every ticket. {@code change} holds no subject and no expected version (those are per ticket:
     * {@code versions}, by ticket id, refuses a ticket changed since that version); {@code note} may be null.
     * {@code submissionKey} makes a repeated submission add each note once.
     */
    public record BulkChange(List<Long> ticketIds, UpdateTicket change, String note, Map<Long, Integer> versions,
                             String submissionKey) {
        public BulkChange {
            ticketIds = ticketIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(ticketIds));
            versions = versions == null ? Map.of() : Map.copyOf(versions);
            note = note == null || note.isBlank() ? null : note;
        }

        boolean changesSomething() {
            return change != null && (change.status() != null || change.priority() != null || change.teamId() != null
                    || change.assignee() != null || change.categoryId() != null);
        }
    }

    /** Why one ticket was left as it was. */
    public enum Refusal {
        /** No such ticket. */
        NOT_FOUND,
        /** Another team's ticket. */
        FORBIDDEN,
        /** Its status cannot move to the one asked for. */
        ILLEGAL_TRANSITION,
        /** It may not be resolved now: a {@link ResolutionGate} refused (a procedure's required steps are not done). */
        GATED,
        /**
         * It may be resolved only with a written reason (a procedure's {@code warn} gate with a required step open) and
         * the action gave none.
         */
        REASON_REQUIRED,
        /** Someone changed it since the version the agent saw. */
        CONFLICT,
        /** The change does not fit it (an assignee outside its team, a team or category that is gone). */
        INVALID
    }

    /**
     * What happened to one ticket: applied (no refusal), or refused and why, in words for the API. An applied resolution
     * that waits for review (its category requires it) says so in {@code detail}.
     */
    public record Outcome(long ticketId, Optional<Refusal> refusal, String detail, IllegalTransition transition) {
        public boolean applied() {
            return refusal.isEmpty();
        }
    }

    /** The outcome for every ticket named, in the order named. */
    public record Result(List<Outcome> outcomes) {
        public long appliedCount() {
            return outcomes.stream().filter(Outcome::applied).count();
        }

        public List<Outcome> refused() {
            return outcomes.stream().filter(o -> !o.applied()).toList();
        }
    }

    /**
     * Applies the change and the note to each ticket in turn. Input that no ticket could take (nothing to do, no
     * ticket, too many, a blank or overlong note) is refused as a whole with {@link InvalidInput} before any is touched.
     */
    public Result apply(BulkChange cmd, AgentPrincipal agent) {
        if (cmd.ticketIds().isEmpty()) {
            throw new InvalidInput("tickets", "must name at least one ticket");
        }
        if (cmd.ticketIds().size() > MAX_TICKETS) {
            throw new InvalidInput("tickets", "must name at most " + MAX_TICKETS + " tickets");
        }
        if (cmd.change() != null && cmd.change().subject() != null) {
            throw new InvalidInput("subject", "cannot be changed for many tickets at once");
        }
        if (!cmd.changesSomething() && cmd.note() == null) {
            throw new InvalidInput("changes", "must change something or add a note");
        }
        if (cmd.note() != null) {
            TicketInput.requireText(cmd.note(), Tickets.MAX_BODY, "note");
        }
        if (cmd.change() != null) {
            ResolutionGates.reason(cmd.change().resolutionReason());
        }
        Actor actor = access.actor(agent);
        List<Outcome> outcomes = new ArrayList<>(cmd.ticketIds().size());
        for (long id : cmd.ticketIds()) {
            outcomes.add(applyTo(id, cmd, actor));
        }
        return new Result(outcomes);
    }

    private Outcome applyTo(long ticketId, BulkChange cmd, Actor actor) {
        try {
            boolean[] reviewed = new boolean[1];
            tx.executeWithoutResult(status -> {
                if (cmd.changesSomething()) {
                    UpdateTicket c = cmd.change();
                    reviewed[0] = changing.change(ticketId, new UpdateTicket(c.status(), c.priority(), c.teamId(), c.assignee(), c.categoryId(),
                            null, cmd.versions().get(ticketId), c.resolutionReason()), actor);
                }
                if (cmd.note() != null) {
                    // the ticket first: a long key is cut at its end, never at the ticket that tells two notes apart
                    String key = cmd.submissionKey() == null ? null : ticketId + ":" + cmd.submissionKey();
                    noting.addNote(ticketId, cmd.note(), key, actor);
                }
            });
            return new Outcome(ticketId, Optional.empty(), reviewed[0]
                    ? "Its category requires review: the resolution waits for a second person, the status stays." : null, null);
        } catch (TicketNotFound e) {
            return refused(ticketId, Refusal.NOT_FOUND, e.getMessage(), null);
        } catch (TicketForbidden e) {
            return refused(ticketId, Refusal.FORBIDDEN, e.getMessage(), null);
        } catch (ResolutionReasonRequired e) {
            return refused(ticketId, Refusal.REASON_REQUIRED, e.getMessage(), null);
        } catch (ResolutionRefused e) {
            return refused(ticketId, Refusal.GATED, e.getMessage(), null);
        } catch (IllegalTransition e) {
            return refused(ticketId, Refusal.ILLEGAL_TRANSITION, e.getMessage(), e);
        } catch (TicketConflict e) {
            return refused(ticketId, Refusal.CONFLICT, e.getMessage(), null);
        } catch (IllegalArgumentException e) {
            return refused(ticketId, Refusal.INVALID, e.getMessage(), null);
        }
    }

    private static Outcome refused(long ticketId, Refusal why, String detail, IllegalTransition transition) {
        return new Outcome(ticketId, Optional.of(why), detail, transition);
    }
}
