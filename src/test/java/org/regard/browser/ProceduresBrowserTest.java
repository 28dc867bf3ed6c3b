package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Categories;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** A lead writes a procedure in a real browser; the pages are accessible and fit a phone. */
@BrowserTest
class ProceduresBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Categories categories;

    @Test
    void aLeadWritesAProcedureAndAFrenchAgentReadsIt(Browser browser) {
        var team = data.team("Support");
        var lead = data.agent(Role.LEAD, team);
        var category = categories.create(TestData.unique("Remboursements"));
        browser.signIn(lead.email(), lead.password());

        browser.open("/procedures");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#procedure-new").click();
        browser.waitUntil(d -> browser.path().equals("/procedures/new"));
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.find("#procedure-title-en").sendKeys("Refund request");
        browser.find("#procedure-title-fr").sendKeys("Demande de remboursement");
        browser.find("#procedure-when-en").sendKeys("The customer asks for their money back.");
        browser.find("#procedure-categories input[value='" + category.id() + "']").click();
        browser.find("#step0_text_en").sendKeys("Check the order was paid");
        browser.find("#step0_text_fr").sendKeys("Vérifier que la commande a été payée");
        browser.find("#step1_text_en").sendKeys("Refund and tell the customer");
        new Select(browser.find("#step1_fieldType")).selectByValue("number");
        browser.find("#step1_label_en").sendKeys("Amount refunded");
        browser.screenshot("procedure-form");
        browser.find("#procedure-publish").click();
        browser.waitUntil(d -> browser.path().matches("/procedures/\\d+"));
        assertThat(browser.find("#procedure-published").getText()).contains("Version 1");
        assertThat(browser.findAll("#procedure-steps > li")).hasSize(2);
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("procedure-page");
        String path = browser.path();

        var french = data.agent(Role.AGENT, "fr", team);
        browser.driver().manage().deleteAllCookies();
        Browser reader = browser.signIn(french.email(), french.password());
        reader.open(path);
        assertThat(reader.find("#procedure-title").getText()).isEqualTo("Demande de remboursement");
        assertThat(reader.find("#procedure-steps").getText()).contains("Vérifier que la commande a été payée")
                .contains("Refund and tell the customer").contains("Affiché en anglais");
        assertThat(reader.findAll("#procedure-edit")).isEmpty();
        assertThat(reader.seriousAccessibilityProblems()).isEmpty();
        reader.resize(390, 844);
        try {
            reader.open(path);
            assertThat(reader.scrollsSideways()).isFalse();
            reader.screenshot("procedure-page-phone-fr");
        } finally {
            // the browser is shared: the next test expects a desktop window
            reader.resize(1366, 768);
        }
    }
}
