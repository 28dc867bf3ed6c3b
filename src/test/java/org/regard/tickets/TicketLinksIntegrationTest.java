package org.regard.tickets;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Actor;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.search.Search;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.TicketFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.api.ApiClient.bearer;

/** Links, merges and purchase references over real HTTP: who may, what moves, what is recorded, what is refused. */
@IntegrationTest
class TicketLinksIntegrationTest {
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Categories categories;

    record Desk(TeamView team, TestAgent agent, TestAgent lead, long customer) {
    }

    private Desk desk() {
        TeamView team = data.team("links");
        return new Desk(team, data.agent(Role.AGENT, team), data.agent(Role.LEAD, team), data.customer("Linked Customer").id());
    }

    private long open(long team, long customer, String subject) {
        return tickets.open(TicketFixtures.aNewTicket().forCustomer(customer).inTeam(team).about(subject).command(), Actor.SYSTEM)
                .ticketId();
    }

    private ApiClient.Call call(ApiClient.Call c, TestAgent who) {
        return c.auth(bearer(data.apiToken(who)));
    }

    private ApiClient api() {
        return new ApiClient(port);
    }

    private JsonNode ticket(long id, TestAgent who) {
        var r = call(api().get("/api/v1/tickets/" + id), who).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private ApiClient.Reply link(long id, long other, TestAgent who) {
        return call(api().post("/api/v1/tickets/" + id + "/links"), who).json(Map.of("ticket", other)).send();
    }

    private ApiClient.Reply merge(long id, long into, TestAgent who) {
        return call(api().post("/api/v1/tickets/" + id + "/merge"), who).json(Map.of("into", into)).send();
    }

    private List<String> history(long ticket, String field) {
        return jdbc.sql("select coalesce(new_value, old_value) from ticket_change where ticket_id = ? and field = ? order by id")
                .params(ticket, field).query(String.class).list();
    }

    private long links() {
        return jdbc.sql("select count(*) from ticket_link").query(Long.class).single();
    }

    @Test
    void linkedTicketsShowEachOtherAndTheirGroupCountsAllTouches() {
        Desk d = desk();
        long a = open(d.team().id(), d.customer(), "Parcel lost");
        long b = open(d.team().id(), d.customer(), "Parcel lost again");
        long c = open(d.team().id(), d.customer(), "Still no parcel");
        tickets.logContact(a, Channel.PHONE, TouchDirection.OUTBOUND, "Called them back", null, d.agent().principal());
        tickets.customerWrote(c, "Any news?", Channel.WEB, null);

        var first = link(a, b, d.agent());
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("links").get(0).get("id").asLong()).isEqualTo(b);
        assertThat(link(b, a, d.agent()).status()).isEqualTo(200); // the same pair again: nothing new
        assertThat(link(c, b, d.agent()).status()).isEqualTo(200);

        JsonNode ta = ticket(a, d.agent());
        assertThat(ta.get("links")).hasSize(1);
        // a: 1 in + 1 out, b: 1 in, c: 2 in = 5 touches over 3 tickets, though c is linked to a only through b
        assertThat(ta.get("touches").get("total").asInt()).isEqualTo(2);
        assertThat(ta.get("touches").get("group").get("tickets").asInt()).isEqualTo(3);
        assertThat(ta.get("touches").get("group").get("total").asInt()).isEqualTo(5);
        assertThat(ticket(b, d.agent()).get("links")).hasSize(2);
        assertThat(history(a, "link")).containsExactly(Long.toString(b));
        assertThat(history(b, "link")).containsExactlyInAnyOrder(Long.toString(a), Long.toString(c));

        var unlink = call(api().delete("/api/v1/tickets/" + b + "/links/" + c), d.agent()).send();
        assertThat(unlink.status()).isEqualTo(204);
        assertThat(ticket(a, d.agent()).get("touches").get("group").get("tickets").asInt()).isEqualTo(2);
        assertThat(history(c, "unlink")).containsExactly(Long.toString(b));
    }

