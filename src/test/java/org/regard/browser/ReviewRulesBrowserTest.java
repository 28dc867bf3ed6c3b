package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** An administrator writes a words rule in a real browser; the list and the form are accessible, refused or not. */
@BrowserTest
class ReviewRulesBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdministratorAddsAWordsRuleForOneTeam(Browser browser) {
        var team = data.team("Billing");
        var admin = data.agent(Role.ADMIN);
        browser.signIn(admin.email(), admin.password());
        browser.open("/admin/review-rules");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#review-rule-new").click();
        browser.waitUntil(d -> browser.path().equals("/admin/review-rules/new"));
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#review-rule-save").click();
        browser.waitUntil(d -> !browser.findAll("#review-rule-error").isEmpty());
        assertThat(browser.text()).contains("Enter at least one word or phrase.");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#review-rule-words").sendKeys("lawyer\nmoney back");
        browser.find("#review-rule-team option[value='" + team.id() + "']").click();
        browser.find("#review-rule-save").click();
        browser.waitUntil(d -> browser.path().equals("/admin/review-rules"));
        assertThat(browser.find("#admin-message").getText()).contains("created");
        assertThat(browser.text()).contains("lawyer, money back");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("review-rules");
        jdbc.sql("delete from review_rule where team_id = ?").param(team.id()).update();
    }
}
