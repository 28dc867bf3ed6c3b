package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.parsing.TestMails.parse;

class AutomationSignalsTest {

    @Test
    void aPersonWritingIsNotAutomated() {
        InboundMessage message = parse("From: anna@example.com", "Subject: Re: Out of paper", "Auto-Submitted: no", "",
                "The printer is out of paper.");

        assertThat(message.autoReply()).isFalse();
        assertThat(message.bounce()).isFalse();
        assertThat(message.loop()).isFalse();
        assertThat(message.automated()).isFalse();
    }

    @Test
    void autoSubmittedAndAutoResponderHeadersMarkAnAutoReply() {
        assertThat(parse("Auto-Submitted: auto-replied", "", "x").autoReply()).isTrue();
        assertThat(parse("Auto-Submitted: auto-generated; owner-email=\"a@example.com\"", "", "x").autoReply()).isTrue();
        assertThat(parse("X-Autoreply: yes", "", "x").autoReply()).isTrue();
        assertThat(parse("X-Autorespond: Urlaub", "", "x").autoReply()).isTrue();
        assertThat(parse("Precedence: bulk", "", "x").autoReply()).isTrue();
        assertThat(parse("Precedence: auto_reply", "", "x").autoReply()).isTrue();
        assertThat(parse("X-Auto-Response-Suppress: All", "", "x").autoReply()).isTrue();
        assertThat(parse("Precedence: list", "", "x").autoReply()).isFalse();
    }

    @Test
    void outOfOfficeSubjectsMarkAnAutoReplyInManyLanguages() {
        assertThat(parse("Subject: Out of Office: Printer broken", "", "x").autoReply()).isTrue();
        assertThat(parse("Subject: Automatic reply: Printer broken", "", "x").autoReply()).isTrue();
        assertThat(parse("Subject: Abwesenheitsnotiz: Drucker defekt", "", "x").autoReply()).isTrue();
        assertThat(parse("Subject: Réponse automatique : Imprimante en panne", "", "x").autoReply()).isTrue();
        assertThat(parse("Subject: =?UTF-8?Q?Tr=E1=BA=A3_l=E1=BB=9Di_t=E1=BB=B1_=C4=91=E1=BB=99ng=3A_M=C3=A1y_in?=", "",
                "x").autoReply()).isTrue();
        assertThat(parse("Subject: Re: my office printer is out of toner", "", "x").autoReply()).isFalse();
    }

    @Test
    void aDeliveryStatusNotificationIsABounceWithTheFailedRecipients() {
        InboundMessage message = parse(
                "From: Mail Delivery System <MAILER-DAEMON@mx.regard.example>",
                "Subject: Undelivered Mail Returned to Sender",
                "Auto-Submitted: auto-replied",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"",
                "",
                "--r",
                "Content-Type: text/plain; charset=us-ascii",
                "",
                "I'm sorry to have to inform you that your message could not be delivered.",
                "--r",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.regard.example",
                "",
                "Final-Recipient: rfc822; nobody@example.com",
                "Original-Recipient: rfc822;nobody@example.com",
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.com>: Recipient address",
                "    rejected: User unknown",
                "",
                "Final-Recipient: rfc822; anna@example.com",
                "Action: delivered",
                "Status: 2.0.0",
                "--r",
                "Content-Type: message/rfc822",
                "",
                "From: Support <support@regard.example>",
                "Message-ID: <ticket-17-reply-3@regard.example>",
                "Subject: Your ticket",
                "",
                "Hello",
                "--r--");

        assertThat(message.bounce()).isTrue();
        assertThat(message.failedRecipients()).containsExactly(new FailedRecipient("nobody@example.com", "5.1.1",
                "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"));
        assertThat(message.bouncedMessageId()).contains("ticket-17-reply-3@regard.example");
        assertThat(message.attachments()).extracting(MailAttachment::fileName)
                .containsExactly("delivery-status.txt", "Your ticket.eml");
        assertThat(message.textBody()).doesNotContain("Hello");
    }

    @Test
    void aDelayNoticeIsAnAutoReplyNotABounce() {
        InboundMessage message = parse(
                "From: Mail Delivery Subsystem <mailer-daemon@example.com>",
                "Subject: Delivery Status Notification (Delay)",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"",
                "",
                "--r",
                "Content-Type: text/plain",
                "",
                "Delivery is delayed.",
                "--r",
                "Content-Type: message/delivery-status",
                "",
                "Final-Recipient: rfc822; slow@example.de",
                "Action: delayed",
                "Status: 4.4.1",
                "--r--");

        assertThat(message.bounce()).isFalse();
        assertThat(message.autoReply()).isTrue();
        assertThat(message.failedRecipients()).isEmpty();
    }

    @Test
    void aPlainTextBounceFromTheMailerDaemonNamesTheFailedRecipient() {
        InboundMessage message = parse(
                "From: MAILER-DAEMON@mx.example.com (Mail Delivery System)",
                "Subject: Undelivered Mail Returned to Sender",
                "Content-Type: text/plain",
                "",
                "This is the mail system at host mx.example.com.",
                "",
                "I'm sorry to have to inform you that your message could not",
                "be delivered to one or more recipients.",
                "",
                "<gone@example.org>: host mx.example.org[192.0.2.1] said: 550 5.1.1",
                "    <gone@example.org>: Recipient address rejected: User unknown (in reply to",
                "    RCPT TO command)",
                "",
                "Message-ID: <original-42@regard.example>");

        assertThat(message.bounce()).isTrue();
        assertThat(message.failedRecipients()).singleElement().satisfies(failed -> {
            assertThat(failed.address()).isEqualTo("gone@example.org");
            assertThat(failed.status()).isEqualTo("5.1.1");
            assertThat(failed.diagnostic()).contains("User unknown");
        });
        assertThat(message.bouncedMessageId()).contains("original-42@regard.example");
    }

    @Test
    void aCustomerForwardingABounceIsNotABounce() {
        InboundMessage message = parse("From: anna@example.com", "Subject: Fwd: Undelivered Mail Returned to Sender", "",
                "Why did this bounce?");

        assertThat(message.bounce()).isFalse();
    }

    @Test
    void regardsOwnLoopHeaderMarksALoop() {
        InboundMessage message = parse("From: support@regard.example", MailParser.LOOP_HEADER + ": instance-1",
                "Subject: Re: Your ticket", "", "x");

        assertThat(message.loop()).isTrue();
        assertThat(message.automated()).isTrue();
    }
}