    private long openIn(Desk d, long category, String subject) {
        return tickets.open(TicketFixtures.aNewTicket().forCustomer(d.customer()).inTeam(d.team().id()).inCategory(category)
                .about(subject).command(), Actor.SYSTEM).ticketId();
    }

    private String flagOf(long ticket) {
        return jdbc.sql("select flag_reason from ticket where id = ?").param(ticket).query(String.class).optional().orElse(null);
    }

    private String state(long ticket, TestAgent who) {
        return ticket(ticket, who).get("touches").get("state").asString();
    }

    @Test
    void linkedTicketsEachBelowTheAlarmButTogetherAtItAreFlaggedAndBothShowTheAlarmUntilUnlinked() {
        Desk d = desk();
        long category = categories.create(TestData.unique("Parcels")).id();
        categories.budget(category, 2, 4);
        long a = openIn(d, category, "Parcel lost");
        long b = openIn(d, category, "Parcel lost, again");
        long alone = openIn(d, category, "Unrelated parcel");
        tickets.logContact(a, Channel.PHONE, TouchDirection.OUTBOUND, "Called them back", null, d.agent().principal());
        tickets.customerWrote(b, "Any news?", Channel.WEB, null);
        tickets.logContact(alone, Channel.PHONE, TouchDirection.OUTBOUND, "Called", null, d.agent().principal());
        // two touches each: within the budget, nobody flagged
        assertThat(state(a, d.agent())).isEqualTo("within");
        assertThat(flagOf(a)).isNull();
        assertThat(flagOf(b)).isNull();

        assertThat(link(a, b, d.agent()).status()).isEqualTo(200);

        // four touches in the group: at the alarm, on both tickets, each flagged once and the flag in its history
        for (long t : List.of(a, b)) {
            JsonNode touches = ticket(t, d.agent()).get("touches");
            assertThat(touches.get("total").asInt()).as("its own touches").isEqualTo(2);
            assertThat(touches.get("group").get("total").asInt()).isEqualTo(4);
            assertThat(touches.get("state").asString()).isEqualTo("alarm");
            assertThat(touches.get("alarm").asInt()).isEqualTo(4);
            assertThat(flagOf(t)).isEqualTo(TouchBudget.ALARM);
            assertThat(history(t, "flag")).containsExactly(TouchBudget.ALARM);
        }
        assertThat(state(alone, d.agent())).as("a ticket alone with as many touches").isEqualTo("within");
        assertThat(flagOf(alone)).isNull();
        // the ticket page and the inbox line say so too
        org.regard.support.WebSession web = org.regard.support.WebSession.signedIn(port, d.agent().email(), d.agent().password());
        assertThat(web.get("/tickets/" + b).body()).contains("data-state=\"ALARM\"");
        assertThat(web.get("/tickets/" + alone).body()).contains("data-state=\"WITHIN\"");
        String inbox = web.get("/inbox?view=TEAMS").body();
        assertThat(inbox).contains("touch-alarm");

        // linking again changes nothing, and flags nobody twice
        assertThat(link(b, a, d.agent()).status()).isEqualTo(200);
        assertThat(history(a, "flag")).hasSize(1);

        // unlinked, each is held against its own budget again; the flags wait for a lead as any flag does
        assertThat(call(api().delete("/api/v1/tickets/" + a + "/links/" + b), d.agent()).send().status()).isEqualTo(204);
        assertThat(state(a, d.agent())).isEqualTo("within");
        assertThat(state(b, d.agent())).isEqualTo("within");
        assertThat(ticket(a, d.agent()).get("touches").get("group").get("tickets").asInt()).isEqualTo(1);
        assertThat(flagOf(a)).isEqualTo(TouchBudget.ALARM);
    }

