package org.regard.tickets;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.support.TicketFixtures.aNewTicket;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.bearer;

/** Reply templates: variants per language, the stale flag, rendering in the customer's language, the API. */
@IntegrationTest
class ReplyTemplatesIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    ReplyTemplates templates;
    @Autowired
    Tickets tickets;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;

    @Test
    void aVariantOlderThanTheSourceIsStaleUntilItIsRewritten() {
        var admin = data.agent(Role.ADMIN);
        var t = templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("Thanks"), null, "en",
                variants("en", "Thank you, {{customer.name}}.", "fr", "Merci, {{customer.name}}.")), admin.principal());
        assertThat(t.variants()).extracting(ReplyTemplates.VariantView::stale).containsExactly(false, false);
        // the French text was written a while ago; then the English source changes
        jdbc.sql("update reply_template_variant set updated_at = ? where template_id = ? and language = 'fr'")
                .params(Timestamp.from(Instant.now().minusSeconds(3600)), t.id()).update();

        var changed = templates.putVariant(t.id(), "en", "Thank you very much, {{customer.name}}.", admin.principal());
        assertThat(changed.variant("fr").orElseThrow().stale()).isTrue();
        assertThat(changed.variant("en").orElseThrow().stale()).isFalse();

        var rewritten = templates.putVariant(t.id(), "fr", "Merci beaucoup, {{customer.name}}.", admin.principal());
        assertThat(rewritten.variant("fr").orElseThrow().stale()).isFalse();
    }

    @Test
    void renderingUsesTheCustomersLanguageElseTheSourceMarkedAsFallback() {
        TeamView team = data.team("tpl");
        var agent = data.named("Sam Agent", Role.AGENT, null, team);
        var admin = data.agent(Role.ADMIN);
        var t = templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("Received"), null, "en",
                variants("en", "Hello {{customer.preferredName}}, ticket {{ticket.id}} is with {{agent.name}}.",
                        "fr", "Bonjour {{customer.name}}, le ticket {{ticket.id}} est chez {{agent.name}}.")), admin.principal());
        var french = data.customer("{{agent.name}} Élodie");
        long frTicket = tickets.open(aNewTicket().forCustomer(french.id()).inTeam(team.id()).about("Commande").saying("Bonjour, ma commande n'est pas arrivée.").by(Channel.EMAIL).command(), agent.principal()).ticketId();
        var german = data.customer("Lena");
        long deTicket = tickets.open(aNewTicket().forCustomer(german.id()).inTeam(team.id()).about("Bestellung").saying("Hallo, meine Bestellung ist nicht angekommen.").by(Channel.EMAIL).command(), agent.principal()).ticketId();

        var fr = templates.render(t.id(), frTicket, agent.principal());
        assertThat(fr.language()).isEqualTo("fr");
        assertThat(fr.fallback()).isFalse();
        assertThat(fr.body()).isEqualTo("Bonjour {{agent.name}} Élodie, le ticket " + frTicket + " est chez Sam Agent.");

        var de = templates.render(t.id(), deTicket, agent.principal());
        assertThat(de.language()).isEqualTo("en");
        assertThat(de.fallback()).isTrue();
        assertThat(de.body()).isEqualTo("Hello Lena, ticket " + deTicket + " is with Sam Agent.");
    }

    @Test
    void onlyAdministratorsChangeTemplatesAndBadInputIsNamed() {
        var agent = data.agent(Role.AGENT);
        var admin = data.agent(Role.ADMIN);
        assertThatThrownBy(() -> templates.create(new ReplyTemplates.TemplateChanges("x", null, "en", variants("en", "x")), agent.principal()))
                .isInstanceOf(ReplyTemplates.TemplateForbidden.class);
        assertThatThrownBy(() -> templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("x"), null, "xx", variants()), admin.principal()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("sourceLanguage");
        String name = TestData.unique("Dup");
        templates.create(new ReplyTemplates.TemplateChanges(name, null, "en", variants("en", "x")), admin.principal());
        assertThatThrownBy(() -> templates.create(new ReplyTemplates.TemplateChanges(name, null, "en", variants()), admin.principal()))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("name");
    }

    @Test
    void theApiCreatesReadsRendersAndDeletesTemplates() {
        TeamView team = data.team("tpl-api");
        var admin = data.agent(Role.ADMIN, team);
        var agent = data.agent(Role.AGENT, team);
        ApiClient api = new ApiClient(port);
        String adminToken = data.apiToken(admin);
        String agentToken = data.apiToken(agent);
        Map<String, Object> body = Map.of("name", TestData.unique("Api template"), "sourceLanguage", "en",
                "variants", List.of(Map.of("language", "en", "body", "Hi {{customer.name}}"), Map.of("language", "vi", "body", "Chào {{customer.name}}")));

        assertThat(api.post("/api/v1/templates").auth(bearer(agentToken)).json(body).send().status()).isEqualTo(403);
        var created = api.post("/api/v1/templates").auth(bearer(adminToken)).json(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("variants")).hasSize(2);

        var customer = data.customer("An");
        long ticket = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Máy in").saying("Xin chào, máy in của tôi không hoạt động.").by(Channel.EMAIL).command(), agent.principal()).ticketId();
        JsonNode rendered = api.get("/api/v1/templates/" + id + "/render?ticket=" + ticket).auth(bearer(agentToken)).send().json();
        assertThat(rendered.get("language").asString()).isEqualTo("vi");
        assertThat(rendered.get("body").asString()).isEqualTo("Chào An");
        assertThat(rendered.get("fallback").asBoolean()).isFalse();

        var bad = api.put("/api/v1/templates/" + id + "/variants/xx").auth(bearer(adminToken)).json(Map.of("body", "?")).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(api.delete("/api/v1/templates/" + id).auth(bearer(adminToken)).send().status()).isEqualTo(204);
        assertThat(api.get("/api/v1/templates/" + id).auth(bearer(agentToken)).send().status()).isEqualTo(404);

        JsonNode document = api.get("/v3/api-docs").send().json();
        assertThat(document.get("paths").has("/api/v1/templates/{id}/render")).isTrue();
        assertThat(document.get("components").get("schemas").get("TemplateVariant").get("properties").has("stale")).isTrue();
    }

    @Test
    void aPlaceholderThatDoesNotExistIsRefusedWhenSavedOnThePageAndInTheApi() {
        TeamView team = data.team("tpl-unknown");
        var admin = data.agent(Role.ADMIN, team);
        var session = org.regard.support.WebSession.signedIn(port, admin.email(), admin.password());
        String name = TestData.unique("Unknown");
        String editPath = session.post("/templates", "name", name, "sourceLanguage", "en").redirectPath();
        var version = templates.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().version();

        var refused = session.post(editPath, "name", name, "sourceLanguage", "en", "version", Integer.toString(version),
                "category", "", "variant.en", "Hello {{customer.name}}, you are {{customer.unknown}}.", "variant.de", "Hallo",
                "variant.fr", "", "variant.vi", "");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The English text uses {{customer.unknown}}, which is not a placeholder.")
                .as("the text typed stays in the form").contains("Hello {{customer.name}}, you are {{customer.unknown}}.")
                .contains("aria-invalid=\"true\"");
        assertThat(templates.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().variants())
                .as("nothing saved").isEmpty();
        assertThat(session.post(editPath, "name", name, "sourceLanguage", "en", "version", Integer.toString(version),
                "category", "", "variant.en", "Hello {{ customer.name }}, \\{{not.a.placeholder}} stays.").status())
                .as("known placeholders and escaped braces are accepted").isEqualTo(302);

        ApiClient api = new ApiClient(port);
        String token = data.apiToken(admin);
        var created = api.post("/api/v1/templates").auth(bearer(token)).json(Map.of("name", TestData.unique("Api unknown"),
                "sourceLanguage", "en", "variants", List.of(Map.of("language", "en", "body", "Hi {{customer.nickname}}")))).send();
        assertThat(created.status()).isEqualTo(400);
        assertThat(created.json().get("errors").get(0).get("field").asString()).isEqualTo("variants.en");
        assertThat(created.json().get("errors").get(0).get("message").asString()).contains("{{customer.nickname}}")
                .contains("{{customer.name}}");
        long id = Long.parseLong(editPath.substring(editPath.lastIndexOf('/') + 1));
        var put = api.put("/api/v1/templates/" + id + "/variants/de").auth(bearer(token)).json(Map.of("body", "Hallo {{kunde.name}}")).send();
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.body()).contains("{{kunde.name}}");
    }

    @Test
    void anAdminManagesTemplatesOnThePagesAndAnAgentInsertsOneInTheComposer() {
        TeamView team = data.team("tpl-page");
        var admin = data.agent(Role.ADMIN, team);
        var agent = data.agent(Role.AGENT, "en", team);
        var adminSession = org.regard.support.WebSession.signedIn(port, admin.email(), admin.password());
        String name = TestData.unique("Received");

        var created = adminSession.post("/templates", "name", name, "sourceLanguage", "en");
        assertThat(created.status()).isEqualTo(302);
        String editPath = created.redirectPath();
        var version = templates.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().version();
        var saved = adminSession.post(editPath, "name", name, "sourceLanguage", "en", "version", Integer.toString(version),
                "category", "", "variant.en", "We received your message, {{customer.name}}.",
                "variant.de", "Wir haben Ihre Nachricht erhalten, {{customer.name}}.", "variant.fr", "", "variant.vi", "");
        assertThat(saved.status()).isEqualTo(302);
        assertThat(adminSession.get("/templates").body()).contains(name);
        assertThat(adminSession.get(editPath).body()).contains("Wir haben Ihre Nachricht erhalten");
        assertThat(org.regard.support.WebSession.signedIn(port, agent.email(), agent.password()).get("/templates").status()).isEqualTo(403);

        long templateId = Long.parseLong(editPath.substring(editPath.lastIndexOf('/') + 1));
        var customer = data.customer("Lena <Weber>");
        long ticket = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Bestellung").saying("Hallo, meine Bestellung ist nicht angekommen.").by(Channel.EMAIL).command(), agent.principal()).ticketId();
        var agentSession = org.regard.support.WebSession.signedIn(port, agent.email(), agent.password());
        assertThat(agentSession.get("/tickets/" + ticket).body()).contains("id=\"composer-template\"").contains(name);
        var inserted = agentSession.htmxGet("/tickets/" + ticket + "/template?template=" + templateId + "&body=Hallo");
        assertThat(inserted.status()).isEqualTo(200);
        assertThat(inserted.body()).contains("id=\"composer-body\"")
                .contains("Hallo\n\nWir haben Ihre Nachricht erhalten, Lena &lt;Weber&gt;.")
                .contains("Template inserted in German.");
    }

    @Test
    void theTemplatesOfTheTicketsCategoryComeFirstAndTheFirstIsChosen() {
        TeamView team = data.team("tpl-category");
        var admin = data.agent(Role.ADMIN, team);
        var agent = data.agent(Role.AGENT, "en", team);
        var billing = categories.create(TestData.unique("Billing"));
        var general = templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("A general answer"), null, "en",
                variants("en", "Thank you.")), admin.principal());
        var invoice = templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("Z invoice copy"), billing.id(), "en",
                variants("en", "Here is a copy of your invoice.")), admin.principal());
        var customer = data.customer("Paul Martin");
        long billed = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Invoice").saying("Please send my invoice again.").by(Channel.EMAIL).inCategory(billing.id()).command(), agent.principal()).ticketId();
        long plain = tickets.open(aNewTicket().forCustomer(customer.id()).inTeam(team.id()).about("Hello").saying("Just saying hello.").by(Channel.EMAIL).command(), agent.principal()).ticketId();
        var session = org.regard.support.WebSession.signedIn(port, agent.email(), agent.password());

        String page = session.get("/tickets/" + billed).body();
        String picker = page.substring(page.indexOf("id=\"composer-template\""), page.indexOf("</select>", page.indexOf("id=\"composer-template\"")));
        assertThat(picker).contains("id=\"composer-template-category\"", "label=\"Templates for " + billing.name() + "\"",
                "id=\"composer-template-other\"");
        // the category's template is the first option, so it is the one chosen when the agent opens the picker
        assertThat(picker.indexOf("value=\"" + invoice.id() + "\"")).isPositive()
                .isLessThan(picker.indexOf("value=\"" + general.id() + "\""));
        assertThat(picker.indexOf("<option")).isEqualTo(picker.indexOf("<option value=\"" + invoice.id() + "\""));

        String other = session.get("/tickets/" + plain).body();
        assertThat(other).doesNotContain("id=\"composer-template-category\"").doesNotContain("<optgroup")
                .contains("value=\"" + invoice.id() + "\"", "value=\"" + general.id() + "\"");
    }

    private static Map<String, String> variants(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
