package org.regard.mail;

import org.regard.mail.mailboxes.Mailbox;
import org.regard.mail.mailboxes.Mailboxes;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.regard.accounts.Role;
import org.regard.customers.Customers;
import org.regard.mail.mailboxes.Mailbox.ClosedReply;
import org.regard.mail.mailboxes.Mailbox.Source;
import org.regard.support.IntegrationTest;
import static org.regard.support.Eventually.await;
import org.regard.support.TestData;
import org.regard.support.TestMailServer;
import org.regard.tickets.TicketQueries;
import org.regard.tickets.TicketStatus;
import org.regard.tickets.Tickets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole way round through a real IMAP/SMTP server: a customer's mail becomes a ticket, the agent's reply reaches
 * the customer's mailbox threaded with their message, the customer's answer lands in the same ticket; an
 * out-of-office answer is no touch; a bounce marks the reply failed and the address failing.
 */
@IntegrationTest
class MailRoundTripIntegrationTest {
    @Autowired
    TestData data;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    Tickets tickets;
    @Autowired
    TicketQueries queries;
    @Autowired
    Customers customers;
    @Autowired
    JdbcClient jdbc;

    record Desk(String support, String customer, TestData.TestAgent agent) {
    }

    private Desk desk() {
        var team = data.team("mail-desk");
        var agent = data.agent(Role.AGENT, team);
        String domain = TestData.unique("roundtrip") + ".test";
        String support = "support@" + domain;
        // the customer's own domain: the server's messages "for a domain" are then only the customer's
        String customer = "ana.pereira@" + TestData.unique("customer") + ".test";
        TestMailServer.user(support, "support-pw");
        TestMailServer.user(customer, "customer-pw");
        mailboxes.create(new Mailboxes.MailboxForm(support, "Round Trip Support", team.id(),
                TestMailServer.imap(support, "support-pw"), TestMailServer.smtp(null, null), ClosedReply.REOPEN, false, true), Source.ADMIN);
        return new Desk(support, customer, agent);
    }

    @Test
    void aCustomersMailBecomesATicketTheReplyArrivesThreadedAndTheAnswerLandsInTheSameTicket() throws Exception {
        Desk desk = desk();
        String firstId = id();
        send(desk.customer(), "Ana Pereira", desk.support(), "Mon colis n'est pas arrivé", firstId, null,
                "Bonjour,\n\nMon colis 4471 n'est toujours pas arrivé.\n\nAna\n\nLe lun. 16 nov. 2026, Boutique a écrit :\n> Votre colis est parti.\n");

        long ticketId = await(() -> jdbc.sql("select ticket_id from mail_message where rfc_message_id = ?").param(firstId)
                .query(Long.class).optional(), "the mail to become a ticket");
        var detail = queries.detail(ticketId, desk.agent().principal());
        assertThat(detail.summary().subject()).isEqualTo("Mon colis n'est pas arrivé");
        assertThat(detail.summary().customerName()).isEqualTo("Ana Pereira");
        assertThat(detail.messages()).hasSize(1);
        assertThat(detail.messages().getFirst().body()).contains("toujours pas arrivé").doesNotContain("Votre colis est parti");
        assertThat(detail.summary().touchesIn()).isEqualTo(1);

        tickets.reply(ticketId, "Bonjour Ana,\n\nLe transporteur livre demain matin.", TicketStatus.WAITING, "rt-" + UUID.randomUUID(),
                desk.agent().principal());
        MimeMessage reply = await(() -> inbox(desk.customer()).stream().findFirst(), "the reply to reach the customer");
        assertThat(reply.getSubject()).contains("Mon colis n'est pas arrivé").contains("[#" + ticketId + "]");
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<" + firstId + ">");
        assertThat(reply.getHeader("References", null)).contains("<" + firstId + ">");
        assertThat(((InternetAddress) reply.getFrom()[0]).getAddress()).isEqualTo(desk.support());
        assertThat(((InternetAddress) reply.getFrom()[0]).getPersonal()).isEqualTo("Round Trip Support");
        String ourId = reply.getMessageID().replaceAll("^<|>$", "");
        assertThat(jdbc.sql("select count(*) from mail_message where direction = 'OUT' and rfc_message_id = ?").param(ourId)
                .query(Integer.class).single()).isEqualTo(1);

        send(desk.customer(), "Ana Pereira", desk.support(), "Re: " + reply.getSubject(), id(), ourId,
                "Merci, c'est parfait.\n\n> Le transporteur livre demain matin.\n");
        await(() -> queries.detail(ticketId, desk.agent().principal()).messages().size() == 3 ? Optional.of(true) : Optional.empty(),
                "the answer to land in the same ticket");
        var after = queries.detail(ticketId, desk.agent().principal());
        assertThat(after.summary().status()).as("the customer's answer brings the waiting ticket back").isEqualTo(TicketStatus.OPEN);
        assertThat(after.summary().touchesIn()).isEqualTo(2);
        assertThat(after.summary().touchesOut()).isEqualTo(1);
        assertThat(after.messages().getLast().body()).contains("c'est parfait").doesNotContain("livre demain");
        assertThat(jdbc.sql("select count(*) from ticket where customer_id = ?").param(after.summary().customerId())
                .query(Integer.class).single()).as("no second ticket").isEqualTo(1);
    }

