package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates what the writer of a reply wrote from what they quoted and from their signature.
 * <p>
 * History starts at an "original message" separator, an Outlook-style header block (From/Sent/To/Subject in many
 * languages) or an attribution line ("On … wrote:", "Le … a écrit :", "Am … schrieb …:", "Vào … đã viết:" …) that
 * is followed by unquoted text: everything from there on is folded. Quoted blocks ({@code >} lines, quoting
 * blockquotes) with their attribution line are folded too — unless the writer answered between them (inline
 * replies), where only the quotes after the last answer are folded. A signature (the {@code -- } delimiter, a
 * mailing-list footer, "Sent from my iPhone" and its cousins, a short closing block naming the sender) is folded
 * when it ends the writer's text. Forwarded messages are never folded: the writer wants them read.
 */
final class ReplyText {

    /** The writer's text and the folded rest. */
    record Split(String visible, String folded) {
    }

    /** Who sent the message, to recognise a signature that names them. */
    record Sender(String name, String address) {
        static final Sender UNKNOWN = new Sender("", "");
    }

    private static final int MAX_LINES = 20_000;
    private static final int MAX_SIGNATURE_LINES = 15;

    private static final Pattern FORWARD = Pattern.compile(
            "^(?:[-_=*\\s]{2,}\\s*(?:forwarded message|forwarded e-?mail|weitergeleitete nachricht|message transf[ée]r[ée]"
                    + "|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|videresendt meddelelse"
                    + "|vidarebefordrat meddelande|thư chuyển tiếp|thư đã chuyển tiếp|tin nhắn đã chuyển tiếp)"
                    + "\\s*[-_=*]*"
                    + "|begin forwarded message\\s*:|anfang der weitergeleiteten nachricht\\s*:"
                    + "|d[ée]but du message r[ée]exp[ée]di[ée]\\s*:)\\s*$", Pattern.CASE_INSENSITIVE);

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^[-_=*\\s]{2,}\\s*(?:original message|reply message|original e-?mail|urspr[üu]ngliche nachricht"
                    + "|originalnachricht|antwort nachricht|oprindelig meddelelse|opprinnelig melding"
                    + "|ursprungligt meddelande|message d'origine|message original|mensaje original"
                    + "|messaggio originale|mensagem original|oorspronkelijk bericht|wiadomo[śs][ćc] oryginalna"
                    + "|tin nhắn gốc|thư gốc|исходное сообщение|alkuperäinen viesti)\\s*[-_=*\\s]{2,}$",
            Pattern.CASE_INSENSITIVE);

    private static final String FROM_LABELS = "from|de|von|fra|från|van|od|da|từ|от|lähettäjä|feladó|kimden";
    private static final String SENT_LABELS = "sent|date|datum|gesendet|envoyé|enviado|enviada em|sendt|skickat"
            + "|verzonden|wysłano|inviato|đã gửi|ngày|gửi|отправлено|дата|data|dátum|päivämäärä|lähetetty|tarih";
    private static final String TO_LABELS = "to|à|a|an|til|till|aan|do|para|đến|кому|vastaanottaja|címzett|kime";
    private static final String SUBJECT_LABELS = "subject|objet|betreff|emne|ämne|onderwerp|temat|asunto|oggetto"
            + "|assunto|chủ đề|тема|aihe|tárgy|konu";
    private static final String CC_LABELS = "cc|kopie|copie à|kopia|cc\\.";

    private static final Pattern FROM_LABEL = Pattern.compile(FROM_LABELS);
    private static final Pattern SENT_LABEL = Pattern.compile(SENT_LABELS);
    private static final Pattern SUBJECT_LABEL = Pattern.compile(SUBJECT_LABELS);
    private static final Pattern CC_LABEL = Pattern.compile(CC_LABELS);

