package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Categories;
import org.regard.tickets.Channel;
import org.regard.tickets.ReplyTemplates;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/**
 * An agent follows a three-step procedure on a French customer's ticket: the step's template goes into the reply in
 * French, resolving with a required step open is refused (the gate blocks), and once the steps are done it resolves.
 */
@BrowserTest
class ProcedureChecklistBrowserTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    ReplyTemplates templates;
    @Autowired
    Customers customers;
    @Autowired
    Tickets tickets;

    @Test
    void anAgentFollowsTheProcedureAndCannotResolveBeforeItsRequiredStepsAreDone(Browser browser) {
        TeamView team = data.team("returns");
        var lead = data.agent(Role.LEAD, team);
        var agent = data.named("Camille Laurent", Role.AGENT, "en", team);
        long category = categories.create(TestData.unique("Defective product")).id();
        String templateName = TestData.unique("Replacement sent");
        long template = templates.create(new ReplyTemplates.TemplateChanges(templateName, null, "en",
                Map.of("en", "A replacement is on its way.", "fr", "Un appareil de remplacement est en route.")), data.admin()).id();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("team", team.id());
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("gate", "block");
        body.put("titles", Map.of("en", "Defective product", "fr", "Produit défectueux"));
        body.put("steps", List.of(
                step("Ask for the serial number", true, false, Map.of("fieldType", "text", "fieldLabels", Map.of("en", "Serial number"))),
                step("Send a replacement", true, true, Map.of("template", template)),
                step("Offer a discount code", false, false, Map.of())));
        var published = new ApiClient(port).post("/api/v1/procedures").auth(bearer(data.apiToken(lead))).json(body).send();
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        var customer = customers.create(new Customers.NewCustomer("Mathilde Roux", List.of(TestData.unique("mathilde") + "@example.test"),
                "fr", null, null, null));
        long ticket = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Grille-pain en panne",
                "Mon grille-pain ne chauffe plus après une semaine.", Channel.WEB, team.id(), null, category, null),
                agent.principal()).ticketId();

        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + ticket);
        browser.waitUntil(d -> browser.findAll("#checklist-steps li").size() == 3);
        assertThat(browser.find("#checklist-done-s2").isEnabled()).as("step 2 waits for step 1").isFalse();
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();

        // the step's template goes into the reply in the customer's language
        browser.find("#checklist-template-s2").click();
        browser.waitUntil(d -> browser.find("#composer-body").getDomProperty("value").contains("Un appareil de remplacement est en route."));

        // resolving with required steps open is refused, and says which
        browser.find("#resolve").click();
        browser.waitUntil(d -> browser.text().contains("Send a replacement"));
        assertThat(browser.text()).contains("Ask for the serial number");
        browser.open("/tickets/" + ticket);
        browser.waitUntil(d -> browser.findAll("#checklist-steps li").size() == 3);
        assertThat(browser.find("#ticket-status").getDomProperty("value")).isNotEqualTo("RESOLVED");

        // step 1 with its field, then step 2 (now open), the optional step left alone
        browser.find("#checklist-value-s1").sendKeys("SN-20481-FR");
        browser.find("#checklist-done-s1").click();
        browser.find("#checklist-save-s1").click();
        browser.waitUntil(d -> browser.findAll("#checklist-mark-s1").size() == 1 && browser.find("#checklist-done-s2").isEnabled());
        browser.find("#checklist-done-s2").click();
        browser.find("#checklist-save-s2").click();
        browser.waitUntil(d -> browser.findAll("#checklist-mark-s2").size() == 1);
        assertThat(browser.find("#checklist-mark-s1").getText()).contains("Camille Laurent");
        browser.driver().executeScript("document.getElementById('ticket-checklist').scrollIntoView()");
        browser.screenshot("checklist");

        browser.find("#resolve").click();
        browser.waitUntil(d -> browser.findAll("#ticket-status").size() == 1
                && "RESOLVED".equals(browser.find("#ticket-status").getDomProperty("value")));
    }

    private static Map<String, Object> step(String text, boolean required, boolean afterPrevious, Map<String, Object> more) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("texts", Map.of("en", text));
        step.put("required", required);
        step.put("afterPrevious", afterPrevious);
        step.putAll(more);
        return step;
    }
}
