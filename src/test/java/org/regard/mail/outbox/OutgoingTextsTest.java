package org.regard.mail.outbox;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The small rules of outgoing mail: subjects, the HTML version, pauses between attempts, reading SMTP refusals. */
class OutgoingTextsTest {

    @Test
    void aReplySubjectGetsOneReAndOneToken() {
        assertThat(Outbox.replySubject("Printer jams", 42)).isEqualTo("Re: Printer jams [#42]");
        assertThat(Outbox.replySubject("re: Printer jams", 42)).isEqualTo("re: Printer jams [#42]");
        assertThat(Outbox.replySubject("Re: Printer jams [#42]", 42)).isEqualTo("Re: Printer jams [#42]");
        assertThat(Outbox.replySubject("Printer [#41] jams", 42)).isEqualTo("Re: Printer [#41] jams [#42]");
        assertThat(Outbox.replySubject("Two\r\nlines", 7)).isEqualTo("Re: Two lines [#7]");
    }

    @Test
    void theHtmlVersionEscapesEverythingAndKeepsParagraphsAndLineBreaks() {
        String html = OutgoingMail.html("Hi <script>alert(1)</script>,\r\n\r\nline one\nline \"two\" & more\n\n\n<img src=http://x>");
        assertThat(html).contains("<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;,</p>")
                .contains("<p>line one<br>\nline &quot;two&quot; &amp; more</p>")
                .contains("<p>&lt;img src=http://x&gt;</p>")
                .doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void pausesDoubleFromThirtySecondsUpToAnHour() {
        assertThat(MailSender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(MailSender.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(MailSender.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(MailSender.backoff(8)).isEqualTo(Duration.ofHours(1));
        assertThat(MailSender.backoff(100)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void refusalsAreReadFromTheServersReply() throws Exception {
        SMTPAddressFailedException rejected = new SMTPAddressFailedException(new InternetAddress("a@b.test"), "RCPT TO:<a@b.test>",
                550, "550 5.1.1 No such user");
        SendFailedException wrapped = new SendFailedException("Invalid Addresses", rejected);
        assertThat(SmtpFailure.of(wrapped)).isEqualTo(new SmtpFailure(550, "550 5.1.1 No such user"));
        assertThat(SmtpFailure.of(wrapped).permanent()).isTrue();

        SmtpFailure busy = SmtpFailure.of(new MessagingException("Got bad greeting from SMTP host: x, port: 25, response: 421 4.3.2 Busy"));
        assertThat(busy.code()).isEqualTo(421);
        assertThat(busy.permanent()).isFalse();

        SmtpFailure unreachable = SmtpFailure.of(new MailConnectException(new org.eclipse.angus.mail.util.SocketConnectException(
                "Connection refused", new ConnectException("Connection refused"), "127.0.0.1", 1, 1000)));
        assertThat(unreachable.code()).isZero();
        assertThat(unreachable.permanent()).isFalse();
        assertThat(unreachable.reason()).contains("127.0.0.1");
    }
}
