package org.regard.mail.mailboxes;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A mailbox form that cannot be saved: each problem names the field ({@code address}, {@code displayName},
 * {@code teamId}, {@code imapHost}, {@code imapPort}, {@code imapUsername}, {@code imapPassword}, {@code imapFolder},
 * the same for {@code smtp…}, or {@code source} for a mailbox that only the configuration may change), the message
 * key of the {@code mailboxes} bundle that explains it, and the explanation in English for logs and the API.
 */
public class InvalidMailbox extends RuntimeException {
    private final List<Problem> problems;

    /** One refused field. */
    public record Problem(String field, String code, String message) {
    }

    public InvalidMailbox(List<Problem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidMailbox of(String field, String code, String message) {
        return new InvalidMailbox(List.of(new Problem(field, code, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The first refused field. */
    public String field() {
        return problems.getFirst().field();
    }
}
