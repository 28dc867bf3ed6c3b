package org.regard.tickets;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands: new → open → waiting on customer → resolved → closed, and back to open when
 * reopened. Nothing closes a ticket by itself because of time.
 */
public enum TicketStatus {
    NEW, OPEN, WAITING, RESOLVED, CLOSED;

    /** The statuses this one may move to. */
    public Set<TicketStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(OPEN, WAITING, RESOLVED);
            case OPEN -> EnumSet.of(WAITING, RESOLVED);
            case WAITING -> EnumSet.of(OPEN, RESOLVED);
            case RESOLVED -> EnumSet.of(OPEN, CLOSED);
            case CLOSED -> EnumSet.of(OPEN);
        };
    }

    public boolean canMoveTo(TicketStatus target) {
        return next().contains(target);
    }

    /** Resolved and closed tickets are done; anything else still needs the team. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
