/** Mail out: the outbox written in a reply's own transaction, the sender with its undo window and retries, and the outgoing MIME. */
package org.regard.mail.outbox;
