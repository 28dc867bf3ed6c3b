package org.regard.browser;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.accounts.TeamView;
import org.regard.customers.Customers;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.regard.tickets.Channel;
import org.regard.tickets.TicketCommands;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer opens the "okay" link of the rating mail Regard sent when their ticket was resolved, adds a comment,
 * sends it and is thanked, without an account; the agent then sees the answer on the ticket.
 */
@BrowserTest
class RatingBrowserTest {
    static final Pattern OKAY = Pattern.compile("https?://[^/\\s]+(/rating/\\d+/[A-Za-z0-9_-]+\\?score=okay)");

    @Autowired
    TestData data;
    @Autowired
    Customers customers;
    @Autowired
    Tickets tickets;
    @Autowired
    Mailboxes mailboxes;

    @Test
    void theCustomerRatesOkayWithACommentFromTheMail(Browser browser) throws Exception {
        TeamView team = data.team("rating");
        var agent = data.named("Jonas Weber", Role.AGENT, "en", team);
        var smtp = new Mailboxes.ServerForm("127.0.0.1", TestMailServer.smtpPort(), Mailbox.Security.NONE, null, null, null);
        mailboxes.create(new Mailboxes.MailboxForm(TestData.unique("help") + "@" + TestData.unique("desk") + ".test",
                "Help Desk", team.id(), null, smtp, Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);
        String address = TestData.unique("lena") + "@example.test";
        var customer = customers.create(new Customers.NewCustomer("Lena Hoffmann", List.of(address), "en", null, null, null));
        long ticket = tickets.open(new TicketCommands.OpenTicket(customer.id(), "Parcel arrived ten days late",
                "My order arrived ten days after the promised date.", Channel.EMAIL, team.id(), null, null, null),
                agent.principal()).ticketId();
        tickets.update(ticket, new TicketCommands.UpdateTicket(TicketStatus.RESOLVED, null, null, null, null, null, null),
                agent.principal());

        String mail = awaitMailText(address);
        Matcher okay = OKAY.matcher(mail);
        assertThat(okay.find()).as(mail).isTrue();

        browser.open(okay.group(1));
        assertThat(browser.find("h1").getText()).isEqualTo("How did we do?");
        assertThat(browser.find("#score-okay").isSelected()).isTrue();
        assertThat(browser.find("#rating-intro").getText()).contains("Parcel arrived ten days late");
        browser.find("#comment").sendKeys("Friendly, but the parcel was still late.");
        browser.find("#rating-submit").click();
        browser.waitUntil(d -> browser.findAll("#rating-thanks").size() == 1);
        assertThat(browser.find("#rating-thanks").getText()).isEqualTo("Thank you! Your answer is recorded.");
        assertThat(browser.find("#rating-current").getText()).contains("Okay");
        assertThat(browser.find("#comment").getDomProperty("value")).isEqualTo("Friendly, but the parcel was still late.");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("rating");

        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + ticket);
        browser.waitUntil(d -> browser.findAll("#rating-score").size() == 1);
        assertThat(browser.find("#ticket-rating").getText()).contains("Okay", "Friendly, but the parcel was still late.");
    }

    static String awaitMailText(String address) throws Exception {
        MimeMessage found = org.regard.support.Eventually.await(() -> Arrays.stream(TestMailServer.get().getReceivedMessages()).filter(m -> {
            try {
                Address[] to = m.getRecipients(RecipientType.TO);
                return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                return false;
            }
        }).findFirst(), "a mail to " + address);
        MimeMultipart alternative = (MimeMultipart) found.getContent();
        return ((String) alternative.getBodyPart(0).getContent()).replace("\r\n", "\n");
    }
}
