package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class SignInBrowserTest {
    @Autowired
    TestData data;

    @Test
    void theSignInPageIsAccessibleAndAWrongPasswordIsExplained(Browser browser) {
        browser.open("/login");
        browser.screenshot("sign-in");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        assertThat(browser.find("html").getAttribute("lang")).isEqualTo("en");

        var agent = data.agent(Role.AGENT, data.team("signin"));
        browser.find("#username").sendKeys(agent.email());
        browser.find("#password").sendKeys("not-the-password");
        browser.find("form[action='/login'] button[type=submit]").click();

        assertThat(browser.find(".alert.error").getText()).contains("Wrong email or password");
    }

    @Test
    void theAccessibilityCheckReallyFindsProblems(Browser browser) {
        browser.driver().get("data:text/html,<html><body><input type=text><img src=x></body></html>");
        assertThat(browser.seriousAccessibilityProblems()).isNotEmpty();
    }
}