    private static final Pattern HEADER_LABEL = Pattern.compile(
            "^[*_\\s]*(" + FROM_LABELS + "|" + SENT_LABELS + "|" + TO_LABELS + "|" + SUBJECT_LABELS + "|" + CC_LABELS
                    + ")[*_]*\\s*:(?:[*_]*)(.*)$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern SECOND_LABEL_ON_LINE = Pattern.compile(
            "\\s(" + SENT_LABELS + "|" + SUBJECT_LABELS + ")[*_]*\\s*:", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern ATTRIBUTION_START = Pattern.compile(
            "^[-\\s]*(?:(?:on|le|am|vào|op|w dniu|den|på|el|il|em|no dia)(?:\\s|$)|\\d|\\p{L}{2,3}\\.?,\\s|-{2,})",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** An attribution line pattern; most must contain a date, i.e. a digit, to count. */
    private record Attribution(Pattern pattern, boolean needsDigit) {
    }

    private static final List<Attribution> ATTRIBUTIONS = List.of(
        attribution("on\\s.{1,300}?\\b(?:wrote|sent|writes|said)\\s*:?[-\\s]*"),
        attribution("le\\s.{1,300}?\\ba\\s+[ée]crit\\s*:?"),
        attribution("am\\s.{1,300}?\\bschrieb\\b.{0,200}?:"),
        attribution("vào\\s.{1,300}?\\bđã\\s+viết\\s*:?"),
        attribution("op\\s.{1,300}?\\b(?:schreef|geschreven)\\b.{0,200}?:?"),
        attribution("w dniu\\s.{1,300}?\\bnapisał(?:\\(a\\)|a)?\\s*:?"),
        attribution("(?:den|på)\\s.{1,300}?\\bskrev\\b.{0,200}?:"),
        attribution("el\\s.{1,300}?\\bescribió\\s*:?"),
        attribution("il\\s.{1,300}?\\bha\\s+scritto\\s*:?"),
        attribution("(?:em|no dia)\\s.{1,300}?\\bescreveu\\s*:?"),
        // "26.06.2014, 14:41, "Anna" <anna@example.com>:", "Thu, 26 Jun 2014 … от Anna <anna@example.com>:",
        // "02.04.2012 14:20 пользователь "anna@example.com" <anna@example.com> написал:"
        attribution("(?:\\p{L}{2,3}\\.?,\\s+)?\\d.{0,250}?[^\\s@<>]+@[^\\s@<>]+.{0,40}?:"),
        // "2011/4/7 Anna <anna@example.com>" (older Gmail), with or without a colon
        attribution("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}\\b.{0,150}?<\\s*[^\\s@<>]+@[^\\s@<>]+\\s*>\\s*:?"),
        new Attribution(Pattern.compile("^-{2,}\\s*.{1,150}?\\bwrote\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE), false));

    /** An attribution line that names an address: "Anna <anna@example.com> wrote:". */
    private static final Pattern ADDRESS_WROTE = Pattern.compile(
            "^.{0,200}?[^\\s@<>]+@[^\\s@<>]+>?\\)?\\s*(?:wrote|a [ée]crit|schrieb|đã viết|skrev|escribió|ha scritto"
                    + "|escreveu|schreef|napisał)\\s*:\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** An attribution that shares its line with the end of the reply: "Thanks! On Tue, … wrote:". */
    private static final Pattern INLINE_ATTRIBUTION = Pattern.compile(
            "(?:\\s|-)(-*\\s*On\\s.{1,300}?\\bwrote:\\s*)$", Pattern.CASE_INSENSITIVE);

    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^(?:sent from (?:my|the) [^,.;!?]{1,40}|sent from (?:mail|outlook|yahoo mail|samsung|windows mail|aol)"
                    + "[^,;!?]{0,40}|sent (?:with|via|using) [^,;!?]{1,40}|get outlook for (?:ios|android)"
                    + "|envoy[ée] (?:de|depuis) (?:mon|ma|l'application|mail) ?[^,;!?]{0,40}"
                    + "|von meinem [^,;!?]{1,40} gesendet|gesendet (?:von|mit) (?:meinem |der )?[^,;!?]{1,40}"
                    + "|gửi từ [^,;!?]{1,40}|được gửi từ [^,;!?]{1,40}|enviado (?:desde|do) (?:mi|meu) [^,;!?]{1,40}"
                    + "|inviato da(?:l mio)? [^,;!?]{1,40}|verzonden (?:vanaf|met) (?:mijn )?[^,;!?]{1,40}"
                    + "|skickat från min [^,;!?]{1,40}|sendt fra min [^,;!?]{1,40})\\.?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SEPARATOR_LINE = Pattern.compile("[-_=*\\s]{3,}");
    private static final Pattern UNDERSCORES = Pattern.compile("_{2,}");
    private static final Pattern DASHES = Pattern.compile("-{4,}");

    /** Words one of which every attribution line contains; lines without any are not tried against the patterns. */
    private static final Pattern ATTRIBUTION_WORD = Pattern.compile(
            "@|wrote|sent|writes|said|écrit|ecrit|schrieb|viết|schreef|geschreven|napisał|skrev|escribió|scritto"
                    + "|escreveu|написал", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern DASHED_NAME = Pattern.compile(
            "^-{1,2} ?\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,2}$");

    private static final Pattern CLOSING = Pattern.compile(
            "^(?:thanks|thank you|many thanks|thanks (?:and|&) regards|thx|cheers|regards|best|best regards"
                    + "|kind regards|warm regards|best wishes|sincerely|yours|merci|cordialement|bien cordialement"
                    + "|bien à vous|salutations|sincères salutations|danke|vielen dank|viele grüße|freundliche grüße"
                    + "|mit freundlichen grüßen|beste grüße|lg|mfg|gruß|grüße|trân trọng|xin cảm ơn|cảm ơn|thân mến"
                    + "|saludos|grazie|groeten)[,.!]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private ReplyText() {
    }

    private static Attribution attribution(String body) {
        return new Attribution(Pattern.compile("^[-\\s]*" + body + "\\s*$",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), true);
    }

    static Split fromPlain(String text, Sender sender) {
        return split(plainLines(text), sender, false);
    }

    static Split fromHtml(String html, Sender sender) {
        return split(HtmlText.lines(html), sender, true);
    }

    static List<TextLine> plainLines(String text) {
        List<TextLine> lines = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return lines;
        }
        String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (String line : raw) {
            String display = line;
            int depth = 0;
            int i = 0;
            while (i < display.length()) {
                char c = display.charAt(i);
                if (c == '>') {
                    depth++;
                } else if (c != ' ' || (depth == 0 && i >= 3)) {
                    break;
                }
                i++;
            }
            String content = depth == 0 ? display.strip() : display.substring(i).strip();
            lines.add(new TextLine(display, content, depth, false));
        }
        return lines;
    }

    private enum Kind { BLANK, TEXT, QUOTE, ATTRIBUTION }

    private static Split split(List<TextLine> input, Sender sender, boolean structural) {
        List<TextLine> lines = attributionsOnOwnLine(input.size() > MAX_LINES ? input.subList(0, MAX_LINES) : input);
        int n = lines.size();
        Kind[] kinds = new Kind[n];
        for (int i = 0; i < n; i++) {
            TextLine line = lines.get(i);
            kinds[i] = line.blank() ? Kind.BLANK : line.quoted() ? Kind.QUOTE : Kind.TEXT;
        }
        boolean[] folded = new boolean[n];
        int history = includeSeparatorsAbove(lines, kinds, historyStart(lines, kinds));
        reclassifyQuoteNoise(lines, kinds, history, structural);
        List<int[]> blocks = quoteBlocks(kinds, history);
        boolean[] inBlock = new boolean[n];
        for (int[] block : blocks) {
            Arrays.fill(inBlock, block[0], block[1], true);
        }
        int ownEnd = Math.min(history, signatureStart(lines, kinds, inBlock, history));
        Arrays.fill(folded, ownEnd, n, true);
        foldQuoteBlocks(blocks, kinds, inBlock, ownEnd, folded);
        foldSenderSignature(lines, folded, kinds, sender);
        Split split = render(lines, folded, structural);
        return input.size() > MAX_LINES ? withRest(split, input.subList(MAX_LINES, input.size()), folded[n - 1]) : split;
    }

    /**
     * Where the quoted history starts: an original-message separator, a header block, or an attribution followed by
     * unquoted text. Attributions followed by quoted lines are marked and the search goes on; a forward stops it.
     */
    private static int historyStart(List<TextLine> lines, Kind[] kinds) {
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            TextLine line = lines.get(i);
            if (line.splitter()) {
                return i;
            }
            if (kinds[i] != Kind.TEXT) {
                continue;
            }
            String content = line.content();
            if (FORWARD.matcher(content).matches()) {
                return n;
            }
            if (ORIGINAL_MESSAGE.matcher(content).matches() || headerBlockAt(lines, i)) {
                return i;
            }
            int end = attributionEnd(lines, i);
            if (end >= 0) {
                int next = nextNonBlank(lines, end + 1);
                if (next < 0 || !lines.get(next).quoted()) {
                    return i;
                }
                Arrays.fill(kinds, i, end + 1, Kind.ATTRIBUTION);
                i = end;
            }
        }
        return n;
    }

    /** Quoted blocks after the writer's last own line fold; the others too, unless the writer answered between them. */
    private static void foldQuoteBlocks(List<int[]> blocks, Kind[] kinds, boolean[] inBlock, int ownEnd,
                                        boolean[] folded) {
        int lastOwn = -1;
        for (int i = 0; i < ownEnd; i++) {
            if (kinds[i] == Kind.TEXT && !inBlock[i]) {
                lastOwn = i;
            }
        }
        boolean interleaved = interleaved(blocks, kinds, inBlock, ownEnd);
        for (int[] block : blocks) {
            if (block[0] > lastOwn || !interleaved) {
                Arrays.fill(folded, block[0], block[1], true);
            }
        }
    }

    /** Lines beyond {@link #MAX_LINES} are not analysed: they go wherever the last analysed line went. */
    private static Split withRest(Split split, List<TextLine> rest, boolean lastFolded) {
        StringBuilder more = new StringBuilder();
        for (TextLine line : rest) {
            if (!line.splitter()) {
                more.append('\n').append(line.display());
            }
        }
        return lastFolded
                ? new Split(split.visible(), (split.folded() + more).strip())
                : new Split((split.visible() + more).strip(), split.folded());
    }

    /** Splits "reply text On …, X wrote:" into two lines when quoted lines follow. */
    private static List<TextLine> attributionsOnOwnLine(List<TextLine> lines) {
        List<TextLine> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            if (!line.quoted() && !line.splitter() && line.content().length() < 500
                    && line.content().toLowerCase(Locale.ROOT).endsWith("wrote:")) {
                Matcher matcher = INLINE_ATTRIBUTION.matcher(line.content());
                int next = nextNonBlank(lines, i + 1);
                if (matcher.find() && next >= 0 && lines.get(next).quoted()) {
                    String reply = line.content().substring(0, matcher.start()).replaceAll("[-\\s]+$", "");
                    if (!reply.isBlank()) {
                        out.add(new TextLine(reply, reply, 0, false));
                        String attribution = matcher.group(1).strip();
                        out.add(new TextLine(attribution, attribution, 0, false));
                        continue;
                    }
                }
            }
            out.add(line);
        }
        return out;
    }

    /** The last line of an attribution ("On … wrote:") starting at {@code i}, or -1. */
    private static int attributionEnd(List<TextLine> lines, int i) {
        String first = lines.get(i).content();
        if (first.length() > 400) {
            return -1;
        }
        if (!ATTRIBUTION_START.matcher(first).lookingAt()) {
            return first.endsWith(":") && first.indexOf('@') >= 0 && ADDRESS_WROTE.matcher(first).matches() ? i : -1;
        }
        StringBuilder joined = new StringBuilder();
        for (int k = i; k < lines.size() && k <= i + 5; k++) {
            TextLine line = lines.get(k);
            if (line.splitter() || (k > i && line.quoted() && !line.content().toLowerCase(Locale.ROOT).contains("wrote"))) {
                return -1;
            }
            if (!joined.isEmpty()) {
                joined.append(' ');
            }
            joined.append(line.content());
            if (joined.length() > 500) {
                return -1;
            }
            if (line.content().isEmpty()) {
                continue;
            }
            if (!ATTRIBUTION_WORD.matcher(joined).find()) {
                continue;
            }
            String candidate = WHITESPACE.matcher(joined).replaceAll(" ").strip();
            if (matchesAttribution(candidate)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean matchesAttribution(String candidate) {
        boolean digit = hasDigit(candidate);
        for (Attribution attribution : ATTRIBUTIONS) {
            if ((digit || !attribution.needsDigit()) && attribution.pattern().matcher(candidate).matches()) {
                return true;
            }
        }
        return candidate.endsWith(":") && ADDRESS_WROTE.matcher(candidate).matches();
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An Outlook-style header block: From/Sent/To/Subject labels (any two kinds, naming an address or a subject). */
    private static boolean headerBlockAt(List<TextLine> lines, int i) {
        String content = lines.get(i).content();
        int colon = content.indexOf(':');
        if (colon < 0 || colon > 40) {
            return false;
        }
        Matcher first = HEADER_LABEL.matcher(content);
        if (!first.matches()) {
            return false;
        }
        String firstKind = labelKind(first.group(1));
        if (!firstKind.equals("from") && !firstKind.equals("sent")) {
            return false;
        }
        if (firstKind.equals("from") && SECOND_LABEL_ON_LINE.matcher(first.group(2)).find()) {
            return true;
        }
        Set<String> kinds = new HashSet<>();
        kinds.add(firstKind);
        boolean address = lines.get(i).content().contains("@");
        int seen = 0;
        for (int k = i + 1; k < lines.size() && seen < 6; k++) {
            TextLine line = lines.get(k);
            if (line.quoted() || line.splitter()) {
                break;
            }
            seen++;
            Matcher label = HEADER_LABEL.matcher(line.content());
            if (label.matches()) {
                kinds.add(labelKind(label.group(1)));
            }
            address |= line.content().contains("@");
        }
        return kinds.size() >= 2 && (address || kinds.contains("subject") || kinds.contains("sent") && kinds.contains("from"));
    }

    private static String labelKind(String label) {
        String value = label.toLowerCase(Locale.ROOT).strip();
        if (FROM_LABEL.matcher(value).matches()) {
            return "from";
        }
        if (SENT_LABEL.matcher(value).matches()) {
            return "sent";
        }
        if (SUBJECT_LABEL.matcher(value).matches()) {
            return "subject";
        }
        if (CC_LABEL.matcher(value).matches()) {
            return "cc";
        }
        return "to";
    }

    /** Pulls blank lines and separator lines (dashes, underscores) just above the history into it. */
    private static int includeSeparatorsAbove(List<TextLine> lines, Kind[] kinds, int history) {
        int start = history;
        while (start > 0) {
            TextLine above = lines.get(start - 1);
            if (kinds[start - 1] == Kind.BLANK || (!above.quoted() && SEPARATOR_LINE.matcher(above.content()).matches())) {
                start--;
            } else {
                break;
            }
        }
        return start;
    }

    /**
     * Quote marks that are not quotes: a single {@code >} line between two lines of text (e.g. {@code >>> link <<<}),
     * and wrapped link fragments between quoted lines, which belong to the quote.
     */
    private static void reclassifyQuoteNoise(List<TextLine> lines, Kind[] kinds, int end, boolean structural) {
        for (int i = 1; i < end - 1; i++) {
            if (kinds[i] == Kind.TEXT && kinds[i - 1] == Kind.QUOTE && kinds[i + 1] == Kind.QUOTE) {
                String content = lines.get(i).content();
                if (content.contains("http") || !content.contains(" ") || content.endsWith(">")) {
                    kinds[i] = Kind.QUOTE;
                }
            }
        }
        if (structural) {
            return;
        }
        for (int i = 1; i < end - 1; i++) {
            if (kinds[i] == Kind.QUOTE && kinds[i - 1] == Kind.TEXT && kinds[i + 1] == Kind.TEXT) {
                kinds[i] = Kind.TEXT;
            }
        }
    }

    /** Ranges [start, end) of quoted blocks: an optional attribution, then quoted and blank lines. */
    private static List<int[]> quoteBlocks(Kind[] kinds, int end) {
        List<int[]> blocks = new ArrayList<>();
        int i = 0;
        while (i < end) {
            if (kinds[i] != Kind.QUOTE && kinds[i] != Kind.ATTRIBUTION) {
                i++;
                continue;
            }
            int start = i;
            int last = i;
            while (i < end && kinds[i] != Kind.TEXT) {
                if (kinds[i] != Kind.BLANK) {
                    last = i;
                }
                if (kinds[i] == Kind.ATTRIBUTION && i > start && kinds[i - 1] != Kind.ATTRIBUTION) {
                    break;
                }
                i++;
            }
            blocks.add(new int[] {start, last + 1});
            i = last + 1;
        }
        return blocks;
    }

    /** Inline replies: at least two quoted blocks with the writer's own text between them. */
    private static boolean interleaved(List<int[]> blocks, Kind[] kinds, boolean[] inBlock, int ownEnd) {
        if (blocks.size() < 2) {
            return false;
        }
        int from = blocks.getFirst()[1];
        int to = blocks.getLast()[0];
        for (int i = from; i < to && i < ownEnd; i++) {
            if (kinds[i] == Kind.TEXT && !inBlock[i]) {
                return true;
            }
        }
        return false;
    }

    /** Where a signature starts among the writer's own lines before {@code end}, or {@code end} when there is none. */
    private static int signatureStart(List<TextLine> lines, Kind[] kinds, boolean[] inBlock, int end) {
        int ownLines = 0;
        for (int i = 0; i < end; i++) {
            if (kinds[i] == Kind.TEXT && !inBlock[i]) {
                ownLines++;
            }
        }
        int before = 0;
        for (int i = 0; i < end; i++) {
            if (kinds[i] != Kind.TEXT || inBlock[i]) {
                continue;
            }
            int after = ownLines - before - 1;
            if (before > 0 && after <= MAX_SIGNATURE_LINES && startsSignature(lines, kinds, i)) {
                return i;
            }
            before++;
        }
        return end;
    }

    private static boolean startsSignature(List<TextLine> lines, Kind[] kinds, int i) {
        String display = lines.get(i).display();
        String content = lines.get(i).content();
        if (display.equals("--") || display.equals("-- ") || display.equals("—") || content.startsWith("__")
                && UNDERSCORES.matcher(content).matches() || content.startsWith("----") && DASHES.matcher(content).matches()
                || display.startsWith("-- ") && DASHED_NAME.matcher(content).matches()) {
            return true;
        }
        if (MOBILE_SIGNATURE.matcher(content).matches()) {
            return true;
        }
        boolean afterBlank = i == 0 || kinds[i - 1] == Kind.BLANK;
        return afterBlank && !content.startsWith("- ") && DASHED_NAME.matcher(content).matches();
    }

    /** A last short paragraph that names the sender (optionally after a closing such as "Thanks,") is a signature. */
    private static void foldSenderSignature(List<TextLine> lines, boolean[] folded, Kind[] kinds, Sender sender) {
        List<String> names = senderNames(sender);
        if (names.isEmpty() && sender.address().isBlank()) {
            return;
        }
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (!folded[i] && kinds[i] == Kind.TEXT) {
                last = i;
            }
        }
        if (last < 0) {
            return;
        }
        int first = last;
        while (first > 0 && !folded[first - 1] && kinds[first - 1] != Kind.BLANK) {
            first--;
        }
        if (last - first + 1 > 6 || !hasVisibleTextBefore(folded, kinds, first)) {
            return;
        }
        boolean named = false;
        boolean address = false;
        for (int i = first; i <= last; i++) {
            named |= namesSender(lines.get(i).content(), names);
            address |= !sender.address().isBlank()
                    && lines.get(i).content().toLowerCase(Locale.ROOT).contains(sender.address().toLowerCase(Locale.ROOT));
        }
        String opening = lines.get(first).content();
        boolean signature = address
                || named && (CLOSING.matcher(opening).matches() || namesSender(opening, names));
        if (!signature) {
            return;
        }
        for (int i = first; i <= last; i++) {
            folded[i] = true;
        }
    }

    private static boolean hasVisibleTextBefore(boolean[] folded, Kind[] kinds, int index) {
        for (int i = 0; i < index; i++) {
            if (!folded[i] && kinds[i] == Kind.TEXT) {
                return true;
            }
        }
        return false;
    }

    private static List<String> senderNames(Sender sender) {
        List<String> names = new ArrayList<>();
        String name = sender.name().strip();
        if (!name.isEmpty() && !name.contains("@")) {
            names.add(name.toLowerCase(Locale.ROOT));
            String[] words = name.split("[\\s,]+");
            if (words.length > 1 && words[0].length() >= 2) {
                names.add(words[0].toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** A short line that is the sender's name ("Anna", "-Anna Schmidt", "Anna Schmidt, Sales"), not a sentence. */
    private static boolean namesSender(String line, List<String> names) {
        String lower = line.toLowerCase(Locale.ROOT).strip();
        int words = lower.split("\\s+").length;
        if (words > 4 || lower.endsWith("!") || lower.endsWith("?") || lower.endsWith(".") && words > 2) {
            return false;
        }
        for (String name : names) {
            if (lower.equals(name) || lower.startsWith(name + " ") || lower.startsWith(name + ",")
                    || lower.startsWith("-" + name) || lower.endsWith(" " + name) && lower.length() < 40) {
                return true;
            }
        }
        return false;
    }

    private static Split render(List<TextLine> lines, boolean[] folded, boolean structural) {
        StringBuilder visible = new StringBuilder();
        StringBuilder quoted = new StringBuilder();
        int blankRun = 0;
        for (int i = 0; i < lines.size(); i++) {
            TextLine line = lines.get(i);
            if (line.splitter()) {
                continue;
            }
            if (folded[i]) {
                quoted.append(line.display()).append('\n');
                continue;
            }
            if (line.blank()) {
                blankRun++;
                if (blankRun > 2 || visible.isEmpty()) {
                    continue;
                }
            } else {
                blankRun = 0;
            }
            visible.append(line.display()).append('\n');
        }
        String shown = visible.toString().strip();
        String hidden = quoted.toString().strip();
        if (shown.isEmpty() && !hidden.isEmpty()) {
            StringBuilder all = new StringBuilder();
            for (TextLine line : lines) {
                if (!line.splitter()) {
                    // everything was quoted (e.g. a forward inside a quote): show it, without quote marks for HTML
                    all.append(structural ? line.content() : line.display()).append('\n');
                }
            }
            return new Split(all.toString().strip(), "");
        }
        return new Split(shown, hidden);
    }

    private static int nextNonBlank(List<TextLine> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).blank()) {
                return i;
            }
        }
        return -1;
    }
}
