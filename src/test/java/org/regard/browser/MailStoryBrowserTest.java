package org.regard.browser;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.regard.accounts.Role;
import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;
import org.regard.support.Browser;
import org.regard.support.BrowserTest;
import static org.regard.support.Eventually.await;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer's mail arrives, the agent reads it with the quoted history folded away, answers, and the answer arrives. */
@BrowserTest
class MailStoryBrowserTest {
    @Autowired
    TestData data;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aMailArrivesTheAgentReadsItWithoutTheQuotedHistoryAndTheReplyReachesTheCustomer(Browser browser) throws Exception {
        var team = data.team("mail-story");
        var agent = data.named("Lan Nguyễn", Role.AGENT, "vi", team);
        String support = "hotro@" + TestData.unique("shop") + ".test";
        String customerDomain = TestData.unique("khach") + ".test";
        String customer = "minh.tran@" + customerDomain;
        TestMailServer.user(support, "support-pw");
        mailboxes.create(new Mailboxes.MailboxForm(support, "Cửa hàng – Hỗ trợ", team.id(), TestMailServer.imap(support, "support-pw"),
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
        mail.setFrom(new InternetAddress(customer, "Trần Văn Minh", "UTF-8"));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(support));
        mail.setSubject("Máy in không hoạt động", "UTF-8");
        mail.setText("Chào shop,\n\nMáy in tôi mua tuần trước không in được nữa.\n\nMinh\n\n"
                + "Vào Thứ Hai, Cửa hàng đã viết:\n> Cảm ơn bạn đã mua hàng.\n> Đơn hàng 8812 đã được giao.\n", "UTF-8");
        Transport.send(mail);

        long ticketId = await(() -> jdbc.sql("select ticket_id from mail_message where rfc_message_id = ?").param(messageId)
                .query(Long.class).optional(), "the mail to become a ticket");

        browser.signIn(agent.email(), agent.password());
        browser.open("/tickets/" + ticketId);
        WebElement received = browser.find("#messages [data-kind='CUSTOMER']");
        assertThat(received.getText()).contains("Máy in tôi mua tuần trước không in được nữa").contains(customer);
        WebElement quoted = received.findElement(org.openqa.selenium.By.cssSelector("details.quoted"));
        assertThat(quoted.getAttribute("open")).as("the quoted history starts folded").isNull();
        WebElement quotedText = quoted.findElement(org.openqa.selenium.By.cssSelector(".quoted-text"));
        assertThat(quotedText.isDisplayed()).isFalse();
        quoted.findElement(org.openqa.selenium.By.tagName("summary")).click();
        browser.waitUntil(d -> quotedText.isDisplayed());
        assertThat(quotedText.getText()).contains("Đơn hàng 8812");
        assertThat(browser.seriousAccessibilityProblems()).isEmpty();
        browser.screenshot("mail-ticket");

        browser.find("#composer-body").sendKeys("Chào anh Minh,\n\nAnh vui lòng gửi giúp em số sê-ri của máy in nhé.");
        browser.find("#send-reply").click();
        browser.waitUntil(d -> browser.findAll("#messages [data-kind='REPLY']").size() == 1);
        browser.waitUntil(d -> !browser.findAll("#messages [data-kind='REPLY'] .delivery[data-state='SENT']").isEmpty());

        MimeMessage arrived = await(() -> java.util.Arrays.stream(TestMailServer.get().getReceivedMessagesForDomain(customerDomain)).findFirst(), "the reply to reach the customer");
        assertThat(arrived.getSubject()).contains("Máy in không hoạt động").contains("[#" + ticketId + "]");
        assertThat(arrived.getHeader("In-Reply-To", null)).isEqualTo("<" + messageId + ">");
        assertThat(arrived.getContent().toString()).isNotEmpty();
        assertThat(TestMailServer.get().getReceivedMessagesForDomain(customerDomain)).hasSize(1);
    }

}
