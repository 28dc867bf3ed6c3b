package org.regard.tickets;

/** How urgent a ticket is. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
