package org.regard.review;

import org.regard.accounts.AgentPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * The review rules an administrator configures: when a reply is held for a second person before the customer gets
 * it. Reads serve the administration pages and API (which only administrators reach); each write is handed to
 * {@link ConfiguringReviewRules}, which checks the role again. Replies are checked against the rules by
 * {@link ReviewRuleEvaluation}.
 */
@Service
@Transactional(readOnly = true)
public class ReviewRules {
    /** Most words and phrases one rule lists. */
    public static final int MAX_WORDS = 50;
    /** Longest word or phrase, in characters. */
    public static final int MAX_WORD = 60;

    private final ReviewRuleStore store;
    private final ConfiguringReviewRules configuring;

    ReviewRules(ReviewRuleStore store, ConfiguringReviewRules configuring) {
        this.store = store;
        this.configuring = configuring;
    }

    /** Every rule, active ones first. */
    public List<ReviewRule> all() {
        return store.all();
    }

    public Optional<ReviewRule> rule(long id) {
        return store.byId(id);
    }

    @Transactional
    public ReviewRule create(ReviewRuleDraft draft, AgentPrincipal agent) {
        return configuring.create(draft, agent);
    }

    /** Replaces the rule's kind, target, words, team and active flag. */
    @Transactional
    public ReviewRule update(long id, ReviewRuleDraft draft, AgentPrincipal agent) {
        return configuring.update(id, draft, agent);
    }

    /** Switches the rule on or off; nothing is written when it already is. */
    @Transactional
    public ReviewRule activate(long id, boolean active, AgentPrincipal agent) {
        return configuring.activate(id, active, agent);
    }

    @Transactional
    public void delete(long id, AgentPrincipal agent) {
        configuring.delete(id, agent);
    }
}