    @Test
    void aTouchOnALinkedTicketThatBringsTheGroupToTheAlarmFlagsEveryTicketOfTheGroup() throws Exception {
        Desk d = desk();
        long category = categories.create(TestData.unique("Hinges")).id();
        categories.budget(category, 3, 5);
        long a = openIn(d, category, "Hinge squeaks");
        long b = openIn(d, category, "Hinge still squeaks");
        long c = openIn(d, category, "Door hinge");
        tickets.customerWrote(b, "Still squeaking", Channel.WEB, null);
        assertThat(link(a, b, d.agent()).status()).isEqualTo(200);
        assertThat(link(b, c, d.agent()).status()).isEqualTo(200);
        // 1 + 2 + 1 = 4 touches: over the expected 3, below the alarm 5
        assertThat(state(c, d.agent())).isEqualTo("over_expected");
        assertThat(flagOf(a)).isNull();

        tickets.logContact(a, Channel.PHONE, TouchDirection.OUTBOUND, "Called them", null, d.agent().principal());

        // the touch on a brings the group to 5: a is flagged in its write, b and c right after it commits
        assertThat(flagOf(a)).isEqualTo(TouchBudget.ALARM);
        org.regard.support.Eventually.until(() -> TouchBudget.ALARM.equals(flagOf(b)) && TouchBudget.ALARM.equals(flagOf(c)),
                "the group's other tickets flagged");
        assertThat(history(c, "flag")).containsExactly(TouchBudget.ALARM);
        for (long t : List.of(a, b, c)) {
            assertThat(state(t, d.agent())).isEqualTo("alarm");
        }
        // a lead's Flagged view lists them
        var flagged = call(api().get("/api/v1/tickets?view=flagged&limit=200"), d.lead()).send();
        assertThat(flagged.status()).as(flagged.body()).isEqualTo(200);
        assertThat(flagged.body()).contains("\"id\":" + a + ",", "\"id\":" + b + ",", "\"id\":" + c + ",");

        // one more touch past the alarm flags nobody again
        tickets.customerWrote(c, "Hello?", Channel.WEB, null);
        assertThat(history(b, "flag")).hasSize(1);
        assertThat(history(c, "flag")).hasSize(1);
    }

    @Test
    void aGroupOfTicketsInCategoriesWithDifferentBudgetsIsHeldAgainstTheHighestAlarm() {
        Desk d = desk();
        long quick = categories.create(TestData.unique("Quick questions")).id();
        long hard = categories.create(TestData.unique("Hard problems")).id();
        categories.budget(quick, 1, 2);
        categories.budget(hard, 3, 6);
        long a = openIn(d, quick, "Quick one");
        long b = openIn(d, hard, "Hard one");
        tickets.customerWrote(b, "More detail", Channel.WEB, null);
        // 1 + 2 = 3 touches: a alone would be over its expected 1; the group is held against hard's pair, 3 and 6
        assertThat(link(a, b, d.agent()).status()).isEqualTo(200);
        for (long t : List.of(a, b)) {
            JsonNode touches = ticket(t, d.agent()).get("touches");
            assertThat(touches.get("expected").asInt()).isEqualTo(3);
            assertThat(touches.get("alarm").asInt()).isEqualTo(6);
            assertThat(touches.get("state").asString()).isEqualTo("within");
            assertThat(flagOf(t)).isNull();
        }
    }

    @Test
    void onlyAnAgentWhoMayWorkOnBothTicketsLinksOrMergesThem() {
        Desk d = desk();
        Desk other = desk();
        long mine = open(d.team().id(), d.customer(), "Mine");
        long theirs = open(other.team().id(), d.customer(), "Theirs");
        long before = links();

        assertThat(link(mine, theirs, d.agent()).status()).isEqualTo(403);
        assertThat(link(theirs, mine, d.agent()).status()).isEqualTo(403);
        assertThat(link(mine, Long.MAX_VALUE, d.agent()).status()).isEqualTo(404);
        assertThat(link(mine, mine, d.agent()).status()).isIn(400, 422);
        assertThat(merge(mine, theirs, d.agent()).status()).isEqualTo(403);
        assertThat(merge(mine, Long.MAX_VALUE, d.agent()).status()).isEqualTo(404);
        assertThat(call(api().delete("/api/v1/tickets/" + theirs + "/links/" + mine), d.agent()).send().status()).isEqualTo(403);
        assertThat(links()).isEqualTo(before);
        assertThat(history(mine, "link")).isEmpty();
        assertThat(ticket(theirs, other.agent()).get("mergedInto").isNull()).isTrue();
    }

