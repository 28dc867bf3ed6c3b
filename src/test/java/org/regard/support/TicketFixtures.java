package org.regard.support;

import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;

/**
 * Tickets as tests need them, with sensible defaults so that a test names only what it is about:
 * {@code aNewTicket().forCustomer(id).inTeam(team).about("Invoice").saying("Where is it?").command()}.
 */
public final class TicketFixtures {
    private long customerId;
    private Long teamId;
    private String subject = "Printer does not print";
    private String body = "Since yesterday only empty pages come out.";
    private Channel channel = Channel.WEB;
    private Priority priority;
    private Long categoryId;
    private String submissionKey;

    private TicketFixtures() {
    }

    public static TicketFixtures aNewTicket() {
        return new TicketFixtures();
    }

    public TicketFixtures forCustomer(long id) {
        this.customerId = id;
        return this;
    }

    public TicketFixtures inTeam(long id) {
        this.teamId = id;
        return this;
    }

    public TicketFixtures about(String subject) {
        this.subject = subject;
        return this;
    }

    public TicketFixtures saying(String body) {
        this.body = body;
        return this;
    }

    public TicketFixtures by(Channel channel) {
        this.channel = channel;
        return this;
    }

    public TicketFixtures withPriority(Priority priority) {
        this.priority = priority;
        return this;
    }

    public TicketFixtures inCategory(long id) {
        this.categoryId = id;
        return this;
    }

    public TicketFixtures submittedAs(String key) {
        this.submissionKey = key;
        return this;
    }

    public OpenTicket command() {
        if (customerId == 0) {
            throw new IllegalStateException("a ticket needs its customer: forCustomer(id)");
        }
        return new OpenTicket(customerId, subject, body, channel, teamId, priority, categoryId, submissionKey);
    }
}
