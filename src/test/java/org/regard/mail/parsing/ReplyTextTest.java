package org.regard.mail.parsing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.regard.mail.parsing.TestMails.html;
import static org.regard.mail.parsing.TestMails.plain;

class ReplyTextTest {

    @Test
    void anEnglishTopPostedReplyFoldsTheQuotedHistory() {
        InboundMessage message = plain(
                "Thanks, that fixed it.",
                "",
                "On Mon, 2 Jun 2025 at 09:14, Regard Support <support@regard.example> wrote:",
                "> Could you restart the printer?",
                ">",
                "> Best regards");

        assertThat(message.visibleText()).isEqualTo("Thanks, that fixed it.");
        assertThat(message.quotedText()).startsWith("On Mon, 2 Jun 2025 at 09:14").contains("> Could you restart");
    }

    @Test
    void aFrenchReplyFoldsLeAEcrit() {
        InboundMessage message = plain(
                "Merci, l'imprimante fonctionne de nouveau.",
                "",
                "Le lun. 2 juin 2025 à 09:14, Support Regard <support@regard.example> a écrit :",
                "> Pouvez-vous redémarrer l'imprimante ?");

        assertThat(message.visibleText()).isEqualTo("Merci, l'imprimante fonctionne de nouveau.");
    }

    @Test
    void aGermanReplyFoldsAmSchriebOverTwoLines() {
        InboundMessage message = plain(
                "Danke, jetzt geht es wieder.",
                "",
                "Am 02.06.2025 um 09:14 schrieb Regard Support",
                "<support@regard.example>:",
                "> Bitte starten Sie den Drucker neu.");

        assertThat(message.visibleText()).isEqualTo("Danke, jetzt geht es wieder.");
        assertThat(message.quotedText()).contains("Bitte starten Sie den Drucker neu.");
    }

    @Test
    void aVietnameseReplyFoldsDaViet() {
        InboundMessage message = plain(
                "Cảm ơn, máy in đã hoạt động lại.",
                "",
                "Vào Th 2, 2 thg 6, 2025 lúc 09:14 Hỗ trợ Regard <support@regard.example> đã viết:",
                "> Bạn có thể khởi động lại máy in không?");

        assertThat(message.visibleText()).isEqualTo("Cảm ơn, máy in đã hoạt động lại.");
    }

    @Test
    void outlookOriginalMessageSeparatorFoldsEverythingBelow() {
        InboundMessage message = plain(
                "Please cancel my order.",
                "",
                "-----Original Message-----",
                "From: Shop <shop@example.com>",
                "Sent: Monday, June 2, 2025 9:14 AM",
                "Subject: Your order",
                "",
                "Your order has shipped.");

        assertThat(message.visibleText()).isEqualTo("Please cancel my order.");
        assertThat(message.quotedText()).startsWith("-----Original Message-----").endsWith("Your order has shipped.");
    }

    @Test
    void anOutlookHeaderBlockInGermanFoldsEverythingBelow() {
        InboundMessage message = plain(
                "Bitte stornieren.",
                "",
                "________________________________",
                "Von: Shop <shop@example.de>",
                "Gesendet: Montag, 2. Juni 2025 09:14",
                "An: Anna Schmidt",
                "Betreff: Ihre Bestellung",
                "",
                "Ihre Bestellung ist unterwegs.");

        assertThat(message.visibleText()).isEqualTo("Bitte stornieren.");
        assertThat(message.quotedText()).startsWith("________________________________");
    }

    @Test
    void inlineAnswersKeepTheQuestionsTheyAnswerAndFoldTheRest() {
        InboundMessage message = plain(
                "On Mon, 2 Jun 2025 at 09:14, Support <support@regard.example> wrote:",
                "> Which model is it?",
                "",
                "An HP LaserJet 4000.",
                "",
                "> Is it connected by USB?",
                "",
                "No, by network.",
                "",
                "> Kind regards,",
                "> Support");

        assertThat(message.visibleText()).isEqualTo("On Mon, 2 Jun 2025 at 09:14, Support <support@regard.example> wrote:\n"
                + "> Which model is it?\n\nAn HP LaserJet 4000.\n\n> Is it connected by USB?\n\nNo, by network.");
        assertThat(message.quotedText()).isEqualTo("> Kind regards,\n> Support");
    }

    @Test
    void signaturesAreFolded() {
        assertThat(plain("The invoice is wrong.", "", "-- ", "Anna Schmidt", "Example GmbH").visibleText())
                .isEqualTo("The invoice is wrong.");
        assertThat(plain("The invoice is wrong.", "", "Sent from my iPhone").visibleText())
                .isEqualTo("The invoice is wrong.");
        assertThat(plain("La facture est fausse.", "", "Envoyé de mon iPhone").visibleText())
                .isEqualTo("La facture est fausse.");
        assertThat(plain("Die Rechnung ist falsch.", "", "Von meinem iPhone gesendet").visibleText())
                .isEqualTo("Die Rechnung ist falsch.");
        assertThat(plain("Hóa đơn bị sai.", "", "Gửi từ iPhone của tôi").visibleText())
                .isEqualTo("Hóa đơn bị sai.");
        // the sender's own name closing the message
        InboundMessage named = plain("Die Rechnung ist falsch.", "", "Viele Grüße", "Anna Schmidt");
        assertThat(named.visibleText()).isEqualTo("Die Rechnung ist falsch.");
        assertThat(named.quotedText()).isEqualTo("Viele Grüße\nAnna Schmidt");
    }

    @Test
    void aSentenceThatMerelyStartsLikeASignatureStays() {
        InboundMessage message = plain("Sent from my desk, which is easier than from my phone.", "",
                "And here is a fix -- not a signature.");

        assertThat(message.visibleText())
                .isEqualTo("Sent from my desk, which is easier than from my phone.\n\nAnd here is a fix -- not a signature.");
        assertThat(message.quotedText()).isEmpty();
    }

