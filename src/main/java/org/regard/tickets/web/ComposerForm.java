package org.regard.tickets.web;

import org.regard.tickets.Channel;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.TouchDirection;

import java.util.UUID;

/**
 * What the agent writes on a ticket: a reply, an internal note or a logged call or visit. Kept as typed
 * when the page comes back with an error, so nothing is lost.
 */
public class ComposerForm {
    private String mode = ComposerMode.REPLY.value();
    private String body;
    private TicketStatus nextStatus;
    private Channel channel = Channel.PHONE;
    private TouchDirection direction = TouchDirection.INBOUND;
    private String submissionKey = UUID.randomUUID().toString();
    /** For a reply recorded only: how the answer was given (phone, visit); null when it was not. */
    private Channel toldBy;
    /** Take an unassigned ticket with the reply; an unchecked box sends nothing, so absent means no. */
    private boolean takeIt;
    private boolean askReview;
    // why "then resolved" goes ahead while a procedure's required step is open (asked for by its warn gate)
    private String resolutionReason;

    public String getResolutionReason() {
        return resolutionReason;
    }

    public void setResolutionReason(String resolutionReason) {
        this.resolutionReason = resolutionReason;
    }

    public String getMode() {
        return mode;
    }

    /** Where the form posts in its current mode, below {@code /tickets/{id}/}. */
    public String getModePath() {
        for (ComposerMode m : ComposerMode.values()) {
            if (m.value().equals(mode)) {
                return m.path();
            }
        }
        return ComposerMode.REPLY.path();
    }

    void use(ComposerMode mode) {
        this.mode = mode.value();
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public TicketStatus getNextStatus() {
        return nextStatus;
    }

    public void setNextStatus(TicketStatus nextStatus) {
        this.nextStatus = nextStatus;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public TouchDirection getDirection() {
        return direction;
    }

    public void setDirection(TouchDirection direction) {
        this.direction = direction;
    }

    public String getSubmissionKey() {
        return submissionKey;
    }

    public void setSubmissionKey(String submissionKey) {
        this.submissionKey = submissionKey;
    }

    public Channel getToldBy() {
        return toldBy;
    }

    public void setToldBy(Channel toldBy) {
        this.toldBy = toldBy;
    }

    public boolean isTakeIt() {
        return takeIt;
    }

    public void setTakeIt(boolean takeIt) {
        this.takeIt = takeIt;
    }

    /** The author asks a reviewer to check the reply before it reaches the customer. */
    public boolean isAskReview() {
        return askReview;
    }

    public void setAskReview(boolean askReview) {
        this.askReview = askReview;
    }
}
