package org.regard.tickets;

import org.regard.accounts.Actor;

/** The checks every ticket use case makes on what it is given, before it touches the database. */
final class TicketInput {
    private TicketInput() {
    }

    static void requireText(String value, int max, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(field, "must not be empty");
        }
        if (value.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters long (it has " + value.length() + ")");
        }
    }

    /**
     * A submission key scoped to who submits it, so two agents cannot collide by accident; Regard's own submissions
     * (mail intake) share one scope. Null when there is no key.
     */
    static String scopedKey(String key, Actor actor) {
        return scopedKey(key, actor.agentId());
    }

    /** The same for this agent ({@code null}: Regard itself). */
    static String scopedKey(String key, Long agentId) {
        if (key == null || key.isBlank()) {
            return null;
        }
        String scoped = (agentId == null ? "c" : "a" + agentId) + ":" + key.strip();
        return scoped.length() > 64 ? scoped.substring(0, 64) : scoped;
    }
}
