/**
 * Mail: how Regard reads the e-mail customers send. Today this is the parsing core: raw RFC 5322 bytes become an
 * {@link org.regard.mail.InboundMessage} — addresses, threading headers, decoded subject and bodies, sanitised HTML,
 * attachments, the reply the customer actually wrote (quoted history and signature folded away), and the signals
 * that tell an automatic reply, a bounce or a mail loop apart from a person writing.
 * <p>
 * The parser never throws for a bad message: whatever could not be read is listed in
 * {@link org.regard.mail.InboundMessage#parseWarnings()}, and limits ({@link org.regard.mail.MailLimits}) keep a
 * hostile message from exhausting memory. Fetching mail (IMAP), sending it (SMTP) and turning messages into tickets
 * come later and will build on this API.
 * <p>
 * Public API: {@link org.regard.mail.MailParser} and its records {@link org.regard.mail.InboundMessage},
 * {@link org.regard.mail.MailAddress}, {@link org.regard.mail.MailAttachment},
 * {@link org.regard.mail.FailedRecipient}, {@link org.regard.mail.MailLimits}; the mailboxes:
 * {@link org.regard.mail.Mailboxes} (checked writes, refused with {@link org.regard.mail.InvalidMailbox}),
 * {@link org.regard.mail.MailboxCheck} (the step-by-step connection test). Mailboxes declared in
 * {@code regard.mail.mailboxes[n]} are loaded at start by {@code DeclaredMailboxes}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = {"tickets", "customers", "accounts"})
package org.regard.mail;
