package org.regard.mail.intake;

/**
 * One small step of the inbound chain. {@link InboundConversion} runs the filters in a fixed order (loop, sender,
 * auto-reply, bounce, follow-up), each looking at the message and at what the filters before it decided, inside the
 * message's processing transaction.
 */
interface InboundFilter {

    /** What the chain does after a filter. */
    enum Verdict {
        /** Go on with the next filter. */
        CONTINUE,
        /** Stop: the message goes on no ticket (Regard's own mail coming back). */
        DROP
    }

    Verdict apply(InboundMail mail);
}
