package org.regard.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts one headless Chromium for the whole test run (from Debian's packages, nothing downloaded),
 * hands each test a {@link Browser} pointed at the application's random port, and clears cookies
 * between tests. Skips with a clear message only where Chromium or its driver is not installed.
 */
class BrowserExtension implements ExecutionCondition, ParameterResolver, AfterEachCallback {
    static final String CHROMIUM = System.getProperty("regard.test.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("regard.test.chromedriver", "/usr/bin/chromedriver");

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute()) {
            return ConditionEvaluationResult.enabled("Chromium at " + CHROMIUM);
        }
        return ConditionEvaluationResult.disabled("SKIPPED: browser tests need Debian's chromium and chromium-driver ("
                + CHROMIUM + ", " + CHROMEDRIVER + "); install them with: apt-get install chromium chromium-driver");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ChromeDriver driver = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SharedChromium.class, k -> new SharedChromium(), SharedChromium.class).driver;
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        return new Browser(driver, "http://127.0.0.1:" + port);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        var shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(SharedChromium.class, SharedChromium.class);
        if (shared != null) {
            shared.driver.manage().deleteAllCookies();
        }
    }

    /** One Chromium per test run, closed when the run ends. */
    static final class SharedChromium implements AutoCloseable {
        final ChromeDriver driver;
        private final Path profile;

        SharedChromium() {
            try {
                profile = Files.createTempDirectory("regard-chromium");
                ChromeOptions options = new ChromeOptions();
                options.setBinary(CHROMIUM);
                options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1366,768", "--lang=en-US",
                        "--user-data-dir=" + profile);
                ChromeDriverService service = new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
                driver = new ChromeDriver(service, options);
                driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Quits Chromium and removes its profile directory (best effort: a leftover temp directory fails no test). */
        @Override
        public void close() {
            driver.quit();
            try (var paths = Files.walk(profile)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            } catch (IOException e) {
                System.err.println("Could not remove the Chromium profile " + profile + ": " + e);
            }
        }
    }
}
