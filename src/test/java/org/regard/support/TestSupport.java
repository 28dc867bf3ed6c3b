package org.regard.support;

import org.flywaydb.core.Flyway;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicBoolean;

/** Test wiring shared by all integration tests. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {
    private static final AtomicBoolean CLEANED = new AtomicBoolean();

    /** Starts every test JVM from an empty schema (once), so runs never depend on what a previous run left. */
    @Bean
    FlywayMigrationStrategy cleanOnceThenMigrate() {
        return (Flyway flyway) -> {
            if (CLEANED.compareAndSet(false, true)) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }

    /** Counts statements and transactions per use case (see {@link StatementLedger}). */
    @Bean
    static org.springframework.beans.factory.config.BeanPostProcessor statementLedger() {
        return StatementLedger.wrapper();
    }

    @Bean
    org.springframework.core.task.TaskDecorator statementLedgerScope() {
        return StatementLedger.decorator();
    }

    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<jakarta.servlet.Filter> statementLedgerFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(StatementLedger.filter());
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    TestData testData(org.regard.accounts.AgentAdministration admin, org.regard.accounts.Accounts accounts,
                      org.regard.customers.Customers customers) {
        return new TestData(admin, accounts, customers);
    }
}
