package org.regard.mail.parsing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The parse warnings of one message, each said once, at most fifty. */
final class Warnings {

    private static final int MAX = 50;

    private final Set<String> messages = new LinkedHashSet<>();

    void add(String message) {
        if (messages.size() < MAX) {
            messages.add(message);
        }
    }

    List<String> list() {
        return new ArrayList<>(messages);
    }
}
