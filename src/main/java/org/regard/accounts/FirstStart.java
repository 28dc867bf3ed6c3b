package org.regard.accounts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * On the very first start (no agent in the database) creates the administrator and a first team.
 * With no password configured it generates one and prints it once; a configured password is never printed, and one
 * that breaks the {@link PasswordPolicy} is used all the same, with a warning in the log. Safe when several nodes start
 * together: the unique email lets only one of them create the administrator.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    static final String DEFAULT_ADMIN_EMAIL = "admin@regard.local";
    static final String FIRST_TEAM = "Support";

    private final AgentRepository agents;
    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final AdminSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final PasswordPolicy policy;

    FirstStart(AgentRepository agents, Accounts accounts, PasswordEncoder encoder, AdminSettings settings,
               TransactionTemplate tx, Clock clock, PasswordPolicy policy) {
        this.policy = policy;
        this.agents = agents;
        this.accounts = accounts;
        this.encoder = encoder;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (agents.count() > 0) {
            return;
        }
        String email = settings.email() == null || settings.email().isBlank() ? DEFAULT_ADMIN_EMAIL : settings.email();
        boolean generated = settings.password() == null || settings.password().isBlank();
        String password = generated ? generatePassword() : settings.password();
        try {
            tx.executeWithoutResult(status -> {
                TeamView team = accounts.ensureTeam(FIRST_TEAM);
                Agent admin = new Agent(email, "Administrator", encoder.encode(password), Role.ADMIN, clock.instant());
                admin.joinTeam(team.id());
                agents.save(admin);
            });
        } catch (DataIntegrityViolationException raced) {
            return; // another node created the administrator a moment ago
        }
        if (generated) {
            log.warn("""

                    ================================================================
                      Regard created the administrator account:
                        email:    {}
                        password: {}
                      This password is shown only once. Sign in and change it.
                    ================================================================""", email, password);
        } else {
            log.info("Regard created the administrator account {} with the password given in regard.admin.password", email);
            // Refusing it would leave a new installation without any way in; the operator is told instead.
            policy.problemWith(password, email, "Administrator").ifPresent(problem -> log.warn(
                    "The administrator password given in regard.admin.password breaks Regard's password rules: {} "
                            + "Sign in as {} and change it on your profile page.", problem.englishMessage(), email));
        }
    }

    private static String generatePassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
