/** The audit log in the HTTP API. */
package org.regard.audit.api;
