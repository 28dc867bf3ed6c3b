package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The merge confirmation passes axe-core (its red button had red text on blue), and the old page leads on. */
@BrowserTest
class MergePageBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Customers customers;

    @Test
    void theMergeConfirmationIsReadableAndTheMergedCustomersPageLeadsToTheSurvivor(Browser browser) {
        var team = data.team("merge-page");
        var agent = data.agent(Role.AGENT, team);
        String mark = TestData.unique("merge");
        var survivor = data.serve(team, customers.create(new Customers.NewCustomer("Hugo Bernard " + mark,
                List.of(mark + "@example.test"), "fr", null, null, null)).id());
        var duplicate = data.serve(team, customers.create(new Customers.NewCustomer("hugo bernard " + mark,
                List.of(mark + "@old.example.test"), null, null, null, null)).id());
        browser.signIn(agent.email(), agent.password());

        browser.open("/customers/" + survivor.id() + "/merge?duplicateId=" + duplicate.id());
        browser.screenshot("customer-merge");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#merge-confirm").click();
        browser.waitUntil(d -> browser.findAll("#customer-merged").size() == 1);

        browser.open("/customers/" + duplicate.id());
        assertThat(browser.path()).isEqualTo("/customers/" + survivor.id());
    }
}
