package org.regard.browser;

import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.tickets.Channel;
import org.regard.tickets.Priority;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.regard.customers.Customers;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every main page passes axe-core without serious findings, at 1366×768 and on a phone. */
@BrowserTest
class MainPagesBrowserTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.regard.customers.CustomerNotes notes;
    @Autowired
    TestData data;
    @Autowired
    Tickets tickets;
    @Autowired
    Customers customers;
    @Autowired
    org.regard.mail.mailboxes.Mailboxes mailboxes;

    @Test
    void mainPagesAreAccessibleAndFitOnAPhone(Browser browser) {
        // real-looking names: these pages are the README's screenshots
        var team = data.accounts().ensureTeam("Support");
        var admin = data.named("Linh Phạm", Role.ADMIN, null, team);
        var customer = customers.create(new Customers.NewCustomer("Nguyễn Thu Hà", List.of(TestData.unique("ha") + "@example.test"),
                "vi", "Công ty Sen Vàng", "key-account", "Gọi sau 18:00, thích nhận tin nhắn"));
        notes.add(customer.id(), "Khách hàng lâu năm, luôn đặt hàng vào đầu tháng.", true, admin.id());
        long id = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Máy in không hoạt động", "Máy in báo lỗi giấy.",
                Channel.PHONE, team.id(), Priority.HIGH, null, null), admin.principal()).ticketId();
        tickets.reply(id, "Chúng tôi sẽ gửi kỹ thuật viên vào sáng mai.", TicketStatus.WAITING, null, admin.principal());
        for (String subject : List.of("Rechnung fehlt", "Colis endommagé", "Password reset")) {
            var other = data.customer(subject.startsWith("R") ? "Lena Vogel" : subject.startsWith("C") ? "Hugo Bernard" : "Sam Carter");
            tickets.open(new TicketCommands.OpenTicket(other.id(), subject, subject, Channel.WEB, team.id(), null, null, null), admin.principal()).ticketId();
        }
        String support = "support@" + TestData.unique("sen-vang") + ".test";
        org.regard.support.TestMailServer.user(support, "support-password");
        mailboxes.create(new org.regard.mail.mailboxes.Mailboxes.MailboxForm(support, "Sen Vàng – Hỗ trợ", team.id(),
                org.regard.support.TestMailServer.imap(support, "support-password"), org.regard.support.TestMailServer.smtp(null, null),
                org.regard.mail.mailboxes.Mailbox.ClosedReply.REOPEN, true, true), org.regard.mail.mailboxes.Mailbox.Source.ADMIN);
        browser.signIn(admin.email(), admin.password());

        List<String> problems = new ArrayList<>();
        record Page(String name, String path) {
        }
        List<Page> pages = List.of(new Page("inbox", "/inbox"), new Page("ticket-vietnamese", "/tickets/" + id),
                new Page("customers", "/customers"), new Page("customer", "/customers/" + customer.id()),
                new Page("admin-agents", "/admin/agents"), new Page("profile", "/profile"),
                new Page("admin-mailboxes", "/admin/mailboxes"), new Page("admin-mailbox-new", "/admin/mailboxes/new"),
                new Page("admin-audit", "/admin/audit"), new Page("admin-security", "/admin/security"));
        for (Page page : pages) {
            browser.resize(1366, 768);
            browser.open(page.path());
            browser.waitUntil(d -> browser.findAll(".htmx-request").isEmpty());
            browser.screenshot(page.name());
            browser.seriousAccessibilityProblems().forEach(p -> problems.add(page.path() + " " + p));
            browser.resize(390, 844);
            browser.open(page.path());
            if (browser.scrollsSideways()) {
                problems.add(page.path() + " scrolls sideways on a phone");
            }
            browser.seriousAccessibilityProblems().forEach(p -> problems.add(page.path() + " (phone) " + p));
        }
        browser.resize(1366, 768);
        assertThat(problems).isEmpty();
    }
}
