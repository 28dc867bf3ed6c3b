/**
 * Procedures: the team's written manual. A procedure belongs to one team, applies to one or more ticket categories
 * (at most one procedure per team and category) and is published in immutable versions (1, 2, 3...), each with a
 * title and "when it applies" per language, a closure gate setting and ordered steps. A step keeps its key from one
 * version to the next, so what later refers to a step (a checklist on a ticket) survives a new version.
 * <p>
 * Everyone reads procedures; an administrator writes them for any team, a team lead for the teams they lead
 * ({@link org.regard.accounts.TeamAccess}).
 * <p>
 * On a ticket, the procedure is a checklist ({@link org.regard.procedures.Checklists}): the ticket follows the version
 * current when it first showed it, and every tick and untick is kept. A {@code block} gate refuses resolving the
 * ticket while a required step is open (a {@link org.regard.tickets.ResolutionGate}).
 * <p>
 * Public API: {@link org.regard.procedures.Procedures} (reads and the entry point for publishing),
 * {@link org.regard.procedures.Checklists} and their records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Procedures",
        allowedDependencies = {"accounts", "audit", "languages", "text", "tickets"})
package org.regard.procedures;
