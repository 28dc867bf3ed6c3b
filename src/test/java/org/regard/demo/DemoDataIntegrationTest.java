package org.regard.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.regard.accounts.Accounts;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.AgentView;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.customers.Customers.CustomerView;
import org.junit.jupiter.api.extension.ExtendWith;
import org.regard.demo.DemoData.DemoRequest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.regard.reports.ActivityReport;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.MessageKind;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketQueries.MessageView;
import org.regard.tickets.TicketQueries.TicketDetail;
import org.regard.tickets.TicketStatus;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDataIntegrationTest {
    private static final String PASSWORD = "demo-password-for-tests";

    @Autowired
    DemoData demo;
    @Autowired
    Accounts accounts;
    @Autowired
    AgentAdministration administration;
    @Autowired
    Customers customers;
    @Autowired
    TicketQueries queries;
    @Autowired
    ActivityReport reports;
    @Autowired
    TestData data;
    @Autowired
    org.regard.tickets.ReplyTemplates templates;
    @Autowired
    org.regard.customers.Preferences preferences;
    @Autowired
    org.regard.customers.Promises promises;
    @Autowired
    org.regard.tickets.Categories categories;
    @Autowired
    org.regard.customers.TierNames tierNames;

    private Instant loadedAt;
    private DemoSummary summary;
    private List<TicketDetail> tickets;

    /** The demo is loaded once for this class, under a domain of its own so it meets nothing else in the shared database. */
    @BeforeAll
    void loadTheDemoOnce() {
        loadedAt = Instant.now();
        summary = demo.load(new DemoRequest(TestData.unique("demo") + ".example.com", PASSWORD, DemoPlan.TICKETS)).orElseThrow();
        AgentPrincipal admin = data.principal(summary.agentEmails().getFirst());
        tickets = summary.ticketIds().stream().map(id -> queries.detail(id, admin)).toList();
    }

    @Test
    void fourTeamsAndEightAgentsWhoSpeakFrenchGermanVietnameseAndEnglishAndShareOnePassword() {
        assertThat(summary.teamIds()).hasSize(4);
        assertThat(summary.teamIds().stream().map(id -> accounts.team(id).orElseThrow().name()))
                .containsExactlyInAnyOrder("Support", "Billing", "Technical", "Hà Nội office");
        List<AgentView> agents = summary.agentIds().stream().map(id -> accounts.agent(id).orElseThrow()).toList();
        assertThat(agents).hasSize(8).allSatisfy(a -> assertThat(a.teamIds()).isNotEmpty());
        assertThat(agents).extracting(AgentView::displayName).contains("Nguyễn Thị Hương", "Trần Minh Đức");
        assertThat(agents.stream().flatMap(a -> a.languages().stream()).collect(Collectors.toSet()))
                .contains("fr", "de", "vi", "en");
        assertThat(agents).extracting(AgentView::locale).contains("fr", "de", "vi", "en", null);
        assertThat(agents).extracting(AgentView::role).containsOnlyOnce(Role.ADMIN);
        assertThat(agents).allSatisfy(a -> assertThat(administration.changePassword(a.id(), PASSWORD, PASSWORD)).isTrue());
    }

    @Test
    void teamsCategoriesAndTiersAreNamedInFrenchGermanAndVietnamese() {
        var support = summary.teamIds().stream().map(id -> accounts.team(id).orElseThrow())
                .filter(t -> t.baseName().equals("Support")).findFirst().orElseThrow();
        assertThat(support.names().byLanguage()).containsEntry("fr", "Assistance").containsEntry("de", "Kundendienst")
                .containsEntry("vi", "Hỗ trợ");
        assertThat(summary.categoryIds()).allSatisfy(id -> assertThat(categories.category(id).orElseThrow().names().byLanguage())
                .containsOnlyKeys("fr", "de", "vi"));
        assertThat(tierNames.all()).filteredOn(t -> t.key().equals("key-account")).singleElement()
                .satisfies(t -> assertThat(t.names().in(java.util.Locale.GERMAN)).isEqualTo("Großkunde"));
    }

    /** Tier names are shared by every test: the demo's are taken back. */
    @AfterAll
    void forgetTierNames() {
        tierNames.all().forEach(t -> tierNames.rename(t.key(), java.util.Map.of()));
    }

    @Test
    void fiftyCustomersWithTheirLanguagesOrganizationsTiersAndPinnedNotes() {
        List<CustomerView> people = summary.customerIds().stream().map(id -> customers.customer(id).orElseThrow()).toList();
        assertThat(people).hasSize(50).allSatisfy(c -> {
            assertThat(c.language()).isIn("fr", "de", "vi", "en");
            assertThat(c.primaryEmail()).hasValueSatisfying(email -> assertThat(email).endsWith(".example.com"));
            assertThat(c.createdAt()).isBefore(loadedAt.minus(Duration.ofDays(1)));
        });
        assertThat(people).extracting(CustomerView::name).contains("Jürgen Schäfer", "Trần Thị Bích Ngọc", "Hélène Lefèvre");
        assertThat(people).extracting(CustomerView::tier).contains("standard", "priority", "key-account");
        assertThat(people).filteredOn(c -> c.preferences() != null).hasSizeGreaterThan(5);
        assertThat(people).filteredOn(c -> !c.phones().isEmpty()).hasSize(25)
                .allSatisfy(c -> assertThat(c.phones().getFirst().number()).startsWith("+"));
        assertThat(summary.organizationIds()).hasSize(4)
                .allSatisfy(org -> assertThat(customers.membersOf(org)).hasSizeGreaterThanOrEqualTo(3));
        assertThat(summary.customerIds()).filteredOn(id -> !customers.card(id).orElseThrow().pinnedNotes().isEmpty())
                .hasSizeGreaterThan(5);
    }

    @Test
    void twoHundredTicketsInEveryStatusAndChannelSpreadOverSixtyDays() {
        assertThat(tickets).hasSize(200);
        assertThat(tickets.stream().map(t -> t.summary().status()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(TicketStatus.class));
        assertThat(tickets.stream().map(t -> t.summary().channel()).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Channel.class));
        assertThat(tickets).allSatisfy(t -> {
            assertThat(t.summary().createdAt()).isBetween(loadedAt.minus(Duration.ofDays(61)), loadedAt);
            assertThat(t.summary().updatedAt()).isBetween(t.summary().createdAt(), loadedAt);
        });
        assertThat(tickets).filteredOn(t -> t.summary().createdAt().isBefore(loadedAt.minus(Duration.ofDays(30)))).hasSizeGreaterThan(20);
        assertThat(tickets).filteredOn(t -> t.summary().createdAt().isAfter(loadedAt.minus(Duration.ofDays(3)))).hasSizeGreaterThan(10);
        assertThat(tickets).filteredOn(t -> t.summary().assigneeId() != null).hasSizeGreaterThan(150);
        assertThat(tickets).filteredOn(t -> t.summary().status() == TicketStatus.CLOSED || t.summary().status() == TicketStatus.RESOLVED)
                .allSatisfy(t -> assertThat(t.resolvedAt()).isNotNull().isBetween(t.summary().createdAt(), t.summary().updatedAt()));
    }

    @Test
    void conversationsHaveEveryKindOfMessageInOrderAndTouchesMatchThem() {
        assertThat(tickets.stream().flatMap(t -> t.messages().stream()).map(MessageView::kind).collect(Collectors.toSet()))
                .as("every kind a person writes; automatic messages only arrive by mail")
                .isEqualTo(EnumSet.complementOf(EnumSet.of(MessageKind.AUTOMATED)));
        assertThat(tickets).allSatisfy(t -> {
            List<MessageView> messages = t.messages();
            assertThat(messages.getFirst().kind()).isEqualTo(MessageKind.CUSTOMER);
            assertThat(messages.getFirst().createdAt()).isEqualTo(t.summary().createdAt());
            assertThat(messages).extracting(MessageView::createdAt).isSorted().doesNotHaveDuplicates();
            assertThat(messages).extracting(MessageView::id).isSorted();
            long inbound = messages.stream().filter(m -> m.touch() == org.regard.tickets.TouchDirection.INBOUND).count();
            long outbound = messages.stream().filter(m -> m.touch() == org.regard.tickets.TouchDirection.OUTBOUND).count();
            assertThat(t.summary().touchesIn()).isEqualTo(inbound);
            assertThat(t.summary().touchesOut()).isEqualTo(outbound);
            assertThat(t.changes()).allSatisfy(c -> assertThat(c.at()).isBetween(t.summary().createdAt(), t.summary().updatedAt()));
        });
        assertThat(tickets).filteredOn(t -> t.changes().stream().anyMatch(c -> "RESOLVED".equals(c.oldValue()) && "OPEN".equals(c.newValue())))
                .as("tickets a customer reopened").isNotEmpty();
    }

    @Test
    void customersWriteInTheirOwnLanguage() {
        TicketDetail vietnamese = tickets.stream()
                .filter(t -> customers.customer(t.summary().customerId()).orElseThrow().language().equals("vi")).findFirst().orElseThrow();
        assertThat(vietnamese.messages().getFirst().body()).containsPattern("[ạảãàáâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]");
        TicketDetail german = tickets.stream()
                .filter(t -> customers.customer(t.summary().customerId()).orElseThrow().language().equals("de"))
                .filter(t -> t.messages().stream().anyMatch(m -> m.kind() == MessageKind.REPLY)).findFirst().orElseThrow();
        List<String> germanReplies = DemoScripts.inLanguage("de").stream()
                .flatMap(s -> java.util.stream.Stream.of(s.question(), s.solution())).toList();
        assertThat(german.messages()).filteredOn(m -> m.kind() == MessageKind.REPLY)
                .allSatisfy(m -> assertThat(m.body()).isIn(germanReplies));
    }

    @Test
    void reportsCountTheDemoOnTheDaysOfItsStoriesNotOnTheDayItWasLoaded() {
        long support = summary.teamIds().getFirst();
        LocalDate today = loadedAt.atZone(ZoneOffset.UTC).toLocalDate();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            var days = reports.daysOf(support, today.minusDays(61), today);
            assertThat(days).filteredOn(d -> d.ticketsOpened() > 0).hasSizeGreaterThan(15);
            assertThat(days).filteredOn(d -> d.day().isBefore(today.minusDays(30))).isNotEmpty();
        });
    }

    @Test
    void templatesInEveryLanguagePreferenceFieldsWithValuesAndPromisesOneOverdue() {
        var refund = templates.all().stream().filter(t -> t.name().equals("Refund on its way")).findFirst().orElseThrow();
        assertThat(refund.variants()).extracting(org.regard.tickets.ReplyTemplates.VariantView::language)
                .containsExactlyInAnyOrder("en", "fr", "de", "vi");
        var reset = templates.all().stream().filter(t -> t.name().equals("Password reset")).findFirst().orElseThrow();
        assertThat(reset.variant("vi")).as("one variant left to write, so the fallback shows").isEmpty();

        assertThat(preferences.activeFields()).extracting(org.regard.customers.Preferences.FieldView::key)
                .contains("contact-hours", "paper-invoices", "contract-renewal", "devices");
        assertThat(summary.customerIds()).filteredOn(id -> !preferences.valuesOf(id).isEmpty()).hasSizeGreaterThanOrEqualTo(5);
        var slot = preferences.activeFields().stream().filter(f -> f.key().equals("call-slot")).findFirst().orElseThrow();
        assertThat(slot.type()).isEqualTo(org.regard.customers.PreferenceType.CHOICE);
        assertThat(slot.options()).containsExactly("morning", "afternoon", "evening");
        assertThat(slot.names().byLanguage()).containsOnlyKeys("fr", "de", "vi");
        assertThat(summary.customerIds()).filteredOn(id -> preferences.valuesOf(id).stream()
                .anyMatch(v -> v.key().equals("call-slot") && slot.options().contains(v.text()))).hasSizeGreaterThanOrEqualTo(3);

        List<org.regard.customers.Promises.PromiseView> open = summary.customerIds().stream()
                .flatMap(id -> promises.openOf(id).stream()).toList();
        assertThat(open).hasSize(3).allSatisfy(p -> assertThat(summary.ticketIds()).contains(p.ticketId()));
        assertThat(open).filteredOn(p -> p.dueAt().isBefore(loadedAt)).hasSize(1);
        assertThat(open).filteredOn(p -> p.dueAt().isAfter(loadedAt)).hasSize(2);
    }

    @Test
    void aDeskThatHasTicketsIsLeftAlone() {
        assertThat(demo.deskHasTickets()).isTrue();

        assertThat(demo.loadIfEmpty()).isEmpty();

        assertThat(accounts.agentByEmail("camille@desk." + DemoData.DOMAIN)).isEmpty();
    }

    @Test
    void nodesStartingTogetherLoadTheDemoOnce() throws Exception {
        DemoRequest request = new DemoRequest(TestData.unique("nodes") + ".example.com", PASSWORD, 3);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Optional<DemoSummary>> node = () -> {
            start.await();
            return demo.load(request);
        };
        try (ExecutorService nodes = Executors.newFixedThreadPool(2)) {
            Future<Optional<DemoSummary>> first = nodes.submit(node);
            Future<Optional<DemoSummary>> second = nodes.submit(node);
            start.countDown();
            List<Optional<DemoSummary>> results = List.of(first.get(), second.get());

            assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
            assertThat(results).filteredOn(Optional::isPresent).first()
                    .satisfies(loaded -> assertThat(loaded.orElseThrow().ticketIds()).hasSize(3));
        }
        assertThat(demo.load(request)).as("a later start").isEmpty();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theLogShowsTheDemoPasswordOnlyWhenRegardGeneratedIt(CapturedOutput output) {
        String given = "a-demo-passphrase-given-" + TestData.unique("by-the-operator");
        String generated = "a-demo-passphrase-generated-" + TestData.unique("by-regard");

        demo.load(new DemoRequest(TestData.unique("given") + ".example.com", given, 1, false)).orElseThrow();
        demo.load(new DemoRequest(TestData.unique("generated") + ".example.com", generated, 1, true)).orElseThrow();

        assertThat(output.getAll()).doesNotContain(given).contains(generated);
    }
}
