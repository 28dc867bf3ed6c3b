package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.procedures.ProcedureDraft;
import org.regard.procedures.Procedures;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Categories;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead retires a procedure on its page; the retired page and the list with its retired section stay accessible. */
@BrowserTest
class ProcedureRetireBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    Procedures procedures;

    @Test
    void aLeadRetiresAProcedure(Browser browser) {
        var team = data.team("Returns");
        var lead = data.agent(Role.LEAD, team);
        long category = categories.create(TestData.unique("Old returns")).id();
        long id = procedures.create(new ProcedureDraft(team.id(), List.of(category), "en", "warn",
                Map.of("en", "Old returns"), Map.of(), List.of(new ProcedureDraft.StepDraft(null, Map.of("en", "Check the parcel"),
                true, false, null, null, Map.of())), null), lead.principal()).id();
        browser.signIn(lead.email(), lead.password());
        browser.open("/procedures/" + id);
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#procedure-retire").click();
        browser.waitUntil(d -> !browser.findAll("#procedure-retired").isEmpty());
        assertThat(browser.find("#procedure-was-retired").getText()).isEqualTo("The procedure was retired.");
        assertThat(browser.findAll("#procedure-edit")).isEmpty();
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.open("/procedures");
        assertThat(browser.find("#procedures-retired").getText()).contains("Old returns");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
    }
}
