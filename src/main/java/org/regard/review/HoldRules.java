package org.regard.review;

import java.util.List;

/**
 * The review rules an administrator configures, asked for every reply an agent sends, inside the reply's transaction
 * and under its ticket's lock. Built-in reasons (the author's probation, the author asking) are decided elsewhere;
 * an implementation returns the reasons of the rules that hold this reply (stable codes such as {@code category},
 * {@code customer}, {@code organization}, {@code words:<the words found>}), empty when none does. It must stay cheap.
 */
interface HoldRules {
    List<String> reasons(HoldFacts reply);
}
