/**
 * Mail in: the mailbox readers, the store that keeps every fetched message before it is marked seen, the bounded pool
 * that processes stored mail one conversation at a time, and the inbound chain that turns a message into a ticket
 * message.
 */
package org.regard.mail.intake;