    @Test
    void anOutOfOfficeAnswerIsNoTouchAndABounceMarksTheReplyFailedAndTheAddressFailing() throws Exception {
        Desk desk = desk();
        String firstId = id();
        send(desk.customer(), "Ana Pereira", desk.support(), "Rechnung doppelt", firstId, null, "Die Rechnung kam zweimal.");
        long ticketId = await(() -> jdbc.sql("select ticket_id from mail_message where rfc_message_id = ?").param(firstId)
                .query(Long.class).optional(), "the mail to become a ticket");
        tickets.reply(ticketId, "Wir haben die zweite Rechnung storniert.", TicketStatus.WAITING, "rt-" + UUID.randomUUID(),
                desk.agent().principal());
        MimeMessage reply = await(() -> inbox(desk.customer()).stream().findFirst(), "the reply to reach the customer");
        String ourId = reply.getMessageID().replaceAll("^<|>$", "");

        // an out-of-office notice answering our reply: on the ticket, but no touch and the ticket stays waiting
        sendRaw(desk.support(), "From: Ana Pereira <" + desk.customer() + ">\r\nTo: " + desk.support() + "\r\n"
                + "Subject: Abwesenheitsnotiz: " + reply.getSubject() + "\r\nAuto-Submitted: auto-replied\r\n"
                + "Message-ID: <" + id() + ">\r\nIn-Reply-To: <" + ourId + ">\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nIch bin bis Montag nicht im Büro.\r\n");
        await(() -> queries.detail(ticketId, desk.agent().principal()).messages().size() == 3 ? Optional.of(true) : Optional.empty(),
                "the auto-reply to land on the ticket");
        var afterAutoReply = queries.detail(ticketId, desk.agent().principal());
        assertThat(afterAutoReply.summary().touchesIn()).isEqualTo(1);
        assertThat(afterAutoReply.summary().status()).isEqualTo(TicketStatus.WAITING);
        assertThat(afterAutoReply.messages().getLast().kind().name()).isEqualTo("AUTOMATED");

        // the customer's server says the reply could not be delivered
        String boundary = "dsn-" + UUID.randomUUID();
        sendRaw(desk.support(), "From: Mail Delivery System <MAILER-DAEMON@mx.example.test>\r\nTo: " + desk.support() + "\r\n"
                + "Subject: Undelivered Mail Returned to Sender\r\nAuto-Submitted: auto-replied\r\nMessage-ID: <" + id() + ">\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=\"" + boundary + "\"\r\n\r\n"
                + "--" + boundary + "\r\nContent-Type: text/plain\r\n\r\nYour message could not be delivered: mailbox full.\r\n"
                + "--" + boundary + "\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.example.test\r\n\r\n"
                + "Final-Recipient: rfc822; " + desk.customer() + "\r\nAction: failed\r\nStatus: 5.2.2\r\n"
                + "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full\r\n"
                + "--" + boundary + "\r\nContent-Type: text/rfc822-headers\r\n\r\nMessage-ID: <" + ourId + ">\r\n"
                + "Subject: " + reply.getSubject() + "\r\n--" + boundary + "--\r\n");
        String state = await(() -> jdbc.sql("select state from mail_outbox where rfc_message_id = ? and state = 'FAILED'").param(ourId)
                .query(String.class).optional(), "the bounce to mark the reply failed");
        assertThat(state).isEqualTo("FAILED");
        assertThat(jdbc.sql("select last_error from mail_outbox where rfc_message_id = ?").param(ourId).query(String.class).single())
                .containsIgnoringCase("mailbox full");
        var card = customers.card(queries.detail(ticketId, desk.agent().principal()).summary().customerId()).orElseThrow();
        assertThat(card.failingAddresses()).extracting(Customers.FailingAddress::email).containsExactly(desk.customer());
        var afterBounce = queries.detail(ticketId, desk.agent().principal());
        assertThat(afterBounce.summary().touchesIn()).as("a bounce is no touch").isEqualTo(1);
        assertThat(afterBounce.summary().status()).as("the team must act on a bounce").isEqualTo(TicketStatus.OPEN);
    }

    private static String id() {
        return UUID.randomUUID() + "@customer.example.test";
    }

    private static void send(String from, String name, String to, String subject, String messageId, String inReplyTo, String body)
            throws Exception {
        Session session = Session.getInstance(smtpProperties());
        MimeMessage m = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        m.setFrom(new InternetAddress(from, name, "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        if (inReplyTo != null) {
            m.setHeader("In-Reply-To", "<" + inReplyTo + ">");
            m.setHeader("References", "<" + inReplyTo + ">");
        }
        m.setText(body, "UTF-8");
        Transport.send(m);
    }

    private static void sendRaw(String to, String raw) throws Exception {
        Session session = Session.getInstance(smtpProperties());
        MimeMessage m = new MimeMessage(session, new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            @Override
            protected void updateMessageID() {
                // keep the Message-ID as written
            }
        };
        Transport.send(m, new InternetAddress[]{new InternetAddress(to)});
    }

    private static Properties smtpProperties() {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(TestMailServer.smtpPort()));
        return p;
    }

    private static List<MimeMessage> inbox(String address) {
        return Arrays.stream(TestMailServer.get().getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1))).toList();
    }

}
