/** The admin pages for mailboxes: list, new, edit, deactivate and the connection test. */
package org.regard.mail.web;
