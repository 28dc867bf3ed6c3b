/** The team's mailboxes: their settings and encrypted passwords, the connection test, and those declared in configuration. */
package org.regard.mail.mailboxes;
