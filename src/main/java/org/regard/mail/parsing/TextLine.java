package org.regard.mail.parsing;

/**
 * One line of a body as the reply folding sees it.
 *
 * @param display    the line as it should be shown (quote marks included)
 * @param content    the line without quote marks, trimmed
 * @param quoteDepth how many levels of quotation the line is in (0 for the writer's own text)
 * @param splitter   true when the HTML marked this point as the start of quoted history (e.g. Outlook's reply header)
 */
record TextLine(String display, String content, int quoteDepth, boolean splitter) {

    /** True for an empty line of the writer's own text (an empty quoted line is still a quote). */
    boolean blank() {
        return content.isBlank() && quoteDepth == 0 && !splitter;
    }

    boolean quoted() {
        return quoteDepth > 0;
    }
}
