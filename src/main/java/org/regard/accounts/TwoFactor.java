package org.regard.accounts;

import org.regard.audit.AuditAction;
import org.regard.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An agent's second factor: a TOTP secret from an authenticator app (enrolled on the profile page, confirmed with a
 * code before it is on) and ten one-time recovery codes. A TOTP step is accepted once per agent (the last accepted
 * step is stored, and a code is taken by a conditional update, so two nodes never both accept it); a recovery code
 * is accepted once (marked used by a conditional update). Every change is audited in its own transaction.
 */
@Service
public class TwoFactor {
    static final String ISSUER = "Regard";
    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int RECOVERY_CODE_CHARACTERS = 16; // 80 random bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TwoFactorSecrets secrets;
    private final TwoFactorPolicy policy;
    private final PasswordEncoder passwords;
    private final AuditLog audit;
    private final SecuritySettings settings;
    private final Clock clock;

    TwoFactor(JdbcClient jdbc, TwoFactorSecrets secrets, TwoFactorPolicy policy, PasswordEncoder passwords, AuditLog audit,
              SecuritySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.secrets = secrets;
        this.policy = policy;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a sign-in needs after the right password. */
    public enum NextStep {
        /** nothing: the agent is signed in */
        NONE,
        /** a code from the app or a recovery code */
        CODE,
        /** the agent must use two-factor sign-in and has not set it up: enrolment first */
        ENROL
    }

    /** Which second step, if any, an agent's sign-in needs. */
    @Transactional(readOnly = true)
    public NextStep nextStepAfterPassword(long agentId, Role role) {
        if (isEnabled(agentId)) {
            return NextStep.CODE;
        }
        return policy.requirement().appliesTo(role) ? NextStep.ENROL : NextStep.NONE;
    }

    /** Whether signing in with the password alone is not enough for this agent (enrolled, or required to be). */
    @Transactional(readOnly = true)
    public boolean passwordIsNotEnough(long agentId, Role role) {
        return nextStepAfterPassword(agentId, role) != NextStep.NONE;
    }

    /** An agent's second factor as their profile shows it. */
    public record Status(boolean enabled, Instant enabledAt, int recoveryCodesLeft, boolean required) {
    }

    @Transactional(readOnly = true)
    public Status status(long agentId, Role role) {
        Optional<Instant> enabledAt = jdbc.sql("select enabled_at from agent_two_factor where agent_id = ? and enabled_at is not null")
                .param(agentId).query(Timestamp.class).optional().map(Timestamp::toInstant);
        int left = jdbc.sql("select count(*) from two_factor_recovery_code where agent_id = ? and used_at is null")
                .param(agentId).query(Long.class).single().intValue();
        return new Status(enabledAt.isPresent(), enabledAt.orElse(null), left, policy.requirement().appliesTo(role));
    }

    @Transactional(readOnly = true)
    public boolean isEnabled(long agentId) {
        return jdbc.sql("select count(*) from agent_two_factor where agent_id = ? and enabled_at is not null")
                .param(agentId).query(Long.class).single() > 0;
    }

    /**
     * The key to enter into an authenticator app: Base32, grouped by four for typing, and the {@code otpauth://} URI
     * the QR code carries, and that QR code as an image ({@code data:} URI).
     */
    public record Enrolment(String key, String groupedKey, String uri, String qrImage) {
    }

    /**
     * The enrolment in progress for this agent: the same secret until it is confirmed (reloading the page does not
     * change the key already scanned), a new one the first time. Empty when two-factor sign-in is already on.
     */
    @Transactional
    public Optional<Enrolment> enrolment(long agentId, String email) {
        record Row(String secret, Timestamp enabledAt) {
        }
        Optional<Row> row = jdbc.sql("select secret, enabled_at from agent_two_factor where agent_id = ?").param(agentId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getTimestamp(2))).optional();
        if (row.isPresent() && row.get().enabledAt() != null) {
            return Optional.empty();
        }
        byte[] secret;
        if (row.isPresent()) {
            secret = secrets.open(agentId, row.get().secret());
        } else {
            secret = secrets.newSecret();
            jdbc.sql("insert into agent_two_factor (agent_id, secret) values (?, ?)").params(agentId, secrets.seal(agentId, secret)).update();
        }
        String key = Base32.encode(secret);
        String label = ISSUER + ":" + URLEncoder.encode(email, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + key + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return Optional.of(new Enrolment(key, Base32.grouped(key), uri, QrCodes.dataUri(uri)));
    }

    /**
     * Turns two-factor sign-in on when the code is right for the enrolment in progress; returns the recovery codes,
     * to be shown once, or empty when the code is wrong (or nothing is being enrolled).
     */
    @Transactional
    public Optional<List<String>> confirm(long agentId, String email, String code, String clientAddress) {
        Optional<String> sealed = jdbc.sql("select secret from agent_two_factor where agent_id = ? and enabled_at is null")
                .param(agentId).query(String.class).optional();
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        OptionalLong step = Totp.matchingStep(secrets.open(agentId, sealed.get()), normalizeCode(code), now, -1);
        if (step.isEmpty() || jdbc.sql("update agent_two_factor set enabled_at = ?, last_step = ? where agent_id = ? and enabled_at is null")
                .params(Timestamp.from(now), step.getAsLong(), agentId).update() == 0) {
            return Optional.empty();
        }
        List<String> codes = replaceRecoveryCodes(agentId);
        audit.record(AuditAction.TWO_FACTOR_ENABLED, agentId, email, "agent", agentId,
                "Two-factor sign-in turned on, " + RECOVERY_CODES + " recovery codes issued", clientAddress);
        return Optional.of(codes);
    }

    /** How a typed second factor was taken. */
    public enum Check {
        /** a code from the app, good now and not used before */
        CODE,
        /** an unused recovery code, now used up */
        RECOVERY_CODE,
        /** neither */
        WRONG,
        /** not checked: too many wrong codes for this agent lately (see {@link #check}) */
        LOCKED
    }

    /**
     * Checks a code typed at sign-in: six digits are taken as a code from the app, anything else as a recovery code.
     * A right code is used up; a recovery code's use is audited. A wrong one is audited (as a failed sign-in) and
     * counted for the agent in the database, in one transaction: after
     * {@code regard.security.sign-in-failures-before-delay} wrong codes within {@code regard.security.sign-in-failure-window}
     * of the first, no code is checked until that time is over,
     * however many sessions (or nodes) the codes came from and however often the password step was passed again.
     */
    @Transactional
    public Check check(long agentId, String email, String typed, String clientAddress) {
        Instant now = clock.instant();
        Timestamp windowStart = Timestamp.from(now.minus(settings.signInFailureWindow()));
        boolean locked = jdbc.sql("select count(*) from agent_two_factor where agent_id = ? and wrong_codes >= ? and wrong_since > ?")
                .params(agentId, settings.signInFailuresBeforeDelay(), windowStart).query(Long.class).single() > 0;
        if (locked) {
            audit.record(AuditAction.SIGN_IN_FAILED, agentId, email, "agent", agentId,
                    "Two-factor code not checked: too many wrong codes lately", clientAddress);
            return Check.LOCKED;
        }
        Check check = checkUnthrottled(agentId, email, normalizeCode(typed), clientAddress);
        if (check == Check.WRONG) {
            jdbc.sql("""
                            update agent_two_factor
                            set wrong_codes = case when wrong_since is null or wrong_since <= ? then 1 else wrong_codes + 1 end,
                                wrong_since = case when wrong_since is null or wrong_since <= ? then ? else wrong_since end
                            where agent_id = ?""")
                    .params(windowStart, windowStart, Timestamp.from(now), agentId).update();
            audit.record(AuditAction.SIGN_IN_FAILED, agentId, email, "agent", agentId, "Wrong two-factor code", clientAddress);
        } else {
            jdbc.sql("update agent_two_factor set wrong_codes = 0, wrong_since = null where agent_id = ? and wrong_codes > 0")
                    .param(agentId).update();
        }
        return check;
    }

    private Check checkUnthrottled(long agentId, String email, String code, String clientAddress) {
        if (code.length() == Totp.DIGITS && code.chars().allMatch(Character::isDigit)) {
            return takeTotp(agentId, code) ? Check.CODE : Check.WRONG;
        }
        int used = jdbc.sql("""
                        update two_factor_recovery_code set used_at = ?
                        where agent_id = ? and code_hash = ? and used_at is null
                          and exists (select 1 from agent_two_factor t where t.agent_id = ? and t.enabled_at is not null)""")
                .params(Timestamp.from(clock.instant()), agentId, ApiTokens.hash(normalizeRecoveryCode(code)), agentId).update();
        if (used == 0) {
            return Check.WRONG;
        }
        int left = jdbc.sql("select count(*) from two_factor_recovery_code where agent_id = ? and used_at is null")
                .param(agentId).query(Long.class).single().intValue();
        audit.record(AuditAction.TWO_FACTOR_RECOVERY_USED, agentId, email, "agent", agentId,
                "Signed in with a recovery code, " + left + " left", clientAddress);
        return Check.RECOVERY_CODE;
    }

    /**
     * The agent turns two-factor sign-in off, proving it is them with a current code or their password. Refused (false)
     * when neither is right, and (an exception) when the administrator requires it of them.
     */
    @Transactional
    public boolean disable(long agentId, String email, Role role, String codeOrPassword, String clientAddress) {
        if (policy.requirement().appliesTo(role)) {
            throw new AccessDeniedException("Two-factor sign-in is required of this agent.");
        }
        String code = normalizeCode(codeOrPassword);
        boolean proven = code.length() == Totp.DIGITS && code.chars().allMatch(Character::isDigit)
                ? takeTotp(agentId, code)
                : jdbc.sql("select password_hash from agent where id = ?").param(agentId).query(String.class).optional()
                        .map(hash -> codeOrPassword != null && passwords.matches(codeOrPassword, hash)).orElse(false);
        if (!proven || !isEnabled(agentId)) {
            return false;
        }
        remove(agentId);
        audit.record(AuditAction.TWO_FACTOR_DISABLED, agentId, email, "agent", agentId, "Turned off by the agent", clientAddress);
        return true;
    }

    /** An administrator removes an agent's second factor (a lost phone): the agent signs in with the password again. */
    @Transactional
    public boolean reset(long agentId, AgentPrincipal admin, String clientAddress) {
        if (!admin.isAdmin()) {
            throw new AccessDeniedException("Only an administrator resets another agent's two-factor sign-in.");
        }
        boolean wasOn = isEnabled(agentId);
        remove(agentId);
        if (wasOn) {
            audit.record(AuditAction.TWO_FACTOR_DISABLED, admin.id(), admin.email(), "agent", agentId,
                    "Reset by an administrator", clientAddress);
        }
        return wasOn;
    }

    /** New recovery codes in place of the old ones, after a current code from the app; empty when the code is wrong. */
    @Transactional
    public Optional<List<String>> newRecoveryCodes(long agentId, String code) {
        if (!isEnabled(agentId) || !takeTotp(agentId, normalizeCode(code))) {
            return Optional.empty();
        }
        return Optional.of(replaceRecoveryCodes(agentId));
    }

    /** Takes a TOTP code: true when it is right now and its step is later than any the agent used before. */
    private boolean takeTotp(long agentId, String code) {
        record Row(String secret, long lastStep) {
        }
        Optional<Row> row = jdbc.sql("select secret, last_step from agent_two_factor where agent_id = ? and enabled_at is not null")
                .param(agentId).query((rs, n) -> new Row(rs.getString(1), rs.getLong(2))).optional();
        if (row.isEmpty()) {
            return false;
        }
        OptionalLong step = Totp.matchingStep(secrets.open(agentId, row.get().secret()), code, clock.instant(), row.get().lastStep());
        // the condition makes the replay guard hold between nodes: of two requests with the same code, one updates
        return step.isPresent() && jdbc.sql("update agent_two_factor set last_step = ? where agent_id = ? and last_step < ?")
                .params(step.getAsLong(), agentId, step.getAsLong()).update() == 1;
    }

    private List<String> replaceRecoveryCodes(long agentId) {
        jdbc.sql("delete from two_factor_recovery_code where agent_id = ?").param(agentId).update();
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_CODE_CHARACTERS; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
            jdbc.sql("insert into two_factor_recovery_code (agent_id, code_hash) values (?, ?)")
                    .params(agentId, ApiTokens.hash(normalizeRecoveryCode(code.toString()))).update();
        }
        return codes;
    }

    private void remove(long agentId) {
        jdbc.sql("delete from two_factor_recovery_code where agent_id = ?").param(agentId).update();
        jdbc.sql("delete from agent_two_factor where agent_id = ?").param(agentId).update();
    }

    private static String normalizeCode(String typed) {
        return typed == null ? "" : typed.replace(" ", "").strip();
    }

    private static String normalizeRecoveryCode(String typed) {
        return typed.replace("-", "").toLowerCase(Locale.ROOT);
    }
}
