/**
 * Mail: the team's mailboxes, and every e-mail in and out of them.
 * <ul>
 *   <li><b>Parsing</b>: raw RFC 5322 bytes become an {@link org.regard.mail.parsing.InboundMessage} (addresses, threading
 *   headers, any charset and MIME structure, sanitised HTML, attachments, the visible reply with quotes and signature
 *   folded away, auto-reply / bounce / loop signals). {@link org.regard.mail.parsing.MailParser} never throws; limits
 *   ({@link org.regard.mail.parsing.MailLimits}) keep a hostile message from exhausting memory.</li>
 *   <li><b>Mailboxes</b>: {@link org.regard.mail.mailboxes.Mailboxes} (checked writes, refused with
 *   {@link org.regard.mail.mailboxes.InvalidMailbox}; passwords encrypted by {@code SecretBox}),
 *   {@link org.regard.mail.mailboxes.MailboxCheck} (the step-by-step connection test), {@code DeclaredMailboxes}
 *   ({@code regard.mail.mailboxes[n]} loaded at start).</li>
 *   <li><b>Intake</b>: {@code MailIntake} runs one {@code MailboxReader} per mailbox on one node at a time (a lease in
 *   {@code mail_lease}); it stores each message whole ({@code InboundStore}, idempotent by Message-ID or content hash)
 *   before marking it seen; {@code InboundProcessor} turns stored mail into ticket messages ({@code InboundConversion},
 *   {@code InboundThreading}), retrying with backoff and never losing a message it cannot read.</li>
 *   <li><b>Sending</b>: {@link org.regard.mail.outbox.Outbox} queues an email reply in the reply's own transaction; the
 *   {@code MailSender} sends it after the undo window, retries with backoff and never sends twice what it may already
 *   have handed over; acknowledgements of new tickets go the same way.</li>
 *   <li><b>Display</b>: {@code MailEnvelopes} tells the tickets module (through
 *   {@link org.regard.tickets.MessageEnvelopes}) what each message's envelope and delivery state are.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"tickets", "customers", "accounts"})
package org.regard.mail;

