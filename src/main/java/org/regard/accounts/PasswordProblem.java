package org.regard.accounts;

/** What is wrong with a new password (see {@link PasswordPolicy}); each has a message key in the accounts bundle. */
public enum PasswordProblem {
    /** Fewer than {@link PasswordPolicy#MIN_LENGTH} characters. */
    TOO_SHORT("The password must have at least " + PasswordPolicy.MIN_LENGTH + " characters.",
            "must have at least " + PasswordPolicy.MIN_LENGTH + " characters"),
    /** More than {@link PasswordPolicy#MAX_LENGTH} characters. */
    TOO_LONG("The password may have at most " + PasswordPolicy.MAX_LENGTH + " characters.",
            "may have at most " + PasswordPolicy.MAX_LENGTH + " characters"),
    /** On the list of common passwords, or a simple pattern (one character repeated, a run like abcdef or 123456). */
    TOO_COMMON("This password is too easy to guess: it is a common password or a simple pattern.",
            "is too easy to guess: a common password or a simple pattern"),
    /** Mostly the agent's own name or email address, or Regard's name. */
    PERSONAL("This password is too easy to guess: it is mostly your name, your email address or the name Regard.",
            "is too easy to guess: mostly the agent's name, email address or the name Regard");

    private final String english;
    private final String rule;

    PasswordProblem(String english, String rule) {
        this.english = english;
        this.rule = rule;
    }

    /** The message key in {@code messages/accounts*.properties}. */
    public String messageKey() {
        return "password.problem." + name();
    }

    /** The arguments of every message: {0} the least and {1} the most characters. */
    public Object[] messageArguments() {
        return new Object[]{PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH};
    }

    /** The message in English, for the API and the log. */
    public String englishMessage() {
        return english;
    }

    /** The broken rule in English, to follow the field's name in an API problem: "must have at least 10 characters". */
    public String rule() {
        return rule;
    }
}
