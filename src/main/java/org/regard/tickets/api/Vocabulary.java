package org.regard.tickets.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.TouchDirection;

import java.util.Arrays;
import java.util.Locale;

/**
 * The words of the ticket API: the domain's enums as the API spells them, in lower case
 * ({@code "status": "waiting"}; any letter case is read). Each constant has the name of its domain twin,
 * so converting is a lookup by name; the API test comparing the OpenAPI document with the domain fails
 * when the two drift apart.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    enum Status {
        NEW, OPEN, WAITING, RESOLVED, CLOSED;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        @JsonCreator
        static Status from(String value) {
            return read(Status.class, value);
        }

        TicketStatus toDomain() {
            return TicketStatus.valueOf(name());
        }

        static Status of(TicketStatus status) {
            return valueOf(status.name());
        }
    }

    enum Priority {
        LOW, NORMAL, HIGH, URGENT;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        @JsonCreator
        static Priority from(String value) {
            return read(Priority.class, value);
        }

        org.regard.tickets.Priority toDomain() {
            return org.regard.tickets.Priority.valueOf(name());
        }

        static Priority of(org.regard.tickets.Priority priority) {
            return valueOf(priority.name());
        }
    }

    enum Channel {
        EMAIL, PHONE, VISIT, WEB, API;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        @JsonCreator
        static Channel from(String value) {
            return read(Channel.class, value);
        }

        org.regard.tickets.Channel toDomain() {
            return org.regard.tickets.Channel.valueOf(name());
        }

        static Channel of(org.regard.tickets.Channel channel) {
            return valueOf(channel.name());
        }
    }

    /** Every kind of message a ticket shows. */
    enum Kind {
        CUSTOMER, REPLY, NOTE, CONTACT, AUTOMATED;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        static Kind of(MessageKind kind) {
            return valueOf(kind.name());
        }
    }

    /** The kinds of message an agent writes through the API. */
    enum NewKind {
        REPLY, NOTE;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        @JsonCreator
        static NewKind from(String value) {
            return read(NewKind.class, value);
        }
    }

    /**
     * Which way a message went: from the customer (their words, and automatic messages on their behalf), to the
     * customer (replies), or nowhere outside the team (internal notes); a logged call or visit goes the way it went.
     */
    enum Direction {
        INBOUND, OUTBOUND, INTERNAL;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        static Direction of(MessageKind kind, TouchDirection touch) {
            return switch (kind) {
                case NOTE -> INTERNAL;
                case CUSTOMER, AUTOMATED -> INBOUND;
                case REPLY -> OUTBOUND;
                case CONTACT -> touch == TouchDirection.OUTBOUND ? OUTBOUND : INBOUND;
            };
        }
    }

    /** Where an outgoing email stands; {@code recorded}: a reply no channel carried, kept on the ticket only. */
    enum DeliveryState {
        QUEUED, SENDING, SENT, FAILED, CANCELLED, UNCERTAIN, RECORDED;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        static DeliveryState of(org.regard.tickets.MessageEnvelopes.DeliveryState state) {
            return valueOf(state.name());
        }
    }

    enum AuthorType {
        AGENT, CUSTOMER;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }
    }

    enum View {
        MINE, TEAMS, UNASSIGNED, ALL, FLAGGED;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        TicketQueries.View toDomain() {
            return TicketQueries.View.valueOf(name());
        }
    }

    enum Sort {
        UPDATED_DESC, UPDATED_ASC, CREATED_DESC, CREATED_ASC;

        @JsonValue
        @Override
        public String toString() {
            return lower(this);
        }

        TicketQueries.Sort toDomain() {
            return TicketQueries.Sort.valueOf(name());
        }
    }

    /**
     * Reads a value as the API spells it, in any letter case. Numbers are refused: without this, JSON
     * would take {@code "priority": 2} for the third priority.
     */
    static <E extends Enum<E>> E read(Class<E> type, String value) {
        String wanted = value == null ? "" : value.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(c -> c.toString().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + Arrays.toString(type.getEnumConstants())
                        + ", not '" + wanted + "'"));
    }

    /** Reads a query parameter; an unknown value is a 400 naming the parameter and listing the values it takes. */
    static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return read(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(parameter, e.getMessage());
        }
    }

    private static String lower(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }
}
