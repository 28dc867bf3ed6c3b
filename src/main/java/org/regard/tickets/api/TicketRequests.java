package org.regard.tickets.api;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** What callers send to the ticket API. */
final class TicketRequests {
    private TicketRequests() {
    }

    @Schema(name = "NewTicket", description = "A customer's request, to open as a ticket.")
    record NewTicket(
            @NotNull @Valid CustomerIdentity customer,
            @NotBlank @Size(max = Tickets.MAX_SUBJECT) String subject,
            @Schema(description = "The customer's words: the ticket's first message")
            @NotBlank @Size(max = Tickets.MAX_BODY) String body,
            @NotNull Vocabulary.Channel channel,
            @Schema(description = "Team id; by default the caller's first team", nullable = true) Long team,
            @Schema(description = "By default normal", nullable = true) Vocabulary.Priority priority,
            @Schema(description = "Category id", nullable = true) Long category) {
    }

    @Schema(name = "CustomerIdentity", description = "Who the ticket is for. An address Regard does not know yet creates the customer.")
    record CustomerIdentity(
            @NotBlank @Email @Size(max = 254) String email,
            @Schema(description = "Used only when the customer is new", nullable = true) @Size(max = 200) String name) {
    }

    @Schema(name = "ResubmittedReply", description = "Its author's revision of a reply a reviewer returned: it waits for review again.")
    record ResubmittedReply(
            @Schema(description = "The revised text; required") String body,
            @Schema(description = "The status the ticket moves to once the reply is approved; left out, none", nullable = true)
            Vocabulary.Status status) {
    }

    @Schema(name = "NewMessage", description = "A reply to the customer or an internal note.")
    record NewMessage(
            @NotNull Vocabulary.NewKind kind,
            @NotBlank @Size(max = Tickets.MAX_BODY) String body,
            @Schema(description = "Replies only: the status the ticket moves to with this reply (e.g. waiting)", nullable = true)
            Vocabulary.Status status,
            @Schema(description = "Replies only: for a reply no channel carries (its delivery is `recorded`), how the answer "
                    + "was given to the customer (phone or visit), which makes it a touch; left out, a recorded reply is no touch",
                    nullable = true, allowableValues = {"phone", "visit"})
            Vocabulary.Channel toldBy,
            @Schema(description = "Replies only: an unassigned ticket becomes the replying agent's (when they are in its team)",
                    nullable = true)
            Boolean assignToMe,
            @Schema(description = "Replies only, with status resolved: why the ticket is resolved while a required step of "
                    + "its procedure is open, when its closure gate is `warn` (without it the answer is 422); recorded on the "
                    + "ticket's history and counted in the reports", nullable = true, maxLength = 500)
            String resolutionReason,
            @Schema(description = "Replies only: ask a reviewer to check the reply before it reaches the customer; it is "
                    + "answered 201 with its review pending, and sent only once approved", nullable = true)
            Boolean askReview) {
    }

    /**
     * A partial change of a ticket. A field left out stays as it is; {@code "assignee": null} unassigns.
     * Remembers which fields were sent, so "absent" and "null" stay different, and refuses fields a
     * ticket does not have rather than ignore a typo.
     */
    @Schema(name = "TicketChanges", description = "Any of these fields; the ones left out keep their value. "
            + "\"assignee\": null unassigns the ticket.")
    static final class TicketChanges {
        private Vocabulary.Status status;
        private Vocabulary.Priority priority;
        private Long team;
        private Long assignee;
        private Long category;
        @Size(max = Tickets.MAX_SUBJECT)
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
        private String subject;
        private String resolutionReason;
        private String purchaseRef;
        private final Set<String> sent = new LinkedHashSet<>();
        private final Set<String> unknown = new LinkedHashSet<>();

        @Schema(description = "Must be one the current status may move to")
        public Vocabulary.Status getStatus() {
            return status;
        }

        @JsonSetter("status")
        void status(Vocabulary.Status value) {
            sent.add("status");
            status = value;
        }

        public Vocabulary.Priority getPriority() {
            return priority;
        }

        @JsonSetter("priority")
        void priority(Vocabulary.Priority value) {
            sent.add("priority");
            priority = value;
        }

        @Schema(description = "Team id")
        public Long getTeam() {
            return team;
        }

        @JsonSetter("team")
        void team(Long value) {
            sent.add("team");
            team = value;
        }

        @Schema(description = "Agent id, a member of the ticket's team; null to unassign", nullable = true)
        public Long getAssignee() {
            return assignee;
        }

        @JsonSetter("assignee")
        void assignee(Long value) {
            sent.add("assignee");
            assignee = value;
        }

        @Schema(description = "Category id")
        public Long getCategory() {
            return category;
        }

        @JsonSetter("category")
        void category(Long value) {
            sent.add("category");
            category = value;
        }

        @Schema(maxLength = Tickets.MAX_SUBJECT)
        public String getSubject() {
            return subject;
        }

        @JsonSetter("subject")
        void subject(String value) {
            sent.add("subject");
            subject = value;
        }

        @Schema(description = "With status resolved: why the ticket is resolved while a required step of its procedure is "
                + "open, when its closure gate is `warn` (without it the answer is 422); recorded on the ticket's history and "
                + "counted in the reports", nullable = true, maxLength = 500)
        public String getResolutionReason() {
            return resolutionReason;
        }

        @JsonSetter("resolutionReason")
        void resolutionReason(String value) {
            resolutionReason = value;
        }

        @Schema(description = "The order or purchase reference the ticket is about: trimmed, 1 to 100 printable characters; "
                + "null clears it", nullable = true, maxLength = org.regard.tickets.PurchaseRefs.MAX)
        public String getPurchaseRef() {
            return purchaseRef;
        }

        @JsonSetter("purchaseRef")
        void purchaseRef(String value) {
            sent.add("purchaseRef");
            purchaseRef = value;
        }

        @JsonAnySetter
        void unknownField(String name, Object ignored) {
            unknown.add(name);
        }

        /** The use case's command; a sent field that cannot be emptied, or one tickets do not have, is a 400. */
        @JsonIgnore
        UpdateTicket toCommand(Integer expectedVersion) {
            if (!unknown.isEmpty()) {
                throw new InvalidInput(unknown.iterator().next(),
                        "is not a field of a ticket (send status, priority, team, assignee, category, subject or purchaseRef)");
            }
            requireValue("status", status);
            requireValue("priority", priority);
            requireValue("team", team);
            requireValue("category", category);
            requireValue("subject", subject);
            TicketStatus nextStatus = status == null ? null : status.toDomain();
            Optional<Long> nextAssignee = sent.contains("assignee") ? Optional.ofNullable(assignee) : null;
            return new UpdateTicket(nextStatus, priority == null ? null : priority.toDomain(), team, nextAssignee, category,
                    subject, expectedVersion, resolutionReason,
                    sent.contains("purchaseRef") ? Optional.ofNullable(purchaseRef) : null);
        }

        private void requireValue(String field, Object value) {
            if (sent.contains(field) && value == null) {
                throw new InvalidInput(field, "cannot be null; leave it out to keep the current value");
            }
        }
    }
}
