/** The audit log in the admin pages: the filtered list and its CSV export. */
package org.regard.audit.web;
