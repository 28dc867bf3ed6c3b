/**
 * Audit: what was done to the desk's people, rights and settings, by whom, from where and when: sign-ins and their
 * failures, second-factor changes, roles and teams, API tokens, mailboxes, customer merges and address changes, and
 * settings. An entry is written in the same transaction as the change it records (so there is never a change without
 * its entry, nor an entry for a change that rolled back) and is never edited afterwards.
 * <p>
 * Who acted is asked of an {@link org.regard.audit.Auditors} that another module provides (accounts: the signed-in agent
 * and the request's client address), so this module depends on none and every module may depend on it. Nothing updates
 * or deletes an entry: {@link org.regard.audit.AuditLog} only inserts and reads, and on PostgreSQL a trigger refuses
 * {@code UPDATE}, {@code DELETE} and {@code TRUNCATE} of {@code audit_entry}. Administrators read the log at
 * {@code /admin/audit} (and download it as CSV) and at {@code GET /api/v1/audit}.
 * <p>
 * Public API: {@link org.regard.audit.AuditLog}, {@link org.regard.audit.AuditEntry},
 * {@link org.regard.audit.AuditAction}, {@link org.regard.audit.AuditFilter}, {@link org.regard.audit.AuditActor} and
 * {@link org.regard.audit.Auditors}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {"text"})
package org.regard.audit;