    @Test
    void aMergedDuplicateGivesItsMessagesFilesTouchesAndHistoryToTheSurvivorOnce() {
        Desk d = desk();
        long survivor = open(d.team().id(), d.customer(), "Broken hinge");
        long duplicate = open(d.team().id(), d.customer(), "Hinge broken (sent twice)");
        long third = open(d.team().id(), d.customer(), "Related: the door");
        tickets.customerWrote(new TicketCommands.CustomerMessage(duplicate, "Here is a photo", Channel.WEB, null,
                List.of(new NewAttachment("photo.txt", "text/plain", null, false, "hinge".getBytes())), false, true));
        tickets.logContact(duplicate, Channel.PHONE, TouchDirection.OUTBOUND, "Called about the hinge", null, d.agent().principal());
        tickets.update(duplicate, new TicketCommands.UpdateTicket(null, Priority.HIGH, null, null, null, null, null), d.agent().principal());
        assertThat(link(duplicate, third, d.agent()).status()).isEqualTo(200);
        List<Long> duplicateMessages = jdbc.sql("select id from message where ticket_id = ?").param(duplicate).query(Long.class).list();
        java.sql.Timestamp prioritized = jdbc.sql("select changed_at from ticket_change where ticket_id = ? and field = 'priority'")
                .param(duplicate).query(java.sql.Timestamp.class).single();
        long allMessages = jdbc.sql("select count(*) from message where ticket_id in (?, ?)").params(survivor, duplicate).query(Long.class).single();

        var merged = merge(duplicate, survivor, d.agent());
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().get("merged").asBoolean()).isTrue();
        var again = merge(duplicate, survivor, d.agent());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("merged").asBoolean()).isFalse();

        JsonNode s = ticket(survivor, d.agent());
        JsonNode dup = ticket(duplicate, d.agent());
        assertThat(dup.get("mergedInto").asLong()).isEqualTo(survivor);
        assertThat(dup.get("status").asString()).isEqualTo("closed");
        assertThat(dup.get("messages")).isEmpty();
        assertThat(dup.get("touches").get("total").asInt()).isZero();
        List<Long> survivorMessages = new ArrayList<>();
        s.get("messages").forEach(m -> survivorMessages.add(m.get("id").asLong()));
        assertThat(survivorMessages).containsAll(duplicateMessages).hasSize((int) allMessages);
        assertThat(s.get("touches").get("in").asInt()).isEqualTo(3);
        assertThat(s.get("touches").get("out").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from message_attachment a join message m on m.id = a.message_id where m.ticket_id = ?")
                .param(survivor).query(Long.class).single()).isEqualTo(1);
        // the duplicate's history moved with its times; each ticket records the merge
        assertThat(jdbc.sql("select changed_at from ticket_change where ticket_id = ? and field = 'priority'")
                .param(survivor).query(java.sql.Timestamp.class).list()).containsExactly(prioritized);
        assertThat(jdbc.sql("select count(*) from ticket_change where ticket_id = ? and field = 'priority'")
                .param(duplicate).query(Long.class).single()).isZero();
        assertThat(history(survivor, "merged_from")).containsExactly(Long.toString(duplicate));
        assertThat(history(duplicate, "merged_into")).containsExactly(Long.toString(survivor));
        // its link is now the survivor's
        assertThat(s.get("links")).singleElement().satisfies(l -> assertThat(l.get("id").asLong()).isEqualTo(third));

        // a merged ticket changes no more, and nothing merges into it
        var change = call(api().patch("/api/v1/tickets/" + duplicate), d.agent()).json(Map.of("status", "open")).send();
        assertThat(change.status()).isEqualTo(409);
        assertThat(merge(third, duplicate, d.agent()).status()).isEqualTo(409);
        assertThat(merge(survivor, survivor, d.agent()).status()).isIn(400, 422);
    }

    @Test
    void acrossCustomersOnlyATeamLeadMerges() {
        Desk d = desk();
        long otherCustomer = data.customer("Someone Else").id();
        long a = open(d.team().id(), d.customer(), "Same problem");
        long b = open(d.team().id(), otherCustomer, "Same problem, other customer");
        var refused = merge(b, a, d.agent());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("different customers");
        assertThat(ticket(b, d.agent()).get("mergedInto").isNull()).isTrue();
        assertThat(merge(b, a, d.lead()).status()).isEqualTo(200);
        assertThat(ticket(b, d.lead()).get("mergedInto").asLong()).isEqualTo(a);
    }

    @Test
    void aPurchaseReferenceIsWrittenThroughTheApiValidatedRecordedAndFoundBySearch() {
        Desk d = desk();
        long t = open(d.team().id(), d.customer(), "Wrong size delivered");
        String ref = "PO-" + TestData.unique("x").replaceAll("[^A-Za-z0-9]", "");

        var set = call(api().patch("/api/v1/tickets/" + t), d.agent()).json(Map.of("purchaseRef", "  " + ref + "  ")).send();
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("purchaseRef").asString()).isEqualTo(ref);
        assertThat(history(t, "purchaseRef")).containsExactly(ref);

        for (String bad : List.of("   ", "x".repeat(101), "bad\u0007ref")) {
            var refused = call(api().patch("/api/v1/tickets/" + t), d.agent()).json(Map.of("purchaseRef", bad, "priority", "high")).send();
            assertThat(refused.status()).as(bad).isIn(400, 422);
            assertThat(refused.body()).contains("purchaseRef");
        }
        JsonNode now = ticket(t, d.agent());
        assertThat(now.get("purchaseRef").asString()).isEqualTo(ref);
        assertThat(now.get("priority").asString()).isEqualTo("normal");

        var found = call(api().get("/api/v1/search?q=" + ref), d.agent()).send();
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains("\"ticketId\":" + t);

        Map<String, Object> clear = new HashMap<>();
        clear.put("purchaseRef", null);
        var cleared = call(api().patch("/api/v1/tickets/" + t), d.agent()).json(clear).send();
        assertThat(cleared.json().get("purchaseRef").isNull()).isTrue();
    }

    @Test
    void aProcedureStepMarkedAsThePurchaseReferenceFillsItWhenTicked() {
        Desk d = desk();
        long category = categories.create(TestData.unique("Orders")).id();
        Map<String, Object> plain = new java.util.LinkedHashMap<>(Map.of("texts", Map.of("en", "Greet"), "required", false));
        Map<String, Object> order = new java.util.LinkedHashMap<>();
        order.put("texts", Map.of("en", "Note the order number"));
        order.put("fieldType", "text");
        order.put("fieldLabels", Map.of("en", "Order number"));
        order.put("purchaseRef", true);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("team", d.team().id());
        body.put("categories", List.of(category));
        body.put("sourceLanguage", "en");
        body.put("gate", "warn");
        body.put("titles", Map.of("en", TestData.unique("Order procedure")));
        body.put("steps", List.of(plain, order));

        // a number field cannot give the purchase reference: refused with the step's field named
        Map<String, Object> wrong = new java.util.LinkedHashMap<>(order);
        wrong.put("fieldType", "number");
        Map<String, Object> refusedBody = new java.util.LinkedHashMap<>(body);
        refusedBody.put("steps", List.of(plain, wrong));
        var refused = call(api().post("/api/v1/procedures"), d.lead()).json(refusedBody).send();
        assertThat(refused.status()).isIn(400, 422);
        assertThat(refused.body()).contains("steps[1].purchaseRef");

        var created = call(api().post("/api/v1/procedures"), d.lead()).json(body).send();
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).contains("\"purchaseRef\":true");
        long t = tickets.open(TicketFixtures.aNewTicket().forCustomer(d.customer()).inTeam(d.team().id()).inCategory(category)
                .command(), Actor.SYSTEM).ticketId();
        String path = "/api/v1/tickets/" + t + "/checklist/steps/";
        assertThat(call(api().get("/api/v1/tickets/" + t + "/checklist"), d.agent()).send().status()).isEqualTo(200);

        var tooLong = call(api().post(path + "s2"), d.agent()).json(Map.of("done", true, "value", "x".repeat(101))).send();
        assertThat(tooLong.status()).isIn(400, 422);
        assertThat(ticket(t, d.agent()).get("purchaseRef").isNull()).isTrue();

        var ticked = call(api().post(path + "s2"), d.agent()).json(Map.of("done", true, "value", " ORD-7781 ")).send();
        assertThat(ticked.status()).as(ticked.body()).isEqualTo(200);
        assertThat(ticket(t, d.agent()).get("purchaseRef").asString()).isEqualTo("ORD-7781");
        assertThat(history(t, "purchaseRef")).containsExactly("ORD-7781");
        // the other step gives nothing
        assertThat(call(api().post(path + "s1"), d.agent()).json(Map.of("done", true)).send().status()).isEqualTo(200);
        assertThat(history(t, "purchaseRef")).hasSize(1);
    }

    @Test
    void theTicketPageLinksMergesAndKeepsThePurchaseReferenceAndSaysWhereAMergedTicketWent() {
        Desk d = desk();
        long a = open(d.team().id(), d.customer(), "Card one");
        long b = open(d.team().id(), d.customer(), "Card two");
        org.regard.support.WebSession web = org.regard.support.WebSession.signedIn(port, d.agent().email(), d.agent().password());
        var page = web.get("/tickets/" + a);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"ticket-links\"", "Linked tickets", "id=\"link-other\"");

        assertThat(web.post("/tickets/" + a + "/links", "other", "#" + b).status()).isEqualTo(302);
        assertThat(web.get("/tickets/" + a).body()).contains("/tickets/" + b + "\"", "Card two");
        assertThat(web.post("/tickets/" + a + "/links", "other", "not a number").status()).isEqualTo(302);
        assertThat(web.get("/tickets/" + a).body()).contains("Give the number of another ticket.");

        assertThat(web.post("/tickets/" + a + "/purchase-ref", "purchaseRef", "INV-991").status()).isEqualTo(302);
        assertThat(ticket(a, d.agent()).get("purchaseRef").asString()).isEqualTo("INV-991");

        assertThat(web.post("/tickets/" + a + "/merge", "into", String.valueOf(b)).status()).isEqualTo(302);
        var merged = web.get("/tickets/" + a);
        assertThat(merged.body()).contains("id=\"merged-into\"", "This ticket was merged into ticket #" + b)
                .doesNotContain("id=\"merge-form\"");
        assertThat(web.get("/tickets/" + b).body()).contains("Merged in from ticket");

        // another team's agent is refused and nothing is linked
        org.regard.support.WebSession stranger = org.regard.support.WebSession.signedIn(port, desk().agent().email(), TestData.PASSWORD);
        long c = open(d.team().id(), d.customer(), "Card three");
        stranger.get("/inbox");
        assertThat(stranger.post("/tickets/" + c + "/links", "other", String.valueOf(b)).status()).isEqualTo(403);
        assertThat(history(c, "link")).isEmpty();
    }
}
