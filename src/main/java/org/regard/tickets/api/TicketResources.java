package org.regard.tickets.api;

import io.swagger.v3.oas.annotations.media.Schema;
import org.regard.customers.Customers.CustomerView;
import org.regard.tickets.AttachmentView;
import org.regard.tickets.MessageEnvelopes.Delivery;
import org.regard.tickets.MessageEnvelopes.Envelope;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketQueries.TicketRow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
            @Schema(description = "Oldest first; notes included") List<MessageResource> messages,
            @Schema(description = "The resolution an agent asked for that waits for a second person's review (its category "
                    + "requires it; the status stays until a reviewer approves); null when none waits", nullable = true)
            ResolutionReview resolutionReview,
            @Schema(description = "Why the ticket is flagged for its team's lead (`alarm`: its touches reached the alarm "
                    + "number; other reasons may come from other parts of Regard); null when it is not", nullable = true)
            String flag,
            @Schema(description = "The root cause a team lead noted, from the team's list (built-in keys such as "
                    + "`unclear_answer`, `product_defect`, `missing_information`, `policy`, `other`, or the team's own "
                    + "labels); null until noted", nullable = true) String rootCause,
            @Schema(description = "Tickets linked to this one as being about the same problem (those directly linked; "
                    + "`touches.group` counts the whole connected group)") List<LinkedTicketRef> links,
            @Schema(description = "The ticket this one was merged into (it is then closed); null when it was not merged",
                    nullable = true) Long mergedInto,
            @Schema(description = "The order or purchase reference the ticket is about", nullable = true,
                    maxLength = org.regard.tickets.PurchaseRefs.MAX) String purchaseRef) {

        static TicketResource of(TicketDetail detail, CustomerView customer, Map<Long, Envelope> envelopes) {
            return of(detail, customer, envelopes, null);
        }

        static TicketResource of(TicketDetail detail, CustomerView customer, Map<Long, Envelope> envelopes,
                                 org.regard.tickets.TicketRelations.Relations relations) {
            TicketRow row = relations == null ? detail.summary() : detail.summary().inGroup(relations.group());
            return new TicketResource(row.id(), row.subject(), Vocabulary.Status.of(row.status()),
                    Vocabulary.Priority.of(row.priority()), Vocabulary.Channel.of(row.channel()),
                    new NamedRef(row.teamId(), row.teamName()), assigneeOf(row),
                    detail.categoryId() == null ? null : new NamedRef(detail.categoryId(), detail.categoryName()),
                    new TicketCustomer(row.customerId(), row.customerName(), customer == null ? null : customer.primaryEmail().orElse(null)),
                    Touches.of(row, relations), row.createdAt(), row.updatedAt(), detail.resolvedAt(), detail.version(),
                    detail.messages().stream().map(m -> MessageResource.of(m, envelopes.get(m.id()))).toList(),
                    detail.pendingResolution().map(ResolutionReview::of).orElse(null),
                    row.budget().flagReason() == null ? null : row.budget().flagReason().toLowerCase(java.util.Locale.ROOT),
                    row.budget().rootCause(),
                    relations == null ? List.of() : relations.links().stream()
                            .map(l -> new LinkedTicketRef(l.id(), l.subject(), Vocabulary.Status.of(l.status()))).toList(),
                    relations == null ? null : relations.mergedInto(), relations == null ? null : relations.purchaseRef());
        }
    }

    @Schema(name = "ResolutionReview", description = "A resolution waiting for review: who asked, when, and why")
    record ResolutionReview(@Schema(allowableValues = {"pending"}) String state, NamedRef requestedBy, Instant requestedAt,
                            @Schema(description = "The agent's written reason, if they gave one", nullable = true) String reason) {
        static ResolutionReview of(org.regard.tickets.TicketQueries.ResolutionRequest r) {
            return new ResolutionReview("pending", r.requestedBy() == null ? null : new NamedRef(r.requestedBy(), r.requestedByName()),
                    r.requestedAt(), r.reason());
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

    @Schema(name = "Message", description = "One entry of a ticket's conversation. Messages that travelled by email also "
            + "carry their envelope (sender, recipients, Message-ID); replies sent by email carry where their delivery stands.")
    record MessageResource(
            long id,
            Vocabulary.Kind kind,
            Vocabulary.Channel channel,
            @Schema(description = "inbound: from the customer (automatic messages included), outbound: to the customer, "
                    + "internal: a note for the team only")
            Vocabulary.Direction direction,
            Author author,
            @Schema(description = "The text; for an email, what the sender wrote without the quoted history (the same as visibleText)")
            String body,
            Instant createdAt,
            @Schema(description = "The email's sender; null for a message that did not travel by email", nullable = true)
            MailSender sender,
            @Schema(description = "The email's recipients; null for a message that did not travel by email", nullable = true)
            MailRecipients recipients,
            @Schema(description = "The email's Message-ID, without angle brackets; null for a message that did not travel by email",
                    nullable = true)
            String messageId,
            @Schema(description = "What the sender wrote, without quoted history and signature")
            String visibleText,
            @Schema(description = "An automatic reply (out of office, auto-responder)")
            boolean autoReply,
            @Schema(description = "A report that an earlier email could not be delivered")
            boolean bounce,
            @Schema(description = "Files of the message, in order")
            List<AttachmentResource> attachments,
            @Schema(description = "For a reply, where its delivery stands (`recorded` when no channel carried it); null otherwise",
                    nullable = true)
            DeliveryResource delivery,
            @Schema(description = "The language the customer wrote this message in (ISO 639-1, among the configured "
                    + "languages), as detected; null for agents' messages, notes, automatic messages and text without words",
                    nullable = true, example = "fr")
            String language,
            @Schema(description = "For a reply held for a second person's review before it reaches the customer, where "
                    + "that review stands; null for every message never held", nullable = true)
            ReviewResource review) {

        static MessageResource of(MessageView m, Envelope envelope) {
            ReviewResource review = ReviewResource.of(m.review());
            Author author = m.kind() == MessageKind.CUSTOMER || m.authorAgentId() == null
                    ? new Author(Vocabulary.AuthorType.CUSTOMER, m.authorCustomerId(), m.authorName())
                    : new Author(Vocabulary.AuthorType.AGENT, m.authorAgentId(), m.authorName());
            List<AttachmentResource> files = m.attachments().stream().map(AttachmentResource::of).toList();
            if (envelope == null) {
                // a reply that no channel carries was recorded only: nothing left Regard
                // and a reply held for review has not gone anywhere yet
                DeliveryResource recorded = m.kind() == MessageKind.REPLY && !m.held()
                        ? new DeliveryResource(Vocabulary.DeliveryState.RECORDED, null, 0, null, false) : null;
                return new MessageResource(m.id(), Vocabulary.Kind.of(m.kind()), Vocabulary.Channel.of(m.channel()),
                        Vocabulary.Direction.of(m.kind(), m.touch()), author, m.body(), m.createdAt(), null, null, null,
                        m.body(), false, false, files, recorded, m.language(), review);
            }
            Delivery d = envelope.delivery();
            return new MessageResource(m.id(), Vocabulary.Kind.of(m.kind()), Vocabulary.Channel.of(m.channel()),
                    Vocabulary.Direction.of(m.kind(), m.touch()), author, m.body(), m.createdAt(),
                    new MailSender(envelope.fromName(), envelope.fromAddress()),
                    new MailRecipients(envelope.to(), envelope.cc()), envelope.externalId(), m.body(),
                    envelope.autoReply(), envelope.bounce(), files,
                    d == null ? null : new DeliveryResource(Vocabulary.DeliveryState.of(d.state()), d.reason(), d.attempts(), d.sentAt(), d.stuck()),
                    m.language(), review);
        }
    }

    @Schema(name = "MessageReview", description = "Where the review of a held reply stands. Pending or returned, the reply "
            + "has not been sent and the customer cannot see it; approved, it went out as the reviewer approved it.")
    record ReviewResource(
            @Schema(allowableValues = {"pending", "approved", "returned"}) String state,
            @Schema(description = "Why it was held: stable codes such as probation, author-asked, category, words:<words>")
            List<String> reasons,
            @Schema(description = "Who decided; null while pending", nullable = true) NamedRef reviewer,
            @Schema(description = "When it was decided; null while pending", nullable = true) Instant decidedAt,
            @Schema(description = "The reviewer's comment when returned", nullable = true) String comment,
            @Schema(description = "Approved with the reviewer's changes: what the author had written (body is what was sent)",
                    nullable = true) String originalBody,
            @Schema(description = "1, then one more each time its author resubmitted it") int round) {

        static ReviewResource of(org.regard.tickets.TicketQueries.MessageReview r) {
            return r == null ? null : new ReviewResource(r.state(), r.reasons(),
                    r.reviewerAgentId() == null ? null : new NamedRef(r.reviewerAgentId(), r.reviewerName()), r.decidedAt(),
                    r.comment(), r.originalBody(), r.round());
        }
    }

    @Schema(name = "MailSender", description = "Who sent an email.")
    record MailSender(@Schema(description = "The display name, when the email gives one", nullable = true) String name,
                      @Schema(nullable = true) String address) {
    }

    @Schema(name = "MailRecipients", description = "Whom an email was addressed to, each as written (Name <address>).")
    record MailRecipients(List<String> to, List<String> cc) {
    }

    @Schema(name = "Attachment", description = "A file of a message.")
    record AttachmentResource(
            long id,
            String fileName,
            @Schema(description = "The MIME type as received or uploaded") String contentType,
            @Schema(description = "Bytes") long size,
            @Schema(description = "Where to download it (GET, same authentication)") String href) {

        static AttachmentResource of(AttachmentView a) {
            return new AttachmentResource(a.id(), a.fileName(), a.contentType(), a.size(), "/api/v1/attachments/" + a.id());
        }
    }

    @Schema(name = "Delivery", description = "Where a reply stands: sent by email (queued, sending, sent, failed, cancelled, "
            + "uncertain), or recorded only (no mailbox serves the team, or the customer has no address: nothing left Regard).")
    record DeliveryResource(
            Vocabulary.DeliveryState state,
            @Schema(description = "For failed and uncertain: what happened (the mail server's answer, or a bounce)", nullable = true)
            String reason,
            @Schema(description = "How often it was handed to the mail server") int attempts,
            @Schema(description = "When the mail server accepted it", nullable = true) Instant sentAt,
            @Schema(description = "It has not left and will not soon by itself: the mail server refuses or does not answer, "
                    + "its attempts ran out, or its fate is uncertain") boolean stuck) {
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

    @Schema(name = "Touches", description = "Interactions with the customer: inbound from them, outbound to them. Notes "
            + "never count. With the ticket's touch budget (its category's pair, or the desk's default pair), its "
            + "hand-offs and reopenings, counted from its history, and its link group; the definitions are in docs/metrics.md.")
    record Touches(int in, int out, int total,
                   @Schema(description = "Touches the ticket is expected to need; null when no budget applies. For a "
                           + "linked ticket, the group's: of its tickets' pairs, the one with the highest alarm", nullable = true)
                   Integer expected,
                   @Schema(description = "From this many touches on, the ticket is flagged for a team lead; null when no "
                           + "budget applies. For a linked ticket, the group's, held against the group's total", nullable = true)
                   Integer alarm,
                   @Schema(description = "`within`: at most the expected number (or no budget); `over_expected`: more, "
                           + "below the alarm; `alarm`: at the alarm number or past it. For a linked ticket, its group's "
                           + "total (`group.total`) against the group's budget, the same on every ticket of the group",
                           allowableValues = {"within", "over_expected", "alarm"}) String state,
                   @Schema(description = "Times it moved to another team, or away from its agent (to another agent or "
                           + "back to the team's queue); one action counts once") int handoffs,
                   @Schema(description = "Times it became active again after being resolved or closed") int reopenings,
                   @Schema(description = "The ticket's link group (it and every ticket linked to it, directly or not) "
                           + "counted together; on a single ticket only, null in lists", nullable = true) GroupTouches group) {
        static Touches of(TicketRow row) {
            return of(row, null);
        }

        static Touches of(TicketRow row, org.regard.tickets.TicketRelations.Relations relations) {
            return new Touches(row.touchesIn(), row.touchesOut(), row.touches(), row.budget().expected(), row.budget().alarm(),
                    row.touchState().name().toLowerCase(java.util.Locale.ROOT), row.budget().handoffs(), row.budget().reopenings(),
                    relations == null ? null : new GroupTouches(relations.group().tickets(), relations.group().total()));
        }
    }

    @Schema(name = "GroupTouches", description = "The touches of a link group: how many tickets, and all their touches")
    record GroupTouches(int tickets, int total) {
    }

    @Schema(name = "LinkedTicket", description = "A ticket linked to another as being about the same problem")
    record LinkedTicketRef(long id, String subject, Vocabulary.Status status) {
    }

    private static NamedRef assigneeOf(TicketRow row) {
        return row.assigneeId() == null ? null : new NamedRef(row.assigneeId(), row.assigneeName());
    }
}
