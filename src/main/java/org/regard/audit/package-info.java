/**
 * Audit: what was done to the desk's people, rights and settings, by whom, from where and when: sign-ins and their
 * failures, second-factor changes, roles and teams, API tokens, mailboxes, customer merges and address changes, and
 * settings. An entry is written in the same transaction as the change it records (so there is never a change without
 * its entry, nor an entry for a change that rolled back) and is never edited afterwards.
 * <p>
 * Public API: {@link org.regard.audit.AuditLog} and {@link org.regard.audit.AuditEntry}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = {})
package org.regard.audit;
