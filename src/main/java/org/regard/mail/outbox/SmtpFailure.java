package org.regard.mail.outbox;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What went wrong talking to an SMTP server: the server's reply code (0 when it never answered, e.g. it could not be
 * reached) and its reply text. A 5xx reply is permanent; anything else may work later.
 *
 * @param code   the SMTP reply code, or 0 when there was none
 * @param reason the server's reply, or what kept Regard from reaching it (never a password)
 */
record SmtpFailure(int code, String reason) {
    private static final Pattern CODE = Pattern.compile("(?:^|response: |\\n)([2-5]\\d\\d)[ \\-]");
    private static final int LONGEST_REASON = 2000;

    boolean permanent() {
        return code >= 500 && code < 600;
    }

    static SmtpFailure of(MessagingException e) {
        Throwable t = e;
        int depth = 0;
        MessagingException withCode = null;
        while (t != null && depth++ < 10) {
            if (t instanceof SMTPSendFailedException || t instanceof SMTPAddressFailedException || t instanceof SMTPSenderFailedException) {
                withCode = (MessagingException) t;
            }
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        if (withCode != null) {
            return new SmtpFailure(returnCode(withCode), text(withCode));
        }
        String message = text(e);
        Matcher m = CODE.matcher(message);
        if (m.find()) {
            return new SmtpFailure(Integer.parseInt(m.group(1)), message);
        }
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        return new SmtpFailure(0, cause == null ? message : message + " (" + text(cause) + ")");
    }

    private static int returnCode(MessagingException e) {
        return switch (e) {
            case SMTPSendFailedException s -> s.getReturnCode();
            case SMTPAddressFailedException a -> a.getReturnCode();
            case SMTPSenderFailedException s -> s.getReturnCode();
            default -> 0;
        };
    }

    private static String text(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
    }

    static String clip(String reason) {
        return reason == null || reason.length() <= LONGEST_REASON ? reason : reason.substring(0, LONGEST_REASON);
    }
}
