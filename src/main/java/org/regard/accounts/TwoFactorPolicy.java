package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's setting of who must use two-factor sign-in. Stored in the database ({@code account_setting}),
 * so it is the same on every node and changes without a restart; it applies from each agent's next sign-in.
 */
@Service
public class TwoFactorPolicy {
    static final String SETTING = "two-factor.required";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    TwoFactorPolicy(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Raised when an admin who has no second factor themselves would require one of admins: they would be sent to enrol. */
    public static class EnrolFirst extends RuntimeException {
        public EnrolFirst() {
            super("Set up two-factor sign-in for yourself before requiring it of administrators.");
        }
    }

    @Transactional(readOnly = true)
    public TwoFactorRequirement requirement() {
        return jdbc.sql("select setting_value from account_setting where name = ?").param(SETTING).query(String.class).optional()
                .map(TwoFactorRequirement::valueOf).orElse(TwoFactorRequirement.NOBODY);
    }

    /** Changes the requirement; only an administrator may, and the change is audited with it. */
    @Transactional
    public void change(TwoFactorRequirement requirement, AgentPrincipal admin, String clientAddress) {
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an administrator changes who must use two-factor sign-in.");
        }
        TwoFactorRequirement before = requirement();
        if (before == requirement) {
            return;
        }
        boolean adminEnrolled = jdbc.sql("select count(*) from agent_two_factor where agent_id = ? and enabled_at is not null")
                .param(admin.id()).query(Long.class).single() > 0;
        if (requirement.appliesTo(Role.ADMIN) && !adminEnrolled) {
            throw new EnrolFirst();
        }
        // the row exists from the migration that created the table
        jdbc.sql("update account_setting set setting_value = ? where name = ?").params(requirement.name(), SETTING).update();
        audit.record(AuditAction.SETTINGS_CHANGED, admin.id(), admin.email(), "setting", SETTING,
                "Two-factor sign-in required of " + requirement.name().toLowerCase(java.util.Locale.ROOT)
                        + " (was " + before.name().toLowerCase(java.util.Locale.ROOT) + ")", clientAddress);
    }
}