    @Test
    void aForwardedMessageIsNeverFolded() {
        InboundMessage message = plain(
                "FYI, see below.",
                "",
                "---------- Forwarded message ---------",
                "From: Bank <noreply@bank.example>",
                "Date: Mon, 2 Jun 2025 at 09:14",
                "Subject: Payment failed",
                "To: <anna@example.com>",
                "",
                "Your payment failed.");

        assertThat(message.visibleText()).endsWith("Your payment failed.");
        assertThat(message.quotedText()).isEmpty();
    }

    @Test
    void aMessageForwardedWithFwInTheSubjectIsShownWhole() {
        InboundMessage message = TestMails.parse(
                "From: Anna Schmidt <anna@example.com>",
                "Subject: WG: Ihre Rechnung",
                "Content-Type: text/plain; charset=utf-8",
                "",
                "Bitte prüfen.",
                "",
                "-----Ursprüngliche Nachricht-----",
                "Von: Billing <billing@shop.example>",
                "Gesendet: Montag, 2. Juni 2025 09:14",
                "Betreff: Ihre Rechnung",
                "",
                "Anbei Ihre Rechnung.");

        assertThat(message.visibleText()).startsWith("Bitte prüfen.").endsWith("Anbei Ihre Rechnung.");
        assertThat(message.quotedText()).isEmpty();
    }

    @Test
    void aSentenceStartingWithTheSendersNameIsNotASignature() {
        InboundMessage message = plain("Please call back.", "", "Anna will be in the office tomorrow morning.");

        assertThat(message.visibleText()).isEqualTo("Please call back.\n\nAnna will be in the office tomorrow morning.");
    }

    @Test
    void htmlSignatureBlocksAreFolded() {
        InboundMessage message = html(
                "<div dir=\"ltr\">Le colis n'est pas arrivé.<br clear=\"all\"><br>",
                "<div dir=\"ltr\" class=\"gmail_signature\"><div>Anna Schmidt</div><div>Example GmbH</div></div></div>");

        assertThat(message.visibleText()).isEqualTo("Le colis n'est pas arrivé.");
        assertThat(message.quotedText()).contains("Example GmbH");
    }

    @Test
    void aVeryLongBodyKeepsEveryLine() {
        String[] body = new String[30_001];
        for (int i = 0; i < 30_000; i++) {
            body[i] = "log line " + i;
        }
        body[30_000] = "last line";

        InboundMessage message = plain(body);

        assertThat(message.visibleText()).startsWith("log line 0\n").endsWith("last line");
        assertThat(message.quotedText()).isEmpty();
    }

    @Test
    void aMessageThatIsAllQuoteIsShownWhole() {
        InboundMessage message = plain("> just a quote", "> nothing else");

        assertThat(message.visibleText()).isEqualTo("> just a quote\n> nothing else");
        assertThat(message.quotedText()).isEmpty();
    }

    @Test
    void gmailHtmlRepliesFoldTheGmailQuote() {
        InboundMessage message = html(
                "<div dir=\"ltr\">Merci beaucoup !<br><br>Anna</div><br>",
                "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">Le lun. 2 juin 2025 à 09:14,",
                " Support &lt;<a href=\"mailto:support@regard.example\">support@regard.example</a>&gt; a écrit :<br></div>",
                "<blockquote class=\"gmail_quote\" style=\"margin:0 0 0 .8ex;border-left:1px #ccc solid\">",
                "Votre colis est parti.</blockquote></div>");

        assertThat(message.visibleText()).isEqualTo("Merci beaucoup !");
        assertThat(message.quotedText()).contains("Votre colis est parti.");
    }

    @Test
    void appleAndThunderbirdCitationsAreFolded() {
        InboundMessage message = html(
                "<div>Passt, danke.</div><div><br><blockquote type=\"cite\">",
                "<div>Am 02.06.2025 um 09:14 schrieb Support &lt;support@regard.example&gt;:</div>",
                "<div>Ist das Problem gelöst?</div></blockquote></div>");

        assertThat(message.visibleText()).isEqualTo("Passt, danke.");
    }

    @Test
    void outlookHtmlRepliesAreCutAtTheReplyHeader() {
        InboundMessage message = html(
                "<div><p class=\"MsoNormal\">Xin vui lòng gửi lại hóa đơn.</p></div>",
                "<div id=\"appendonsend\"></div><hr style=\"display:inline-block;width:98%\">",
                "<div id=\"divRplyFwdMsg\"><b>Từ:</b> Support<br><b>Đã gửi:</b> Thứ Hai<br></div>",
                "<div>Hóa đơn của bạn đã được gửi.</div>");

        assertThat(message.visibleText()).isEqualTo("Xin vui lòng gửi lại hóa đơn.");
        assertThat(message.quotedText()).contains("Hóa đơn của bạn đã được gửi.");
    }

    @Test
    void anIndentingBlockquoteThatIsNotAQuoteStays() {
        InboundMessage message = html(
                "<div>Hier die Schritte:</div><blockquote style=\"margin:0 0 0 40px;border:none\">1. Neustart</blockquote>",
                "<div>Danach geht es nicht.</div><blockquote type=\"cite\">alte Nachricht</blockquote>");

        assertThat(message.visibleText()).isEqualTo("Hier die Schritte:\n1. Neustart\nDanach geht es nicht.");
        InboundMessage indentedLast = html("<div>Schritte:</div><blockquote style=\"margin:0 0 0 40px;border:none\">"
                + "1. Neustart</blockquote>");
        assertThat(indentedLast.visibleText()).isEqualTo("Schritte:\n1. Neustart");
    }
}
