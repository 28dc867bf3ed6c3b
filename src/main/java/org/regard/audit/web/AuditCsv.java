package org.regard.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes audit entries as CSV (RFC 4180): comma-separated, CRLF line ends, a cell with a comma, quote, CR or LF in
 * double quotes with its quotes doubled. A cell that a spreadsheet would read as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) gets a leading apostrophe, so opening the export never runs what an
 * agent, a customer or a failed sign-in typed.
 */
final class AuditCsv {
    private AuditCsv() {
    }

    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    private static boolean startsLikeAFormula(String value) {
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
