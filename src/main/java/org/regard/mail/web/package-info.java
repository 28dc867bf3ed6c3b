/**
 * Mail in the pages: the mailbox admin pages (list, new, edit, deactivate, connection test), the formatted version of
 * a received message for its sandboxed frame and the message as received, and taking back or resending a reply.
 */
package org.regard.mail.web;
