package org.regard.procedures;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.support.Eventually;
import org.regard.support.IntegrationTest;
import org.regard.support.StatementLedger;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TicketFixtures;
import org.regard.support.WebSession;
import org.regard.tickets.Categories;
import org.regard.tickets.ReplyTemplates;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** The checklist on a ticket over real HTTP: the fragment, ticks and their history, field types, order, access. */
@IntegrationTest
class ChecklistIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Categories categories;
    @Autowired
    ReplyTemplates templates;
    @Autowired
    Tickets tickets;
    @Autowired
    JdbcClient jdbc;

    /** A team, its lead and agent, a category with a procedure: check (s1), amount (s2, number, after s1), date (s3, optional). */
    record Desk(TeamView team, TestAgent lead, TestAgent agent, long category, long procedure, long template) {
    }

    private Desk desk(String gate) {
        TeamView team = data.team("check");
        TestAgent lead = data.agent(Role.LEAD, team);
        TestAgent agent = data.agent(Role.AGENT, team);
        long category = categories.create(TestData.unique("Refunds")).id();
        long template = templates.create(new ReplyTemplates.TemplateChanges(TestData.unique("Refund done"), null, "en",
                Map.of("en", "Your refund is on its way.", "fr", "Votre remboursement est en route.")), data.admin()).id();
        Map<String, Object> check = step(null, "Check the order", true, false);
        check.put("texts", Map.of("en", "Check the order", "fr", "Vérifier la commande"));
        Map<String, Object> amount = step(null, "Refund the amount", true, true);
        amount.put("fieldType", "number");
        amount.put("fieldLabels", Map.of("en", "Amount refunded"));
        amount.put("template", template);
        Map<String, Object> when = step(null, "Note when the parcel came back", false, false);
        when.put("fieldType", "date");
        when.put("fieldLabels", Map.of("en", "Returned on"));
        Map<String, Object> body = body(team.id(), category, gate, check, amount, when);
        var created = new ApiClient(port).post("/api/v1/procedures").auth(bearer(data.apiToken(lead))).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Desk(team, lead, agent, category, created.json().get("id").asLong(), template);
    }

    private long ticket(Desk desk, Long category) {
        long customer = data.customer("Checked Customer").id();
        TicketFixtures fixture = TicketFixtures.aNewTicket().forCustomer(customer).inTeam(desk.team().id());
        if (category != null) {
            fixture = fixture.inCategory(category);
        }
        return tickets.open(fixture.command(), Actor.SYSTEM).ticketId();
    }

    @Test
    void theTicketPageLoadsTheChecklistInTheAgentsLanguageWithTheStepsInOrder() {
        Desk desk = desk("warn");
        long ticket = ticket(desk, desk.category());
        TestAgent french = data.agent(Role.AGENT, "fr", desk.team());
        WebSession session = WebSession.signedIn(port, french.email(), french.password(), "fr");

        var page = session.get("/tickets/" + ticket);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ticket-checklist\"", "hx-get=\"/tickets/" + ticket + "/checklist\"");

        var fragment = session.htmxGet("/tickets/" + ticket + "/checklist");
        assertThat(fragment.status()).isEqualTo(200);
        String html = fragment.body();
        assertThat(html).contains("id=\"ticket-checklist\"", "Liste de contrôle", "Vérifier la commande")
                // the amount step has no French text: shown in English, marked
                .contains("Refund the amount").contains("pas encore")
                .contains("hx-post=\"/tickets/" + ticket + "/checklist/steps/s2\"")
                .contains("name=\"_csrf\"");
        assertThat(html).contains(templates.template(desk.template()).orElseThrow().name())
                .contains("/tickets/" + ticket + "/template?template=" + desk.template());
        // s2 waits for s1: its checkbox and button are disabled; s1's and s3's are not
        assertThat(tag(html, "checklist-done-s2")).contains("disabled");
        assertThat(tag(html, "checklist-done-s1")).doesNotContain("disabled");
        assertThat(tag(html, "checklist-done-s3")).doesNotContain("disabled");
        assertThat(tag(html, "checklist-value-s3")).contains("type=\"date\"");

        // the page of its own without htmx
        var alone = session.get("/tickets/" + ticket + "/checklist");
        assertThat(alone.status()).isEqualTo(200);
        assertThat(alone.body()).contains("checklist-back", "Vérifier la commande");
    }

    @Test
    void nothingIsShownWithoutCategoryOrWithoutAProcedureForTheTicketsTeam() {
        Desk desk = desk("warn");
        long noCategory = ticket(desk, null);
        long otherCategory = ticket(desk, categories.create(TestData.unique("Other")).id());
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());

        for (long ticket : List.of(noCategory, otherCategory)) {
            var fragment = session.htmxGet("/tickets/" + ticket + "/checklist");
            assertThat(fragment.status()).isEqualTo(200);
            assertThat(fragment.body()).doesNotContain("ticket-checklist").doesNotContain("<li");
            assertThat(new ApiClient(port).get("/api/v1/tickets/" + ticket + "/checklist")
                    .auth(bearer(data.apiToken(desk.agent()))).send().status()).isEqualTo(404);
        }
        assertThat(jdbc.sql("select count(*) from ticket_procedure where ticket_id in (?, ?)").params(noCategory, otherCategory)
                .query(Long.class).single()).isZero();
    }

    @Test
    void tickingAndUntickingKeepsAHistoryAndTheFormsWorkWithAndWithoutHtmx() {
        Desk desk = desk("warn");
        long ticket = ticket(desk, desk.category());
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        String s1 = "/tickets/" + ticket + "/checklist/steps/s1";

        session.get("/tickets/" + ticket);
        var ticked = session.post(s1, "done", "true");
        assertThat(ticked.status()).isEqualTo(302);
        assertThat(ticked.redirectPath()).isEqualTo("/tickets/" + ticket);

        var unticked = session.htmxPost(s1);
        assertThat(unticked.status()).isEqualTo(200);
        assertThat(tag(unticked.body(), "checklist-done-s1")).doesNotContain("checked");
        assertThat(unticked.body()).contains("Unticked by");

        var again = session.htmxPost(s1, "done", "true");
        assertThat(tag(again.body(), "checklist-done-s1")).contains("checked");
        assertThat(again.body()).contains("Done by");
        // s2 may be ticked now
        assertThat(tag(again.body(), "checklist-done-s2")).doesNotContain("disabled");

        List<Boolean> history = jdbc.sql("select done from ticket_step_mark where ticket_id = ? and step_key = 's1' order by id")
                .param(ticket).query(Boolean.class).list();
        assertThat(history).containsExactly(true, false, true);
        assertThat(jdbc.sql("select distinct marked_by from ticket_step_mark where ticket_id = ?").param(ticket)
                .query(Long.class).list()).containsExactly(desk.agent().id());

        var api = new ApiClient(port).get("/api/v1/tickets/" + ticket + "/checklist").auth(bearer(data.apiToken(desk.lead()))).send();
        JsonNode first = api.json().get("steps").get(0);
        assertThat(first.get("done").asBoolean()).isTrue();
        assertThat(first.get("doneBy").asLong()).isEqualTo(desk.agent().id());
        assertThat(first.get("doneAt").isNull()).isFalse();
    }

    @Test
    void aWrongValueComesBackWithAFieldErrorAndNothingIsSaved() {
        Desk desk = desk("warn");
        long ticket = ticket(desk, desk.category());
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        session.post("/tickets/" + ticket + "/checklist/steps/s1", "done", "true");
        String s2 = "/tickets/" + ticket + "/checklist/steps/s2";

        var htmx = session.htmxPost(s2, "done", "true", "value", "twelve");
        assertThat(htmx.status()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"checklist-error-s2\"", "Enter a number");
        assertThat(tag(htmx.body(), "checklist-value-s2")).contains("value=\"twelve\"");

        var plain = session.post(s2, "done", "true", "value", "12.5.1");
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).contains("Enter a number").contains("value=\"12.5.1\"");
        var missing = session.post(s2, "done", "true", "value", " ");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("Fill this in");
        var badDate = session.post("/tickets/" + ticket + "/checklist/steps/s3", "done", "true", "value", "03/12/2026");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("yyyy-mm-dd");
        assertThat(marks(ticket, "s2") + marks(ticket, "s3")).isZero();

        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.agent()));
        String path = "/api/v1/tickets/" + ticket + "/checklist/steps/";
        var wrong = api.post(path + "s2").auth(token).json(Map.of("done", true, "value", "lots")).send();
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("value");
        assertThat(api.post(path + "s3").auth(token).json(Map.of("done", true, "value", "2026-02-30")).send().status()).isEqualTo(400);
        assertThat(marks(ticket, "s2") + marks(ticket, "s3")).isZero();

        // right values, stored in one form per type: "12,50" is 12.5
        var amount = api.post(path + "s2").auth(token).json(Map.of("done", true, "value", "12,50")).send();
        assertThat(amount.status()).as(amount.body()).isEqualTo(200);
        assertThat(amount.json().get("steps").get(1).get("value").asString()).isEqualTo("12.5");
        var number = api.post(path + "s2").auth(token).json(Map.of("done", true, "value", 40)).send();
        assertThat(number.json().get("steps").get(1).get("value").asString()).isEqualTo("40");
        var date = api.post(path + "s3").auth(token).json(Map.of("done", true, "value", "2026-12-03")).send();
        assertThat(date.json().get("steps").get(2).get("value").asString()).isEqualTo("2026-12-03");
        assertThat(session.htmxGet("/tickets/" + ticket + "/checklist").body()).contains("value=\"2026-12-03\"");
    }

    @Test
    void theApiGivesTheVersionTheTicketFollowsAndRefusesAStepBeforeItsPrevious() {
        Desk desk = desk("block");
        long ticket = ticket(desk, desk.category());
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.agent()));

        var got = api.get("/api/v1/tickets/" + ticket + "/checklist").auth(token).send();
        assertThat(got.status()).as(got.body()).isEqualTo(200);
        JsonNode list = got.json();
        assertThat(list.get("ticket").asLong()).isEqualTo(ticket);
        assertThat(list.get("procedure").asLong()).isEqualTo(desk.procedure());
        assertThat(list.get("version").asInt()).isEqualTo(1);
        assertThat(list.get("gate").asString()).isEqualTo("block");
        assertThat(list.get("steps")).extracting(s -> s.get("key").asString()).containsExactly("s1", "s2", "s3");
        JsonNode s2 = list.get("steps").get(1);
        assertThat(s2.get("text").asString()).isEqualTo("Refund the amount");
        assertThat(s2.get("required").asBoolean()).isTrue();
        assertThat(s2.get("afterPrevious").asBoolean()).isTrue();
        assertThat(s2.get("fieldType").asString()).isEqualTo("number");
        assertThat(s2.get("done").asBoolean()).isFalse();
        assertThat(s2.get("doneBy").isNull()).isTrue();
        assertThat(s2.get("value").isNull()).isTrue();

        String path = "/api/v1/tickets/" + ticket + "/checklist/steps/";
        var early = api.post(path + "s2").auth(token).json(Map.of("done", true, "value", 5)).send();
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.contentType()).startsWith("application/problem+json");
        assertThat(api.post(path + "s9").auth(token).json(Map.of("done", true)).send().status()).isEqualTo(404);
        assertThat(marks(ticket, "s2")).isZero();
        // the page says the same: the form comes back with the reason
        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        var page = session.post("/tickets/" + ticket + "/checklist/steps/s2", "done", "true", "value", "5");
        assertThat(page.status()).isEqualTo(409);
        assertThat(page.body()).contains("comes only after the previous one");

        // a new version: this ticket keeps version 1, a ticket that shows the procedure only now follows version 2
        Map<String, Object> next = body(null, desk.category(), "block", step("s1", "Check the order again", true, false),
                step("s2", "Refund the amount", true, false));
        next.put("basedOn", 1);
        assertThat(api.post("/api/v1/procedures/" + desk.procedure() + "/versions").auth(bearer(data.apiToken(desk.lead())))
                .json(next).send().status()).isEqualTo(201);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/checklist").auth(token).send().json().get("version").asInt()).isEqualTo(1);
        long later = ticket(desk, desk.category());
        JsonNode second = api.get("/api/v1/tickets/" + later + "/checklist").auth(token).send().json();
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.get("steps").get(0).get("text").asString()).isEqualTo("Check the order again");
        assertThat(jdbc.sql("select version_no from ticket_procedure where ticket_id = ?").param(ticket).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void agentsOfAnotherTeamNeitherSeeNorTickTheChecklist() {
        Desk desk = desk("warn");
        long ticket = ticket(desk, desk.category());
        TestAgent stranger = data.agent(Role.AGENT, data.team("check"));
        WebSession session = WebSession.signedIn(port, stranger.email(), stranger.password());

        assertThat(session.htmxGet("/tickets/" + ticket + "/checklist").status()).isEqualTo(403);
        assertThat(session.post("/tickets/" + ticket + "/checklist/steps/s1", "done", "true").status()).isEqualTo(403);
        assertThat(session.htmxGet("/tickets/" + Long.MAX_VALUE + "/checklist").status()).isEqualTo(404);
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(stranger));
        var get = api.get("/api/v1/tickets/" + ticket + "/checklist").auth(token).send();
        assertThat(get.status()).isEqualTo(403);
        assertThat(get.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/tickets/" + ticket + "/checklist/steps/s1").auth(token).json(Map.of("done", true))
                .send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tickets/" + ticket + "/checklist").send().status()).isEqualTo(401);
        assertThat(marks(ticket, "s1")).isZero();
        // nor did looking pin a version
        assertThat(jdbc.sql("select count(*) from ticket_procedure where ticket_id = ?").param(ticket).query(Long.class).single()).isZero();
    }

    @Test
    void aBlockingProcedureRefusesResolvingWhileRequiredStepsAreOpenOnEveryPath() {
        Desk desk = desk("block");
        long ticket = ticket(desk, desk.category());
        long other = ticket(desk, desk.category());
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.lead()));

        var patched = api.patch("/api/v1/tickets/" + ticket).auth(token).json(Map.of("status", "resolved")).send();
        assertThat(patched.status()).as(patched.body()).isEqualTo(409);
        assertThat(patched.contentType()).startsWith("application/problem+json");
        assertThat(patched.json().get("detail").asString()).contains("Check the order", "Refund the amount")
                .doesNotContain("Note when the parcel came back");
        assertThat(status(ticket)).isNotEqualTo("RESOLVED");

        WebSession session = WebSession.signedIn(port, desk.agent().email(), desk.agent().password());
        String version = session.get("/tickets/" + ticket).valueOf("ticket-version");
        var form = session.post("/tickets/" + ticket, "version", version, "status", "RESOLVED", "priority", "NORMAL",
                "team", String.valueOf(desk.team().id()), "assignee", "", "category", String.valueOf(desk.category()));
        assertThat(form.status()).isEqualTo(409);
        assertThat(form.body()).contains("id=\"properties-error\"", "cannot be resolved yet", "Check the order, Refund the amount");
        assertThat(status(ticket)).isNotEqualTo("RESOLVED");

        var bulk = api.post("/api/v1/tickets/bulk").auth(token)
                .json(Map.of("tickets", List.of(ticket, other), "changes", Map.of("status", "resolved"))).send();
        assertThat(bulk.status()).as(bulk.body()).isEqualTo(200);
        assertThat(bulk.json().get("refused").asLong()).isEqualTo(2);
        assertThat(bulk.json().get("results").get(0).get("reason").asString()).isEqualTo("gated");
        assertThat(bulk.json().get("results").get(0).get("detail").asString()).contains("Check the order");

        // a reply sent with "then resolved" is refused too, and not saved
        var reply = api.post("/api/v1/tickets/" + ticket + "/messages").auth(token)
                .json(Map.of("kind", "reply", "body", "All done.", "status", "resolved")).send();
        assertThat(reply.status()).as(reply.body()).isEqualTo(409);
        assertThat(reply.json().get("detail").asString()).contains("Check the order");
        assertThat(jdbc.sql("select count(*) from message where ticket_id = ? and body = 'All done.'").param(ticket)
                .query(Long.class).single()).isZero();
        var composed = session.post("/tickets/" + ticket + "/replies", "body", "All done by the form.", "nextStatus", "RESOLVED",
                "submissionKey", TestData.unique("k"));
        assertThat(composed.status()).isEqualTo(409);
        assertThat(composed.body()).contains("cannot be resolved yet", "All done by the form.");
        assertThat(status(ticket)).isNotEqualTo("RESOLVED");

        // the required steps done (the optional one left open), it may be resolved
        String path = "/api/v1/tickets/" + ticket + "/checklist/steps/";
        assertThat(api.post(path + "s1").auth(token).json(Map.of("done", true)).send().status()).isEqualTo(200);
        assertThat(api.post(path + "s2").auth(token).json(Map.of("done", true, "value", 10)).send().status()).isEqualTo(200);
        var resolved = api.patch("/api/v1/tickets/" + ticket).auth(token).json(Map.of("status", "resolved")).send();
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(status(ticket)).isEqualTo("RESOLVED");
    }

    @Test
    void aWarningProcedureResolvesWithoutReasonWhenItsRequiredStepsAreDoneAndATicketWithoutCategoryAsBefore() {
        Desk desk = desk("warn");
        long warned = ticket(desk, desk.category());
        long plain = ticket(desk, null);
        ApiClient api = new ApiClient(port);
        String token = bearer(data.apiToken(desk.agent()));
        String path = "/api/v1/tickets/" + warned + "/checklist/steps/";
        assertThat(api.post(path + "s1").auth(token).json(Map.of("done", true)).send().status()).isEqualTo(200);
        assertThat(api.post(path + "s2").auth(token).json(Map.of("done", true, "value", 10)).send().status()).isEqualTo(200);
        for (long ticket : List.of(warned, plain)) {
            var resolved = api.patch("/api/v1/tickets/" + ticket).auth(token).json(Map.of("status", "resolved")).send();
            assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
            assertThat(status(ticket)).isEqualTo("RESOLVED");
        }
    }

    @Test
    void resolvingCostsNoStatementWithoutCategoryAndAFewWithAProcedure() throws Exception {
        Desk desk = desk("warn");
        String token = bearer(data.apiToken(desk.agent()));
        ApiClient api = new ApiClient(port);
        long plain = ticket(desk, null);
        long warned = ticket(desk, desk.category());
        long elsewhere = ticket(desk, categories.create(TestData.unique("Unruled")).id());
        int[] counts = new int[3];
        long[] tickets = {plain, warned, elsewhere};
        for (int i = 0; i < 3; i++) {
            long id = tickets[i];
            api.patch("/api/v1/tickets/" + id).auth(token).json(Map.of("status", "open")).send();
            StatementLedger.Tally tally = new StatementLedger.Tally();
            String key = StatementLedger.open(tally);
            try {
                var answer = api.patch("/api/v1/tickets/" + id).auth(token).header(StatementLedger.HEADER, key)
                        .json(Map.of("status", "resolved", "resolutionReason", "Checked by phone")).send();
                assertThat(answer.status()).as(answer.body()).isEqualTo(200);
                Eventually.until(() -> !tally.busy(), "the listeners");
            } finally {
                StatementLedger.close(key);
            }
            counts[i] = tally.statements();
        }
        System.out.println("RESOLVE statements: no category " + counts[0] + ", warn procedure with steps open " + counts[1]
                + ", category without procedure " + counts[2]);
        // nothing without category; with one, the category's resolution review setting, then the gate's reads: the
        // procedure, the pin, the version and the marks for warn (as for block), nothing more without a procedure
        assertThat(counts[1] - counts[0]).isLessThanOrEqualTo(WARN_COST);
        assertThat(counts[2] - counts[0]).isLessThanOrEqualTo(2);
    }

    /** What resolving over a warn gate with steps open costs more than without category (measured: see the docs). */
    private static final int WARN_COST = 8;

    private String status(long ticket) {
        return jdbc.sql("select status from ticket where id = ?").param(ticket).query(String.class).single();
    }

    private long marks(long ticket, String key) {
        return jdbc.sql("select count(*) from ticket_step_mark where ticket_id = ? and step_key = ?").params(ticket, key)
                .query(Long.class).single();
    }

    /** The opening tag of the element of this id. */
    private static String tag(String html, String id) {
        int at = html.indexOf("id=\"" + id + "\"");
        assertThat(at).as("element " + id).isNotNegative();
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }

    private static Map<String, Object> body(Long team, long category, String gate, Map<String, Object>... steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (team != null) {
            body.put("team", team);
        }
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("gate", gate);
        body.put("titles", Map.of("en", TestData.unique("Refund procedure")));
        body.put("steps", List.of(steps));
        return body;
    }

    private static Map<String, Object> step(String key, String text, boolean required, boolean afterPrevious) {
        Map<String, Object> step = new LinkedHashMap<>();
        if (key != null) {
            step.put("key", key);
        }
        step.put("texts", Map.of("en", text));
        step.put("required", required);
        step.put("afterPrevious", afterPrevious);
        return step;
    }
}
