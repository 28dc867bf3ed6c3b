package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TestAuthenticator;
import org.regard.accounts.TwoFactor;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent sets up two-factor sign-in on their profile, reading the key from the page as they would type it into an
 * app, and signs in again with a code computed from it. Every page of the story passes axe-core.
 */
@BrowserTest
class TwoFactorBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Clock clock;
    @Autowired
    TwoFactor twoFactor;

    @Test
    void anAgentSetsUpTwoFactorSignInAndSignsInWithACode(Browser browser) {
        var agent = data.named("Camille Martin", Role.AGENT, null, data.team("totp"));
        List<String> problems = new ArrayList<>();
        browser.signIn(agent.email(), agent.password());

        browser.open("/profile");
        assertThat(browser.find("#two-factor-status").getText()).contains("Off");
        browser.find("#two-factor-set-up").click();
        browser.waitUntil(d -> browser.path().equals("/profile/two-factor"));
        browser.screenshot("two-factor-enrolment");
        check(browser, "enrolment", problems);
        browser.resize(390, 844);
        if (browser.scrollsSideways()) {
            problems.add("the enrolment page scrolls sideways on a phone");
        }
        browser.resize(1366, 768);
        assertThat(browser.find("#two-factor-qr").getAttribute("src")).startsWith("data:image/svg+xml;base64,");
        assertThat(browser.find("#two-factor-uri").getAttribute("value")).startsWith("otpauth://totp/Regard:");
        TestAuthenticator app = new TestAuthenticator(browser.find("#two-factor-key").getText(), clock);

        browser.find("#two-factor-code").sendKeys(app.nextCode());
        browser.find("#two-factor-enrol-submit").click();
        browser.waitUntil(d -> !browser.findAll("#recovery-codes li").isEmpty() || !browser.findAll("#two-factor-error").isEmpty());

        assertThat(browser.findAll("#two-factor-error")).as("the code from the key on the page is refused").isEmpty();
        assertThat(browser.findAll("#recovery-codes li")).hasSize(10);
        check(browser, "recovery codes", problems);
        browser.find("#two-factor-continue").click();
        assertThat(browser.find("#two-factor-status").getText()).contains("On");
        check(browser, "profile with two-factor sign-in on", problems);

        browser.find("form[action='/logout'] button").click();
        browser.open("/login");
        browser.find("#username").sendKeys(agent.email());
        browser.find("#password").sendKeys(agent.password());
        browser.find("form[action='/login'] button[type=submit]").click();
        browser.waitUntil(d -> browser.path().equals("/login/two-factor"));
        browser.screenshot("two-factor-sign-in");
        check(browser, "second step", problems);

        browser.find("#two-factor-code").sendKeys(app.wrongCode());
        browser.find("#two-factor-submit").click();
        assertThat(browser.find("#two-factor-code-error").getText()).contains("not right");
        check(browser, "second step with a wrong code", problems);
        browser.find("#two-factor-code").sendKeys(app.nextCode());
        browser.find("#two-factor-submit").click();

        browser.waitUntil(d -> browser.path().equals("/inbox"));
        assertThat(problems).isEmpty();
    }

    @Test
    void theAdminPagesOfTwoFactorSignInAreAccessible(Browser browser) {
        var admin = data.agent(Role.ADMIN, data.team("totp"));
        var agent = data.agent(Role.AGENT, data.team("totp"));
        var enrolment = twoFactor.enrolment(agent.id(), agent.email()).orElseThrow();
        twoFactor.confirm(agent.id(), agent.email(), new TestAuthenticator(enrolment.key(), clock).nextCode(), null).orElseThrow();
        List<String> problems = new ArrayList<>();
        browser.signIn(admin.email(), admin.password());

        browser.open("/admin/security");
        assertThat(browser.find("#requirement-nobody").isSelected()).isTrue();
        check(browser, "security settings", problems);
        browser.open("/admin/agents/" + agent.id());
        browser.find("#agent-two-factor-reset-toggle").click();
        check(browser, "agent with two-factor sign-in", problems);
        browser.find("#agent-two-factor-reset").click();

        assertThat(browser.find("#admin-message").getText()).contains("reset");
        assertThat(twoFactor.isEnabled(agent.id())).isFalse();
        assertThat(problems).isEmpty();
    }

    private static void check(Browser browser, String page, List<String> problems) {
        browser.seriousAccessibilityProblems().forEach(p -> problems.add(page + ": " + p));
    }
}
