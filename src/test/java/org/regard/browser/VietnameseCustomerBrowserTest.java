package org.regard.browser;

import org.regard.accounts.Actor;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.regard.accounts.AgentPrincipal;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.customers.PreferenceType;
import org.regard.customers.Preferences;
import org.regard.customers.Promises;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.ReplyTemplates;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Vietnamese customer, end to end: the person card shows who she is (language, preferences, the promise the agent
 * has not kept in time), a reply template goes into the composer in Vietnamese with her name, and the search box finds
 * her ticket from words typed without diacritics.
 */
@BrowserTest
class VietnameseCustomerBrowserTest {
    private static final String NAME = "Nguyễn Thị Hoa";
    private static final String SUBJECT = "Hóa đơn tháng 5 gửi sai địa chỉ";
    private static final String ENGLISH = "Hello {{customer.name}}, we have sent your invoice again to the right address.";
    private static final String VIETNAMESE = "Chào chị {{customer.name}}, chúng tôi đã gửi lại hóa đơn đến đúng địa chỉ.";

    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    Preferences preferences;
    @Autowired
    Promises promises;
    @Autowired
    Tickets tickets;
    @Autowired
    ReplyTemplates templates;

    @Test
    void anAgentSeesWhoTheCustomerIsAnswersInHerLanguageAndFindsHerTicketWithoutDiacritics(Browser browser) {
        // a team only this story uses, so the agent's search sees none of the tickets the rest of the suite writes
        var team = data.accounts().ensureTeam("Hỗ trợ tiếng Việt");
        var agent = data.named("Linh Phạm", Role.AGENT, null, team);
        var admin = data.agent(Role.ADMIN);
        var contact = preferences.define(TestData.unique("kenh"), "Kênh liên hệ", PreferenceType.TEXT);
        var hours = preferences.define(TestData.unique("gio-goi"), "Giờ gọi", PreferenceType.TEXT);
        var customer = customers.create(new Customers.NewCustomer(NAME, List.of(TestData.unique("nth") + "@example.test"), "vi",
                null, null, "Thích nhắn tin hơn email"), Map.of(contact.key(), "Zalo", hours.key(), "Gọi sau 18:00"));
        long ticket = tickets.open(new TicketCommands.OpenTicket(customer.id(), SUBJECT,
                "Chào anh chị, hóa đơn tháng 5 lại gửi về địa chỉ cũ ở Hà Nội. Nhờ anh chị gửi lại giúp em.",
                Channel.EMAIL, team.id(), null, null, null), org.regard.accounts.Actor.SYSTEM).ticketId(); // she wrote it herself, as mail intake opens tickets
        var promise = promises.promise(customer.id(), new Promises.NewPromise("Gọi lại để xác nhận hóa đơn mới",
                Instant.now().minus(Duration.ofHours(3)), ticket, agent.id(), team.id()), Actor.SYSTEM);
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("en", ENGLISH);
        variants.put("vi", VIETNAMESE);
        var template = template(new ReplyTemplates.TemplateChanges("Invoice sent again", null, "en", variants), admin.principal());

        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + ticket);

        // the person card: name, language, preferences, and the promise already past its due time
        WebElement card = browser.find(".person");
        assertThat(card.findElement(By.tagName("h2")).getText()).isEqualTo(NAME);
        assertThat(valueOf(card, "Language")).isEqualTo("Vietnamese (set by an agent)");
        assertThat(valueOf(card, "Kênh liên hệ")).isEqualTo("Zalo");
        assertThat(valueOf(card, "Giờ gọi")).isEqualTo("Gọi sau 18:00");
        assertThat(card.findElement(By.cssSelector(".preference-" + hours.key())).getText()).isEqualTo("Gọi sau 18:00");
        assertThat(valueOf(card, "Other preferences")).isEqualTo("Thích nhắn tin hơn email");
        // listed once on the page: beside the composer, with its buttons, not again on the card
        assertThat(card.findElements(By.id("card-promise-" + promise.id()))).isEmpty();
        assertThat(browser.findAll("[id$='promise-" + promise.id() + "']")).hasSize(1);
        WebElement late = browser.find("#composer-memory #promise-" + promise.id());
        assertThat(late.getText()).contains("Gọi lại để xác nhận hóa đơn mới");
        assertThat(late.getDomAttribute("class")).contains("overdue");
        WebElement badge = late.findElement(By.cssSelector(".overdue-badge"));
        assertThat(badge.isDisplayed()).isTrue();
        assertThat(badge.getText()).isEqualTo("Overdue");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();

        // the template picker, as the agent uses it: choose, insert; the Vietnamese text comes, with her name
        new Select(browser.find("#composer-template")).selectByValue(Long.toString(template.id()));
        browser.find("#composer-template-insert").click();
        String expected = VIETNAMESE.replace("{{customer.name}}", NAME);
        browser.waitUntil(d -> expected.equals(browser.find("#composer-body").getDomProperty("value")));
        assertThat(browser.find("#composer-body").getDomProperty("value")).doesNotContain("Hello").doesNotContain("{{");
        assertThat(browser.find("#composer-template-note").getText()).isEqualTo("Template inserted in Vietnamese.");
        tallScreenshot(browser, "ticket-vietnamese-template");

        // the one search box, typed without diacritics
        browser.find("#topbar-search").sendKeys("hoa don" + Keys.ENTER);
        browser.waitUntil(d -> browser.path().equals("/search") && !browser.findAll("#search-results").isEmpty());
        assertThat(browser.find("#search-q").getDomProperty("value")).isEqualTo("hoa don");
        WebElement hit = browser.find("#hit-ticket-" + ticket);
        assertThat(hit.findElement(By.cssSelector("a[href='/tickets/" + ticket + "']")).getText()).isEqualTo(SUBJECT);
        assertThat(hit.findElements(By.cssSelector(".snippet mark")).stream().map(m -> m.getText().toLowerCase(Locale.ROOT)).toList())
                .containsExactly("hóa", "đơn");
        List<String> links = browser.findAll(".search-hit a").stream().map(a -> a.getDomAttribute("href")).toList();
        assertThat(links).as("her message is found too").anyMatch(href -> href.startsWith("/tickets/" + ticket + "#message-"));
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("search-without-diacritics");
    }

    /** The template with this name, written as given: names are unique, and the README's screenshot shows this one. */
    private ReplyTemplates.TemplateView template(ReplyTemplates.TemplateChanges changes, AgentPrincipal admin) {
        return templates.all().stream().filter(t -> t.name().equals(changes.name())).findFirst()
                .map(t -> templates.update(t.id(), changes, null, admin))
                .orElseGet(() -> templates.create(changes, admin));
    }

    /** The whole story so far in one picture: the person card at the top and the composer below it. */
    private static void tallScreenshot(Browser browser, String name) {
        try {
            browser.resize(1366, 1900);
            browser.driver().executeScript("window.scrollTo(0, 0);");
            browser.screenshot(name);
        } finally {
            browser.resize(1366, 768);
        }
    }

    /** The text of the card's value under the given label. */
    private static String valueOf(WebElement card, String label) {
        return card.findElement(By.xpath(".//dt[normalize-space(.)='" + label + "']/following-sibling::dd[1]")).getText();
    }
}
