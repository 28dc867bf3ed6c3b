package org.regard.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.DriverManager;

/**
 * Skips PostgreSQL runs, with a clear message, on a machine where PostgreSQL does not answer. CI always
 * has it (its .ci/run starts it); H2 runs are never skipped.
 */
public class DatabaseAvailable implements ExecutionCondition {
    private static Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getProperty("regard.test.datasource.url");
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            return ConditionEvaluationResult.enabled("embedded H2");
        }
        if (reachable == null) {
            try (var c = DriverManager.getConnection(url, System.getProperty("regard.test.datasource.username", "postgres"), "")) {
                reachable = c.isValid(2);
            } catch (Exception e) {
                reachable = false;
            }
        }
        return reachable ? ConditionEvaluationResult.enabled("PostgreSQL answers at " + url)
                : ConditionEvaluationResult.disabled("SKIPPED: PostgreSQL is not reachable at " + url
                + " - start it (pg_ctlcluster ... main start) to run the PostgreSQL half of the suite");
    }
}
