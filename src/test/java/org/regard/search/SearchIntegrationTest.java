package org.regard.search;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.api.ApiClient;
import org.regard.customers.Customers;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.support.TestData.TestAgent;
import org.regard.support.WebSession;
import org.regard.tickets.Channel;
import org.regard.tickets.InvalidInput;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands.OpenTicket;
import org.regard.tickets.TicketCommands.UpdateTicket;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.regard.api.ApiClient.bearer;

@IntegrationTest
class SearchIntegrationTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.regard.customers.CustomerNotes notes;
    @LocalServerPort
    int port;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Customers customers;
    @Autowired
    Search search;
    @Autowired
    SearchBackfill backfill;
    @Autowired
    SearchStore store;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    TeamView team;
    TeamView otherTeam;
    TestAgent agent;
    TestAgent admin;

    @BeforeEach
    void setUp() {
        team = data.team("search");
        otherTeam = data.team("search-other");
        agent = data.agent(Role.AGENT, team);
        admin = data.agent(Role.ADMIN);
    }

    /** A word no other test writes: letters and digits only, so it stays one word. */
    private static String word() {
        return "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private long open(TeamView in, String subject, String body) {
        long customerId = data.customer("Customer " + word()).id();
        return open(in, customerId, subject, body);
    }

    private long open(TeamView in, long customerId, String subject, String body) {
        return open(agent, in, customerId, subject, body);
    }

    private long open(TestAgent by, TeamView in, long customerId, String subject, String body) {
        return tickets.open(new OpenTicket(customerId, subject, body, Channel.PHONE, in.id(), Priority.NORMAL, null, null),
                by.principal()).ticketId();
    }

    private List<SearchHit> find(String text, TestAgent who) {
        return search.search(SearchQuery.of(text), who.principal());
    }

    @Test
    void ticketsAndMessagesAreFoundRankedWithHighlightedSnippets() {
        String w = word();
        long inBody = open(team, "Printer trouble", "The printer " + w + " on the second floor jams again.");
        long inSubject = open(team, "Invoice " + w + " missing", "Where is my invoice?");

        List<SearchHit> hits = find(w, agent);

        assertThat(hits).extracting(SearchHit::type, SearchHit::ticketId).contains(
                org.assertj.core.groups.Tuple.tuple(SearchKind.TICKET, inSubject),
                org.assertj.core.groups.Tuple.tuple(SearchKind.MESSAGE, inBody));
        assertThat(hits.getFirst().type()).as("a subject outranks a body").isEqualTo(SearchKind.TICKET);
        assertThat(hits.getFirst().id()).isEqualTo(inSubject);
        SearchHit message = hits.stream().filter(h -> h.type() == SearchKind.MESSAGE).findFirst().orElseThrow();
        assertThat(message.title()).isEqualTo("Printer trouble");
        assertThat(message.snippet()).contains("The printer <mark>" + w + "</mark> on the second floor");
        assertThat(hits).allSatisfy(h -> assertThat(h.score()).isPositive());
    }

    @Test
    void accentsUmlautsAndInflectionsDoNotGetInTheWay() {
        String w = word();
        long ticket = open(team, "Café " + w, "Bestellung " + w + " von Frau Müller aus Hà Nội, die Rechnungen fehlen.");

        for (String query : List.of("cafe " + w, "CAFÉ " + w, "mueller " + w, "muller " + w, "ha noi " + w, "Hà Nội " + w,
                "rechnung " + w)) {
            assertThat(find(query, agent)).as(query).extracting(SearchHit::ticketId).contains(ticket);
        }
        assertThat(find("miller " + w, agent)).isEmpty();
    }

    @Test
    void aReplyIsFoundRightAfterItIsWritten() {
        long ticket = open(team, "Shipping question", "When will it arrive?");
        String w = word();

        var reply = tickets.reply(ticket, "Your parcel " + w + " leaves today.", TicketStatus.WAITING, null, agent.principal());

        List<SearchHit> hits = find(w, agent);
        // the reply itself first; its ticket too, found by a word of its conversation (weaker than its own subject)
        assertThat(hits).hasSize(2).first().satisfies(h -> {
            assertThat(h.type()).isEqualTo(SearchKind.MESSAGE);
            assertThat(h.id()).isEqualTo(reply.messageId());
            assertThat(h.ticketId()).isEqualTo(ticket);
        });
        assertThat(hits.get(1).type()).isEqualTo(SearchKind.TICKET);
        assertThat(hits.get(1).id()).isEqualTo(ticket);
    }

    @Test
    void wordsSplitBetweenTheSubjectAndAReplyFindTheTicketAndAWithdrawnReplyNoLonger() {
        String inSubject = word();
        String inReply = word();
        long ticket = open(team, "Invoice " + inSubject, "Please send it again.");
        assertThat(find(inSubject + " " + inReply, agent)).isEmpty();

        var reply = tickets.reply(ticket, "The refund " + inReply + " is on its way.", TicketStatus.WAITING, null, agent.principal());

        assertThat(find(inSubject + " " + inReply, agent)).singleElement().satisfies(h -> {
            assertThat(h.type()).isEqualTo(SearchKind.TICKET);
            assertThat(h.id()).isEqualTo(ticket);
            // the snippet shows where the reply said the other word
            assertThat(h.snippet()).endsWith("The refund <mark>" + inReply + "</mark> is on its way.");
        });
        tickets.withdrawReply(reply.messageId(), agent.principal());
        assertThat(find(inSubject + " " + inReply, agent)).isEmpty();
        assertThat(find(inReply, agent)).isEmpty();
    }

    @Test
    void anotherTeamsTicketIsNotFoundButCustomersAre() {
        String w = word();
        var customer = customers.findOrCreate(TestData.unique("nga") + "@example.test", "Nguyễn Thị Nga " + w);
        TestAgent member = data.agent(Role.AGENT, otherTeam);
        long hidden = open(member, otherTeam, customer.id(), "Secret " + w, "Only the other team sees " + w);

        assertThat(find(w, agent)).extracting(SearchHit::type).containsExactly(SearchKind.CUSTOMER);
        assertThat(find(w, admin)).extracting(SearchHit::ticketId).contains(hidden);
        assertThat(find(w, member)).extracting(SearchHit::ticketId).contains(hidden);
    }

    @Test
    void customersAreFoundByNameAddressAndNotes() {
        String w = word();
        var customer = customers.findOrCreate(w + "@example.test", "Jörg Müller");
        notes.add(customer.id(), "Prefers calls about the " + w + "contract", false, agent.id());
        String note = word();
        notes.add(customer.id(), "Allergic to " + note, false, agent.id());

        assertThat(find("mueller " + w, agent)).extracting(SearchHit::type, SearchHit::id)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SearchKind.CUSTOMER, customer.id()));
        assertThat(find("joerg " + note, agent)).singleElement().satisfies(h -> {
            assertThat(h.title()).isEqualTo("Jörg Müller");
            assertThat(h.snippet()).contains("<mark>" + note + "</mark>");
        });
    }

    @Test
    void filtersNarrowTheHits() {
        String w = word();
        var customer = customers.findOrCreate(TestData.unique("anne") + "@example.test", "Anne " + w);
        long ticket = open(team, customer.id(), "Question " + w, "About " + w);
        customers.setLanguage(customer.id(), "fr");
        tickets.update(ticket, new UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null), agent.principal());
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        assertThat(hits(w, SearchKind.CUSTOMER, null, null, null, null, null)).extracting(SearchHit::type).containsExactly(SearchKind.CUSTOMER);
        assertThat(hits(w, SearchKind.MESSAGE, null, null, null, null, null)).extracting(SearchHit::type).containsExactly(SearchKind.MESSAGE);
        assertThat(hits(w, null, TicketStatus.RESOLVED, null, null, null, null)).extracting(SearchHit::type)
                .containsExactlyInAnyOrder(SearchKind.TICKET, SearchKind.MESSAGE);
        assertThat(hits(w, null, TicketStatus.OPEN, null, null, null, null)).isEmpty();
        assertThat(hits(w, null, null, team.id(), null, null, null)).hasSize(2);
        assertThat(hits(w, null, null, otherTeam.id(), null, null, null)).isEmpty();
        assertThat(hits(w, SearchKind.TICKET, null, null, null, null, "fr")).extracting(SearchHit::id).containsExactly(ticket);
        assertThat(hits(w, null, null, null, null, null, "de")).isEmpty();
        assertThat(hits(w, null, null, null, today, today, null)).hasSize(3);
        assertThat(hits(w, null, null, null, today.plusDays(1), null, null)).isEmpty();
        assertThat(hits(w, null, null, null, null, today.minusDays(1), null)).isEmpty();
    }

    private List<SearchHit> hits(String text, SearchKind kind, TicketStatus status, Long teamId, LocalDate from, LocalDate to,
                                 String language) {
        return search.search(new SearchQuery(text, kind, status, teamId, from, to, language, 50), admin.principal());
    }

    @Test
    void aRenamedTicketAndAMovedOneFollow() {
        String before = word();
        String after = word();
        long ticket = open(team, "Subject " + before, "Body");

        tickets.update(ticket, new UpdateTicket(null, null, null, null, null, "Subject " + after, null), agent.principal());
        assertThat(find(before, agent)).isEmpty();
        assertThat(find(after, agent)).extracting(SearchHit::id).containsExactly(ticket);

        tickets.update(ticket, new UpdateTicket(null, null, otherTeam.id(), null, null, null, null), agent.principal());
        assertThat(find(after, agent)).as("moved to a team the agent is not in").isEmpty();
    }

    @Test
    void aQueryWithoutWordsIsRefusedNamingQ() {
        assertThatThrownBy(() -> SearchQuery.of("  ")).isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("q");
        assertThatThrownBy(() -> SearchQuery.of("?!")).isInstanceOf(InvalidInput.class).extracting("field").isEqualTo("q");
    }

    @Test
    void theApiAnswersRankedHitsAndProblemsForBadQueries() {
        String token = data.apiToken(agent);
        ApiClient api = new ApiClient(port);
        String w = word();
        long ticket = open(team, "Router " + w, "The router " + w + " blinks red.");

        var ok = api.get("/api/v1/search?q=" + w + "&type=ticket").auth(bearer(token)).send();
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode hit = ok.json().get("hits").get(0);
        assertThat(hit.get("type").asString()).isEqualTo("ticket");
        assertThat(hit.get("id").asLong()).isEqualTo(ticket);
        assertThat(hit.get("ticketId").asLong()).isEqualTo(ticket);
        assertThat(hit.get("title").asString()).isEqualTo("Router " + w);
        assertThat(hit.get("snippet").asString()).isEqualTo("Router <mark>" + w + "</mark>");
        assertThat(ok.json().get("hits")).hasSize(1);

        var empty = api.get("/api/v1/search?q=").auth(bearer(token)).send();
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/problem+json"));
        assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        var missing = api.get("/api/v1/search").auth(bearer(token)).send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("q");
        var badStatus = api.get("/api/v1/search?q=x&status=sleeping").auth(bearer(token)).send();
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        var badDate = api.get("/api/v1/search?q=x&from=yesterday").auth(bearer(token)).send();
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        var tooMany = api.get("/api/v1/search?q=x&limit=1000").auth(bearer(token)).send();
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");

        var docs = api.get("/v3/api-docs").send();
        assertThat(docs.json().get("paths").get("/api/v1/search").get("get").get("operationId").asString()).isEqualTo("search");
    }

    @Test
    void theSearchPageShowsEscapedSnippetsAndTheBoxIsInTheTopBar() {
        String w = word();
        long ticket = open(team, "Markup <b>" + w + "</b>", "Body with <script>alert(1)</script> and " + w);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());

        var page = session.get("/search?q=" + w);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"topbar-search\"");
        assertThat(page.body()).contains("id=\"hit-ticket-" + ticket + "\"");
        assertThat(page.body()).contains("Markup &lt;b&gt;<mark>" + w + "</mark>&lt;/b&gt;");
        assertThat(page.body()).contains("&lt;script&gt;alert(1)&lt;/script&gt; and <mark>" + w + "</mark>");
        assertThat(page.body()).doesNotContain("<script>alert(1)");
        assertThat(page.body()).contains("href=\"/tickets/" + ticket + "\"");

        var nothing = session.get("/search?q=" + word());
        assertThat(nothing.body()).contains("id=\"search-empty\"");
        var invalid = session.get("/search?q=" + w + "&from=2026-02-02&to=2026-01-01");
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.body()).contains("id=\"search-invalid\"");
        var french = WebSession.signedIn(port, agent.email(), agent.password(), "fr").get("/search?q=" + w);
        assertThat(french.body()).contains("Recherche");
    }

    @Test
    void theBackfillIndexesWhatIsMissingOnlyOnceAndRecordsThatItFinished() {
        String w = word();
        long customerId = data.customer("Backfill " + w).id();
        long ticket = open(team, customerId, "Stored before search " + w, "A body with " + w);
        assertThat(find(w, agent)).hasSize(3);
        // as if these rows were written before the index existed, or a node stopped half-way through the backfill
        jdbc.sql("delete from search_document where ticket_id = ? or (kind = 'CUSTOMER' and ref_id = ?)").params(ticket, customerId).update();
        jdbc.sql("delete from search_backfill").update();
        assertThat(find(w, agent)).isEmpty();
        assertThat(backfill.finished()).isFalse();

        backfill.run();

        assertThat(find(w, agent)).extracting(SearchHit::type)
                .containsExactlyInAnyOrder(SearchKind.TICKET, SearchKind.MESSAGE, SearchKind.CUSTOMER);
        assertThat(backfill.finished()).isTrue();
        backfill.run();
        assertThat(jdbc.sql("select count(*) from search_document where ticket_id = ? or (kind = 'CUSTOMER' and ref_id = ?)")
                .params(ticket, customerId).query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from search_backfill").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theNewestDocumentsAnswerFirstAndOlderOnesWhenTheyDoNotFillThePage() {
        String w = word();
        List<Long> opened = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            opened.add(open(team, "Printer " + w + " number " + i, "The printer " + w + " jams again"));
        }
        List<SearchHit> everywhere = find(w, agent);
        assertThat(everywhere).hasSize(8);
        try {
            // the first window reaches back to the last ticket, the second to the one before (other tests may have
            // written documents dated later, such as mail with a Date in the future: they are in every window)
            long fromLast = jdbc.sql("select count(*) from search_document where created_at >= (select created_at from search_document"
                    + " where kind = 'TICKET' and ref_id = ?)").param(opened.get(3)).query(Long.class).single();
            store.useWindows(fromLast - 1, fromLast + 2);

            assertThat(find(w, agent)).extracting(SearchHit::type, SearchHit::id)
                    .containsExactlyInAnyOrderElementsOf(everywhere.stream()
                            .map(h -> org.assertj.core.groups.Tuple.tuple(h.type(), h.id())).toList());
            List<SearchHit> newest = search.search(new SearchQuery(w, null, null, null, null, null, null, 2), agent.principal());
            // the page is full from the newest window alone: the last ticket and its message, though older tickets'
            // subjects rank as high as the last one's
            assertThat(newest).extracting(SearchHit::type, SearchHit::ticketId).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(SearchKind.TICKET, opened.get(3)),
                    org.assertj.core.groups.Tuple.tuple(SearchKind.MESSAGE, opened.get(3)));
            assertThat(search.search(new SearchQuery(w, SearchKind.TICKET, null, null, null, null, null, 2), agent.principal()))
                    .extracting(SearchHit::ticketId).containsExactly(opened.get(3), opened.get(2));
            assertThat(find(w + " jams", agent)).hasSize(8).extracting(SearchHit::type)
                    .containsOnly(SearchKind.MESSAGE, SearchKind.TICKET);
        } finally {
            store.useWindows(SearchStore.RECENT_WINDOWS);
        }
    }

    @Test
    void hitsComeBestFirstAndOnH2ManyMatchesAreRankedInSqlTheSameWayAsFewInJava() {
        String w = word();
        long customerId = data.customer("Ranking " + w).id();
        open(team, customerId, "Invoice " + w, "The invoice " + w + " is wrong, " + w + " again");
        open(team, customerId, "Question", "About " + w);
        var query = new SearchQuery(w, null, null, null, null, null, null, 4);
        List<SearchHit> inJava = search.search(query, admin.principal());
        assertThat(inJava).hasSize(4).extracting(SearchHit::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(inJava.getFirst().type()).isEqualTo(SearchKind.TICKET); // its subject says it
        if (!(store instanceof H2SearchStore h2)) {
            return; // PostgreSQL ranks every query one way
        }
        try {
            h2.rankInJavaUpTo(0);
            assertThat(search.search(query, admin.principal())).extracting(SearchHit::type, SearchHit::id, SearchHit::score)
                    .containsExactlyElementsOf(inJava.stream()
                            .map(h -> org.assertj.core.groups.Tuple.tuple(h.type(), h.id(), h.score())).toList());
        } finally {
            h2.rankInJavaUpTo(H2SearchStore.FEW_MATCHES);
        }
    }

    @Test
    void aTicketIsFoundByItsNumberFirstAndHashNumberOpensIt() {
        String subject = "Parcel " + word();
        var customer = data.customer("Numbered " + word());
        long id = open(team, customer.id(), subject, "Where is my parcel?");
        open(team, customer.id(), "Mentions " + id, "See ticket " + id + " for the history.");

        List<SearchHit> hits = find(String.valueOf(id), agent);
        assertThat(hits).first().satisfies(h -> {
            assertThat(h.type()).isEqualTo(SearchKind.TICKET);
            assertThat(h.id()).isEqualTo(id);
            assertThat(h.title()).isEqualTo(subject);
            assertThat(h.status()).isEqualTo("NEW");
            assertThat(h.customerName()).isEqualTo(customer.name());
            assertThat(h.teamName()).isEqualTo(team.name());
            assertThat(h.createdAt()).isNotNull();
        });
        assertThat(hits).filteredOn(h -> h.type() == SearchKind.TICKET && h.id() == id).hasSize(1);
        assertThat(find("#" + id, agent)).first().extracting(SearchHit::id).isEqualTo(id);

        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        var opened = session.get("/search?q=%23" + id);
        assertThat(opened.status()).isEqualTo(302);
        assertThat(opened.redirectPath()).isEqualTo("/tickets/" + id);
        String listed = session.get("/search?q=" + id).body();
        assertThat(listed).contains("id=\"hit-ticket-" + id + "\"", customer.name(), team.name(), "<time");
        JsonNode api = new ApiClient(port).get("/api/v1/search?q=%23" + id).auth(bearer(data.apiToken(agent))).send().json();
        assertThat(api.get("hits").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(api.get("hits").get(0).get("status").asString()).isEqualTo("new");
        assertThat(api.get("hits").get(0).get("teamName").asString()).isEqualTo(team.name());
    }

    @Test
    void anotherTeamsTicketIsNotRevealedByItsNumber() {
        String subject = "Secret " + word();
        long id = open(admin, otherTeam, data.customer("Elsewhere " + word()).id(), subject, "Not for the other team.");

        assertThat(find("#" + id, agent)).noneMatch(h -> h.ticketId() != null && h.ticketId() == id);
        assertThat(find(String.valueOf(id), agent)).noneMatch(h -> h.ticketId() != null && h.ticketId() == id);
        WebSession session = WebSession.signedIn(port, agent.email(), agent.password());
        var page = session.get("/search?q=%23" + id);
        assertThat(page.status()).as("no redirect to another team's ticket").isEqualTo(200);
        assertThat(page.body()).doesNotContain("hit-ticket-" + id, subject);
        JsonNode api = new ApiClient(port).get("/api/v1/search?q=%23" + id).auth(bearer(data.apiToken(agent))).send().json();
        api.get("hits").forEach(h -> assertThat(h.get("title").asString()).isNotEqualTo(subject));

        assertThat(find("#" + id, admin)).first().extracting(SearchHit::id).isEqualTo(id);
        assertThat(find("#" + (id + 1_000_000), agent)).noneMatch(h -> h.type() == SearchKind.TICKET && h.id() == id + 1_000_000);
    }
}
