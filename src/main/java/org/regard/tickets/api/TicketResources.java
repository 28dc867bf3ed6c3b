package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.regard.customers.Customers.CustomerView;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketQueries.TicketRow;

import java.time.Instant;
import java.util.List;

/** What the ticket API answers: tickets, their summaries in lists, and their messages. */
final class TicketResources {
    private TicketResources() {
    }

    @Schema(name = "Ticket", description = "A ticket with its whole conversation.")
    record TicketResource(
            long id,
            String subject,
            Vocabulary.Status status,
            Vocabulary.Priority priority,
            @Schema(description = "How the customer first reached the team") Vocabulary.Channel channel,
            NamedRef team,
            @Schema(description = "The agent working on it; null while unassigned", nullable = true) NamedRef assignee,
            @Schema(nullable = true) NamedRef category,
            TicketCustomer customer,
            Touches touches,
            Instant createdAt,
            Instant updatedAt,
            @Schema(nullable = true) Instant resolvedAt,
            @Schema(description = "Changes with every edit; send it back in If-Match to edit safely (also the ETag)") int version,
            @Schema(description = "Oldest first; notes included") List<MessageResource> messages) {

        static TicketResource of(TicketDetail detail, CustomerView customer) {
            TicketRow row = detail.summary();
            return new TicketResource(row.id(), row.subject(), Vocabulary.Status.of(row.status()),
                    Vocabulary.Priority.of(row.priority()), Vocabulary.Channel.of(row.channel()),
                    new NamedRef(row.teamId(), row.teamName()), assigneeOf(row),
                    detail.categoryId() == null ? null : new NamedRef(detail.categoryId(), detail.categoryName()),
                    new TicketCustomer(row.customerId(), row.customerName(), customer == null ? null : customer.primaryEmail().orElse(null)),
                    Touches.of(row), row.createdAt(), row.updatedAt(), detail.resolvedAt(), detail.version(),
                    detail.messages().stream().map(MessageResource::of).toList());
        }
    }

    @Schema(name = "TicketSummary", description = "A ticket as lists show it, without its messages.")
    record TicketSummary(
            long id,
            String subject,
            Vocabulary.Status status,
            Vocabulary.Priority priority,
            Vocabulary.Channel channel,
            NamedRef team,
            @Schema(nullable = true) NamedRef assignee,
            NamedRef customer,
            Touches touches,
            Instant createdAt,
            Instant updatedAt) {

        static TicketSummary of(TicketRow row) {
            return new TicketSummary(row.id(), row.subject(), Vocabulary.Status.of(row.status()),
                    Vocabulary.Priority.of(row.priority()), Vocabulary.Channel.of(row.channel()),
                    new NamedRef(row.teamId(), row.teamName()), assigneeOf(row),
                    new NamedRef(row.customerId(), row.customerName()), Touches.of(row), row.createdAt(), row.updatedAt());
        }
    }

    @Schema(name = "TicketPage", description = "One page of a ticket list.")
    record TicketPage(
            List<TicketSummary> items,
            @Schema(description = "Pass as `cursor` to get the next page; null on the last page", nullable = true) String nextCursor) {
    }

    @Schema(name = "Message", description = "One entry of a ticket's conversation.")
    record MessageResource(
            long id,
            Vocabulary.Kind kind,
            Vocabulary.Channel channel,
            @Schema(description = "inbound: from the customer, outbound: to the customer; null for notes", nullable = true)
            Vocabulary.Direction direction,
            Author author,
            String body,
            Instant createdAt) {

        static MessageResource of(MessageView m) {
            Author author = m.kind() == MessageKind.CUSTOMER || m.authorAgentId() == null
                    ? new Author(Vocabulary.AuthorType.CUSTOMER, m.authorCustomerId(), m.authorName())
                    : new Author(Vocabulary.AuthorType.AGENT, m.authorAgentId(), m.authorName());
            return new MessageResource(m.id(), Vocabulary.Kind.of(m.kind()), Vocabulary.Channel.of(m.channel()),
                    Vocabulary.Direction.of(m.touch()), author, m.body(), m.createdAt());
        }
    }

    @Schema(name = "MessageAuthor", description = "Who wrote a message: an agent or the customer.")
    record Author(Vocabulary.AuthorType type, @Schema(nullable = true) Long id, String name) {
    }

    @Schema(name = "NamedRef", description = "Another record, by id and name.")
    record NamedRef(long id, String name) {
    }

    @Schema(name = "TicketCustomer", description = "The customer a ticket is about.")
    record TicketCustomer(long id, String name,
                          @Schema(description = "Where replies go; null when the customer has no address", nullable = true) String email) {
    }

    @Schema(name = "Touches", description = "Interactions with the customer: inbound from them, outbound to them. Notes never count.")
    record Touches(int in, int out, int total) {
        static Touches of(TicketRow row) {
            return new Touches(row.touchesIn(), row.touchesOut(), row.touchesIn() + row.touchesOut());
        }
    }

    private static NamedRef assigneeOf(TicketRow row) {
        return row.assigneeId() == null ? null : new NamedRef(row.assigneeId(), row.assigneeName());
    }
}
