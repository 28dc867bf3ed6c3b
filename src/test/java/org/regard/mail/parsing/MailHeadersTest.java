package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.parsing.TestMails.parse;
import static org.regard.mail.parsing.TestMails.raw;

class MailHeadersTest {

    private final MailParser parser = new MailParser();

    @Test
    void threadingHeadersAreReadWithoutAngleBrackets() {
        InboundMessage message = parse(
                "Message-ID: <reply-2@mail.example.com>",
                "In-Reply-To: <ticket-17@regard.example> (Anna's message of Monday)",
                "References: <first@mail.example.com>",
                " <ticket-17@regard.example>",
                "Subject: Re: Drucker",
                "",
                "Danke!");

        assertThat(message.messageId()).contains("reply-2@mail.example.com");
        assertThat(message.inReplyTo()).contains("ticket-17@regard.example");
        assertThat(message.references()).containsExactly("first@mail.example.com", "ticket-17@regard.example");
    }

    @Test
    void encodedSubjectsAreDecodedWhateverTheCharsetAndFolding() {
        assertThat(parse("Subject: =?UTF-8?B?TcOheSBpbiBraMO0bmcgaG/huqF0IMSR4buZbmc=?=", "", "x").subject())
                .isEqualTo("Máy in không hoạt động");
        assertThat(parse("Subject: =?ISO-8859-1?Q?Pr=FCfung_der_R=E9clamation?=", "", "x").subject())
                .isEqualTo("Prüfung der Réclamation");
        // a character split across two encoded words, the words folded over two lines
        assertThat(parse("Subject: =?UTF-8?Q?Tr=E1=BA?=", " =?UTF-8?Q?=A3_l=E1=BB=9Di?= ngay", "", "x").subject())
                .isEqualTo("Trả lời ngay");
        assertThat(parse("Subject: Re: =?iso-2022-jp?B?GyRCJWElayVeJSwycj18GyhC?=", "", "x").subject())
                .isEqualTo("Re: メルマガ解除");
        assertThat(parse("Subject: Votre commande", "\tn° 42 est partie", "", "x").subject())
                .isEqualTo("Votre commande n° 42 est partie");
    }

    @Test
    void unencodedUtf8AndLatin1HeadersAreReadToo() {
        InboundMessage utf8 = parser.parse(raw("From: Hùng Nguyễn <hung@example.vn>", "Subject: Xin chào", "", "x"));
        assertThat(utf8.subject()).isEqualTo("Xin chào");
        assertThat(utf8.from()).contains(new MailAddress("hung@example.vn", "Hùng Nguyễn"));

        InboundMessage latin1 = parser.parse(raw(StandardCharsets.ISO_8859_1, "Subject: Grüße aus Köln", "", "x"));
        assertThat(latin1.subject()).isEqualTo("Grüße aus Köln");
    }

    @Test
    void senderNamesAreUnquotedDecodedAndTakenFromComments() {
        assertThat(parse("From: \"Müller, Bernd\" <bernd.mueller@example.de>", "", "x").from())
                .contains(new MailAddress("bernd.mueller@example.de", "Müller, Bernd"));
        assertThat(parse("From: =?UTF-8?Q?C=C3=A9line_Dupont?= <celine@example.fr>", "", "x").from())
                .contains(new MailAddress("celine@example.fr", "Céline Dupont"));
        assertThat(parse("From: marc@example.com (Marc Smith)", "", "x").from())
                .contains(new MailAddress("marc@example.com", "Marc Smith"));
        assertThat(parse("From: plain@example.com", "", "x").from())
                .contains(new MailAddress("plain@example.com", ""));
        // an encoded word that hides a comma is one name, not two addresses
        assertThat(parse("From: =?iso-8859-1?Q?B=FCrling, Andreas?= <andreas@example.de>", "", "x").from())
                .contains(new MailAddress("andreas@example.de", "Bürling, Andreas"));
    }

    @Test
    void recipientListsKeepEveryAddressAndSkipGroupNames() {
        InboundMessage message = parse(
                "To: support@regard.example, \"Lê Thị Hoa\" <hoa@example.vn>",
                "Cc: Team: jean@example.fr, <ines@example.pt>;, undisclosed-recipients:;",
                "Reply-To: Billing <billing@example.com>",
                "",
                "x");

        assertThat(message.to()).containsExactly(new MailAddress("support@regard.example", ""),
                new MailAddress("hoa@example.vn", "Lê Thị Hoa"));
        assertThat(message.cc()).extracting(MailAddress::address).containsExactly("jean@example.fr", "ines@example.pt");
        assertThat(message.replyTo()).containsExactly(new MailAddress("billing@example.com", "Billing"));
    }

    @Test
    void datesAreReadInStandardAndObsoleteForms() {
        assertThat(parse("Date: Tue, 3 Jun 2025 11:05:30 +0200", "", "x").date())
                .contains(OffsetDateTime.of(2025, 6, 3, 11, 5, 30, 0, ZoneOffset.ofHours(2)));
        assertThat(parse("Date: Wed, 11 Feb 98 11:51 CST", "", "x").date())
                .contains(OffsetDateTime.of(1998, 2, 11, 11, 51, 0, 0, ZoneOffset.ofHours(-6)));
        assertThat(parse("Date: 23 Aug 2018 03:22:44 -0700 (PDT)", "", "x").date())
                .contains(OffsetDateTime.of(2018, 8, 23, 3, 22, 44, 0, ZoneOffset.ofHours(-7)));
        InboundMessage unreadable = parse("Date: sometime last week", "", "x");
        assertThat(unreadable.date()).isEmpty();
        assertThat(unreadable.parseWarnings()).contains("the Date header could not be read");
    }
}
