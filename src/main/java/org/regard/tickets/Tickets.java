package org.regard.tickets;

import org.regard.accounts.Actor;
import org.regard.accounts.AgentPrincipal;
import org.regard.tickets.TicketCommands.CustomerMessage;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * The tickets module's entry point for writes: each method hands its use case to the small class that carries it
 * out ({@link OpeningTicket}, {@link Replying}, {@link AddingNote}, {@link LoggingContact},
 * {@link ReceivingCustomerMessage}, {@link ChangingTicket}, {@link WithdrawingReply}). Agents act through their
 * {@link AgentPrincipal}, whose role and teams {@link TicketAccess} reads fresh; Regard's own work (mail intake) acts
 * as {@link Actor#SYSTEM}.
 */
@Service
public class Tickets {
    /** Longest message body accepted, in characters. */
    public static final int MAX_BODY = 100_000;
    /** Longest subject accepted, in characters. */
    public static final int MAX_SUBJECT = 300;

    private final TicketAccess access;
    private final OpeningTicket opening;
    private final Replying replying;
    private final AddingNote noting;
    private final LoggingContact logging;
    private final ReceivingCustomerMessage receiving;
    private final ChangingTicket changing;
    private final WithdrawingReply withdrawing;
    private final ResolvingReviewed reviewed;
    private final ReleasingReply releasing;
    private final ReturningReply returning;
    private final ResubmittingReply resubmitting;
    private final TicketRows rows;
    private final Flagging flagging;
    private final LinkingTickets linking;
    private final MergingTickets merging;

    Tickets(TicketRows rows, TicketAccess access, OpeningTicket opening, Replying replying, AddingNote noting, LoggingContact logging,
            ReceivingCustomerMessage receiving, ChangingTicket changing, WithdrawingReply withdrawing,
            ResolvingReviewed reviewed, ReleasingReply releasing, ReturningReply returning, ResubmittingReply resubmitting,
            Flagging flagging, LinkingTickets linking, MergingTickets merging) {
        this.rows = rows;
        this.flagging = flagging;
        this.linking = linking;
        this.merging = merging;
        this.releasing = releasing;
        this.returning = returning;
        this.resubmitting = resubmitting;
        this.access = access;
        this.opening = opening;
        this.replying = replying;
        this.noting = noting;
        this.logging = logging;
        this.receiving = receiving;
        this.changing = changing;
        this.withdrawing = withdrawing;
        this.reviewed = reviewed;
    }

    /**
     * The result of writing a message: the message, and whether this call wrote it or found it already written.
     * {@code message} is the message as written, its author's name left out (empty for a repeat, which wrote nothing).
     */
    public record Written(long ticketId, long messageId, boolean duplicate, Optional<TicketQueries.MessageView> message) {
    }

    /**
     * What opening a ticket wrote: the ticket and its first message, whether an earlier submission with the same key
     * had opened it already, and the customer it is for. {@code detail} is the ticket as written (empty for such a
     * repeat, which did not write it).
     */
    public record Opened(long ticketId, long messageId, boolean duplicate, org.regard.customers.Customers.CustomerView customer,
                         Optional<TicketDetail> detail) {
    }

    /** What a withdrawn reply said, so the agent can edit and send it again. */
    public record WithdrawnReply(long ticketId, String body, List<AttachmentView> attachments) {
    }

    /** Opens a ticket for a customer Regard knows, as the agent. */
    public Opened open(OpenTicket cmd, AgentPrincipal agent) {
        return opening.open(cmd, access.actor(agent));
    }

    /** Opens a ticket for a customer Regard knows, as the actor (Regard itself for mail intake). */
    public Opened open(OpenTicket cmd, Actor actor) {
        return opening.open(cmd, actor);
    }

    /**
     * Opens a ticket for whoever writes from this address, creating the customer in the same transaction when Regard
     * does not know the address; {@code command} makes the ticket's command for the customer's id.
     */
    public Opened openFor(String email, String name, LongFunction<OpenTicket> command, AgentPrincipal agent) {
        return opening.openFor(email, name, command, access.actor(agent));
    }

    /**
     * Opens a ticket for a caller Regard does not know yet (a name, numbers, perhaps no address), creating the customer
     * in the same transaction; a resubmitted form does not create them twice, and a known address finds its customer.
     */
    public Opened openForNew(org.regard.customers.Customers.NewCustomer caller, LongFunction<OpenTicket> command,
                             AgentPrincipal agent) {
        return opening.openForNew(caller, command, access.actor(agent));
    }

    /** An agent's reply to the customer (an outbound touch), optionally moving the ticket on. */
    public Written reply(long ticketId, String body, TicketStatus nextStatus, String submissionKey, AgentPrincipal agent) {
        return reply(ticketId, body, nextStatus, submissionKey, List.of(), agent);
    }

    /** An agent's reply with files; it goes out where {@link ReplyDestinations} says (by email when it can). */
    public Written reply(long ticketId, String body, TicketStatus nextStatus, String submissionKey,
                         List<NewAttachment> attachments, AgentPrincipal agent) {
        return reply(ticketId, TicketCommands.Reply.of(body, nextStatus, submissionKey, attachments), agent);
    }

    /**
     * An agent's reply: sent where {@link ReplyDestinations} says, or recorded only when no channel carries it.
     *
     * @throws ResolvedMeanwhile when its status cannot follow because someone resolved or closed the ticket meanwhile
     */
    public Written reply(long ticketId, TicketCommands.Reply reply, AgentPrincipal agent) {
        return replying.reply(ticketId, reply, access.actor(agent));
    }

    /** An internal note: seen by the team only, never a touch. */
    public Written addNote(long ticketId, String body, String submissionKey, AgentPrincipal agent) {
        return noting.addNote(ticketId, body, submissionKey, access.actor(agent));
    }

    /** A call or visit with the customer, logged by the agent: a touch in the direction it went. */
    public Written logContact(long ticketId, Channel channel, TouchDirection direction, String body, String submissionKey,
                              AgentPrincipal agent) {
        return logging.logContact(ticketId, channel, direction, body, submissionKey, access.actor(agent));
    }

    /** The customer's own message on an existing ticket: an inbound touch that brings the ticket back to the team. */
    public Written customerWrote(long ticketId, String body, Channel channel, String submissionKey) {
        return customerWrote(new CustomerMessage(ticketId, body, channel, submissionKey, List.of(), false, true));
    }

    /** The customer's message with files, or an automatic message on their behalf. */
    public Written customerWrote(CustomerMessage cmd) {
        return receiving.receive(cmd);
    }

    /**
     * Takes back a reply that has not left; joins the caller's transaction (the channel module decides, in its own
     * check, that it has not left).
     */
    public WithdrawnReply withdrawReply(long messageId, AgentPrincipal agent) {
        return withdrawing.withdraw(messageId, access.actor(agent));
    }

    /**
     * Locks the ticket's row until the caller's transaction ends, before a decision on work about the ticket (a review)
     * locks its own rows: every use case of the ticket takes its lock first, so the decision and the ticket's own
     * writers (the author withdrawing a held reply) take turns instead of deadlocking. Nothing when the ticket is gone.
     *
     * @throws IllegalStateException outside a transaction (a lock would end at once)
     */
    public void lockForDecision(long ticketId) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A ticket is locked for a decision only inside the decision's transaction.");
        }
        rows.lock(ticketId);
    }

    /**
     * A reviewer approved a reply held for review: it goes out now ({@link ReleasingReply}), with the reviewer's text
     * when {@code editedText} is not blank. Joins the caller's transaction; the reviewer's right to decide is the
     * caller's to check. False when it had been approved already (nothing is sent twice).
     *
     * @throws ReplyNotWaiting when it was returned or withdrawn meanwhile
     */
    public boolean releaseHeldReply(long messageId, String editedText, Actor reviewer) {
        return releasing.release(messageId, editedText, reviewer);
    }

    /** A reviewer returned a held reply to its author with a comment; joins the caller's transaction. */
    public void returnHeldReply(long messageId, String comment, Actor reviewer) {
        returning.giveBack(messageId, comment, reviewer);
    }

    /**
     * The author revises a returned reply and asks for a review again (a new round).
     *
     * @throws java.util.NoSuchElementException when the ticket has no such message
     * @throws NotTheAuthor when the agent did not write it
     * @throws ReplyNotWaiting when it is not returned
     * @throws InvalidInput when the text is blank or too long (nothing changed)
     */
    public void resubmitHeldReply(long ticketId, long messageId, String body, TicketStatus nextStatus, AgentPrincipal author) {
        resubmitting.resubmit(ticketId, messageId, body, nextStatus, access.actor(author));
    }

    /**
     * The author takes back a reply held for review (waiting or returned); its text comes back to be edited.
     *
     * @throws java.util.NoSuchElementException when the ticket has no such message
     * @throws NotTheAuthor when the agent did not write it
     * @throws ReplyNotWaiting when it is not held, or was approved meanwhile
     */
    public WithdrawnReply withdrawHeldReply(long ticketId, long messageId, AgentPrincipal author) {
        return withdrawing.withdrawHeld(ticketId, messageId, access.actor(author));
    }

    /**
     * Changes status, priority, team, assignee, category or subject. With an expected version, fails with
     * {@link TicketConflict} when someone changed the ticket in between.
     */
    public void update(long ticketId, UpdateTicket cmd, AgentPrincipal agent) {
        changing.change(ticketId, cmd, access.actor(agent));
    }

    /**
     * A reviewer approved the resolution the ticket's agent asked for (a category with resolution review): the ticket
     * becomes resolved now. Joins the caller's transaction (the review's decision).
     *
     * @throws ResolutionRefused  when a closure gate refuses it now (nothing changed)
     * @throws IllegalTransition  when the ticket cannot become resolved any more (closed meanwhile)
     */
    public void approveResolution(long ticketId, Actor reviewer) {
        reviewed.approve(ticketId, reviewer);
    }

    /** A reviewer sent the resolution back: the request is cleared and their comment kept in the ticket's history. */
    public void returnResolution(long ticketId, Actor reviewer, String comment) {
        reviewed.returned(ticketId, reviewer, comment);
    }

    /**
     * Flags the ticket for its team's lead with a reason ({@link TouchBudget#ALARM}, or another module's own, up to 40
     * characters), on Regard's behalf; kept in its history. Returns false when it already waits for a lead (the first
     * reason stays). A flag asks for a look and a root cause; it changes nothing else on the ticket.
     *
     * @throws TicketNotFound when there is no such ticket
     */
    public boolean flag(long ticketId, String reason) {
        return flagging.flag(ticketId, reason);
    }

    /**
     * Notes the root cause of a ticket, one of its team's list ({@link RootCauses#of}); leads of the ticket's team and
     * administrators only. Audited and kept in its history.
     *
     * @throws TicketForbidden when the agent does not lead the ticket's team
     * @throws InvalidInput    naming {@code rootCause} when it is not on the list
     */
    public void noteRootCause(long ticketId, String cause, AgentPrincipal agent) {
        flagging.noteRootCause(ticketId, cause, access.actor(agent));
    }

    /**
     * Links two tickets about the same problem; the agent must be allowed to work on both. False when they were linked
     * already (nothing changed).
     */
    public boolean link(long ticketId, long otherId, AgentPrincipal agent) {
        return linking.link(ticketId, otherId, access.actor(agent));
    }

    /** Removes the link between two tickets; false when they were not linked. */
    public boolean unlink(long ticketId, long otherId, AgentPrincipal agent) {
        return linking.unlink(ticketId, otherId, access.actor(agent));
    }

    /**
     * Merges a duplicate into a survivor ({@link MergingTickets}). False when it was merged into that survivor already.
     *
     * @throws MergeRefused when they cannot be merged (nothing changed)
     */
    public boolean merge(long duplicateId, long survivorId, AgentPrincipal agent) {
        return merging.merge(duplicateId, survivorId, access.actor(agent));
    }

    /**
     * Sets (or clears, with null) a ticket's purchase reference as the actor: a procedure step's field that gives it, or
     * an agent. Recorded in the ticket's history; joins the caller's transaction when there is one.
     */
    public void referPurchase(long ticketId, String purchaseRef, Actor actor) {
        changing.change(ticketId, new UpdateTicket(null, null, null, null, null, null, null, null,
                Optional.ofNullable(purchaseRef)), actor);
    }

    /** Sets (or clears, with null) a ticket's purchase reference as the agent, recorded in its history. */
    public void referPurchase(long ticketId, String purchaseRef, AgentPrincipal agent) {
        referPurchase(ticketId, purchaseRef, access.actor(agent));
    }
}
