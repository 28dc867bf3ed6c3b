package org.regard.mail.parsing;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Recognises automatic replies: RFC 3834 {@code Auto-Submitted}, the headers auto-responders and Exchange add, bulk
 * precedence, and out-of-office subjects in the languages Regard's customers write.
 */
final class AutoReplies {

    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile(
            "^(?:(?:re|aw|fw|fwd|wg|tr)\\s*:\\s*)*(?:"
                    + "out of (?:the )?office|auto(?:matic)?[- ]?(?:reply|response|answer)|autoreply|auto:|"
                    + "i am out of the office|i'm out of the office|on vacation|on leave|away from (?:the )?office|"
                    + "abwesenheitsnotiz|abwesenheit|automatische antwort|automatische rückantwort|nicht im büro|"
                    + "außer haus|ausser haus|urlaubsabwesenheit|"
                    + "réponse automatique|reponse automatique|absence du bureau|absent du bureau|"
                    + "message d'absence|en congés?|"
                    + "trả lời tự động|vắng mặt|không có mặt tại văn phòng|thư trả lời tự động|"
                    + "respuesta automática|fuera de la oficina|risposta automatica|fuori sede|fuori ufficio|"
                    + "automatisch antwoord|afwezig|niet aanwezig|autosvar|frånvaro|fraværende|"
                    + "resposta automática|ausente|poza biurem|odpowiedź automatyczna|автоответ|"
                    + "自動応答|自动回复|不在)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private AutoReplies() {
    }

    static boolean isAutoReply(HeaderFields headers, String subject) {
        Optional<String> autoSubmitted = headers.first("Auto-Submitted");
        if (autoSubmitted.isPresent() && !autoSubmitted.get().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (headers.has("X-Autoreply") || headers.has("X-Autorespond") || headers.has("X-Autoresponder")
                || headers.has("X-Auto-Reply") || headers.has("X-AutoReply-From") || headers.has("X-Mail-Autoreply")
                || headers.has("X-FC-MachineGenerated")) {
            return true;
        }
        String precedence = headers.first("Precedence").orElse("").toLowerCase(Locale.ROOT);
        if (precedence.equals("bulk") || precedence.equals("junk") || precedence.equals("auto_reply")) {
            return true;
        }
        String suppress = headers.first("X-Auto-Response-Suppress").orElse("").toLowerCase(Locale.ROOT);
        if (!suppress.isEmpty() && !suppress.equals("none")) {
            return true;
        }
        return OUT_OF_OFFICE_SUBJECT.matcher(subject.strip()).lookingAt();
    }
}
