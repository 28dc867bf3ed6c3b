/**
 * Mail on the ticket page: the formatted version of a message for its sandboxed frame, and the message as received.
 */
package org.regard.mail.web;
