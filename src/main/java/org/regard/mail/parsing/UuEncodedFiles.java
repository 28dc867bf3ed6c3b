package org.regard.mail.parsing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds files uuencoded inside a text body ({@code begin 644 name} … {@code end}) and takes them out of the text. */
final class UuEncodedFiles {

    private static final Pattern BEGIN = Pattern.compile("^begin [0-7]{3,4} (.+)$");

    /** The text without the encoded blocks, and the files they held. */
    record Extraction(String text, List<File> files) {
    }

    record File(String name, byte[] content) {
    }

    private UuEncodedFiles() {
    }

    static Extraction extract(String text) {
        if (!text.contains("begin ")) {
            return new Extraction(text, List.of());
        }
        String[] lines = text.split("\n", -1);
        List<File> files = new ArrayList<>();
        StringBuilder kept = new StringBuilder(text.length());
        int i = 0;
        while (i < lines.length) {
            Matcher begin = BEGIN.matcher(lines[i].stripTrailing());
            int endLine = begin.matches() ? endOf(lines, i + 1) : -1;
            if (endLine > 0) {
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                boolean valid = true;
                for (int k = i + 1; k < endLine && valid; k++) {
                    String line = lines[k].stripTrailing();
                    valid = line.isEmpty() || TransferEncodings.uudecodeLine(line, content);
                }
                if (valid) {
                    files.add(new File(AttachmentNames.safe(begin.group(1).trim()), content.toByteArray()));
                    i = endLine + 1;
                    continue;
                }
            }
            kept.append(lines[i]);
            if (i < lines.length - 1) {
                kept.append('\n');
            }
            i++;
        }
        return new Extraction(kept.toString(), files);
    }

    private static int endOf(String[] lines, int from) {
        for (int k = from; k < lines.length; k++) {
            String line = lines[k].strip();
            if (line.equals("end")) {
                return k;
            }
            if (line.startsWith("begin ")) {
                return -1;
            }
        }
        return -1;
    }
}
