package org.regard.browser;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.regard.accounts.Role;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.support.Eventually.await;

/**
 * A second pair of eyes, end to end: an agent on probation answers a customer's mail, the reply waits; a reviewer finds
 * it in the review queue, corrects it and approves it; the customer's real mailbox receives the approved text — once,
 * in the thread of their mail — and never the first draft.
 */
@BrowserTest
class ReplyReviewBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aProbationersReplyIsHeldAndOnlyTheTextTheReviewerApprovedReachesTheCustomerOnce(Browser browser) throws Exception {
        var team = data.team("review-story");
        var novice = data.named("Léa Moreau", Role.AGENT, "en", team);
        var reviewer = data.named("Jonas Becker", Role.AGENT, "en", team);
        jdbc.sql("update agent set probation_until = ? where id = ?").params(java.sql.Date.valueOf(LocalDate.now().plusDays(60)), novice.id()).update();
        jdbc.sql("update agent set reviewer = true where id = ?").param(reviewer.id()).update();
        String support = "help@" + TestData.unique("shop") + ".test";
        String customerDomain = TestData.unique("client") + ".test";
        String customer = "claire.martin@" + customerDomain;
        TestMailServer.user(support, "support-pw");
        TestMailServer.user(customer, "customer-pw");
        mailboxes.create(new Mailboxes.MailboxForm(support, "Shop support", team.id(), TestMailServer.imap(support, "support-pw"),
                TestMailServer.smtp(null, null), Mailbox.ClosedReply.REOPEN, false, true), Mailbox.Source.ADMIN);

        String messageId = UUID.randomUUID() + "@" + customerDomain;
        Properties smtp = new Properties();
        smtp.put("mail.smtp.host", "127.0.0.1");
        smtp.put("mail.smtp.port", String.valueOf(TestMailServer.smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(smtp)) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        mail.setFrom(new InternetAddress(customer, "Claire Martin", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(support));
        mail.setSubject("Refund for order 1042", "UTF-8");
        mail.setText("Hello,\n\nI returned the kettle two weeks ago. Where is my refund?\n\nClaire\n", "UTF-8");
        Transport.send(mail);
        long ticketId = await(() -> jdbc.sql("select ticket_id from mail_message where rfc_message_id = ?").param(messageId)
                .query(Long.class).optional(), "the mail to become a ticket");

        // the novice answers: the reply is held, and says so
        browser.signIn(novice.email(), novice.password());
        browser.open("/tickets/" + ticketId);
        browser.find("#composer-body").sendKeys("Hi, your refund is coming soon i think.");
        browser.find("#send-reply").click();
        browser.waitUntil(d -> !browser.findAll("#messages [data-review-state='pending']").isEmpty());
        assertThat(browser.find("#flash").getText()).contains("waits for a reviewer");
        assertThat(browser.find("#messages [data-kind='REPLY']").getText()).contains("Waiting for review", "the author is on probation");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.driver().executeScript("document.querySelector(\"#messages [data-kind='REPLY']\").scrollIntoView({block: 'center'});");
        browser.screenshot("reply-held");
        signOut(browser);

        // the reviewer finds it in the queue, corrects it and approves it
        browser.signIn(reviewer.email(), reviewer.password());
        browser.find("#nav-reviews").click();
        browser.waitUntil(d -> browser.path().equals("/reviews"));
        long reviewId = jdbc.sql("select id from review where ticket_id = ? and state = 'PENDING'").param(ticketId).query(Long.class).single();
        assertThat(browser.find("#review-row-" + reviewId).getText()).contains("Léa Moreau", "the author is on probation");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("review-queue");
        browser.find("#review-open-" + reviewId).click();
        browser.waitUntil(d -> browser.path().equals("/reviews/" + reviewId));
        assertThat(browser.find("#review-ticket").getText()).contains("Refund for order 1042");
        assertThat(browser.find("#review-no-checklist").isDisplayed()).isTrue();
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        var body = browser.find("#review-body");
        body.clear();
        body.sendKeys("Dear Ms Martin,\n\nYour refund of 39.90 EUR left today; it reaches your account within 3 days.");
        browser.find("#review-approve-changes").click();
        browser.waitUntil(d -> browser.path().equals("/reviews"));
        assertThat(browser.find("#flash").getText()).contains("Approved");

        // the customer's mailbox receives the approved text, once, in the thread of her mail
        await(() -> {
            try {
                List<String[]> found = imapInbox(customer, "customer-pw");
                return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found);
            } catch (Exception e) {
                return java.util.Optional.empty();
            }
        }, "the approved reply to reach the customer");
        // its row is sent; a sender round run now, with nothing of the ticket's mail left waiting, sends nothing more
        long replyId = jdbc.sql("select subject_id from review where id = ?").param(reviewId).query(Long.class).single();
        org.regard.support.Eventually.until(() -> "SENT".equals(jdbc.sql("select state from mail_outbox where outbox_key = ?")
                .param("reply:" + replyId).query(String.class).single()), "the reply's row marked sent");
        org.regard.support.Eventually.windowPassed(jdbc, ticketId);
        org.regard.support.Eventually.sendDueMail(context);
        List<String[]> inbox = imapInbox(customer, "customer-pw");
        assertThat(inbox).hasSize(1);
        String[] arrived = inbox.getFirst();
        assertThat(arrived[0]).contains("Refund for order 1042").contains("[#" + ticketId + "]");
        assertThat(arrived[1]).isEqualTo("<" + messageId + ">");
        assertThat(arrived[2]).contains("<" + messageId + ">");
        assertThat(arrived[3]).contains("Your refund of 39.90 EUR left today").doesNotContain("coming soon i think");

        // the author sees what changed
        signOut(browser);
        browser.signIn(novice.email(), novice.password());
        browser.open("/tickets/" + ticketId);
        var diff = browser.find("#messages details.review-diff");
        diff.findElement(By.tagName("summary")).click();
        browser.waitUntil(d -> diff.getText().contains("coming soon i think"));
        assertThat(diff.getText()).contains("Your refund of 39.90 EUR left today");
    }

    private static void signOut(Browser browser) {
        browser.find("header .me form button").click();
        browser.waitUntil(d -> browser.path().startsWith("/login"));
    }

    /** Subject, In-Reply-To, References and text of every message in the address's IMAP inbox. */
    private static List<String[]> imapInbox(String address, String password) throws Exception {
        Properties props = new Properties();
        Session session = Session.getInstance(props);
        List<String[]> found = new ArrayList<>();
        try (Store store = session.getStore("imap")) {
            store.connect("127.0.0.1", TestMailServer.imapPort(), address, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.getMessages()) {
                found.add(new String[]{m.getSubject(), header(m, "In-Reply-To"), header(m, "References"), text(m)});
            }
            inbox.close(false);
        }
        return found;
    }

    private static String header(Message m, String name) throws Exception {
        String[] values = m.getHeader(name);
        return values == null ? "" : String.join(" ", values);
    }

    private static String text(jakarta.mail.Part part) throws Exception {
        if (part.getContent() instanceof jakarta.mail.Multipart multi) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                all.append(text(multi.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return part.isMimeType("text/plain") ? part.getContent().toString() : "";
    }
}
