/**
 * Mail: the team's mailboxes, and every e-mail in and out of them. No other module calls into mail; it calls
 * {@code tickets} and {@code customers}, listens to ticket events, and implements
 * {@link org.regard.tickets.MessageEnvelopes}. Its parts live in internal sub-packages:
 * <ul>
 *   <li>{@code parsing}: raw RFC 5322 bytes become an {@code InboundMessage} (addresses, threading headers, any
 *   charset and MIME structure, sanitised HTML, attachments, the visible reply with quotes and signature folded away,
 *   auto-reply / bounce / loop signals). {@code MailParser} never throws; {@code MailLimits} keep a hostile message
 *   from exhausting memory.</li>
 *   <li>{@code mailboxes}: {@code Mailboxes} (checked writes, refused with {@code InvalidMailbox}; passwords encrypted
 *   by {@code SecretBox}), {@code MailboxCheck} (the step-by-step connection test), {@code DeclaredMailboxes}
 *   ({@code regard.mail.mailboxes[n]} loaded at start).</li>
 *   <li>{@code intake}: {@code MailIntake} runs one {@code MailboxReader} per mailbox on one node at a time (a lease in
 *   {@code mail_lease}); it stores each message whole ({@code InboundStore}, idempotent by Message-ID or content hash)
 *   before marking it seen, then queues it on a bounded pool that keeps each conversation in order
 *   ({@code ConversationQueue}); {@code InboundProcessor} turns stored mail into ticket messages through the inbound
 *   chain ({@code InboundConversion}: loop, sender, auto-reply, bounce and follow-up filters), retrying with backoff
 *   and never losing a message it cannot read.</li>
 *   <li>{@code outbox}: {@code Outbox} queues an email reply in the reply's own transaction; the {@code MailSender}
 *   sends it after the undo window, retries with backoff and never sends twice what it may already have handed over;
 *   acknowledgements of new tickets and the customer's rating requests ({@code ratings.RatingEvents.RatingRequested})
 *   go the same way.</li>
 *   <li>this package: the settings ({@link org.regard.mail.MailSettings}), and the display side: {@code MailEnvelopes}
 *   tells the tickets module what each message's envelope and delivery state are, {@link org.regard.mail.MailDisplay}
 *   renders a received message's HTML for its sandboxed frame.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"tickets", "customers", "accounts", "audit", "text", "ratings"})
package org.regard.mail;
