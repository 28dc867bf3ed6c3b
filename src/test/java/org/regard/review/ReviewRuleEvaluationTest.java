package org.regard.review;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which reasons the configured rules give a reply, without a database. */
class ReviewRuleEvaluationTest {
    private static final long TEAM = 7;
    private static final long OTHER_TEAM = 8;
    private static final long CATEGORY = 30;
    private static final long CUSTOMER = 40;
    private static final long ORGANIZATION = 50;
    private long ids = 1;

    private ReviewRule rule(ReviewRuleKind kind, Long target, List<String> words, Long team, boolean active) {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        return new ReviewRule(ids++, kind, target, words, team, active, now, 1L, now, 1L);
    }

    private ReviewRule words(String... words) {
        return rule(ReviewRuleKind.WORDS, null, List.of(words), null, true);
    }

    private static HoldFacts reply(String body) {
        return new HoldFacts(1, TEAM, CATEGORY, CUSTOMER, 2, body);
    }

    private static List<String> reasons(List<ReviewRule> rules, HoldFacts reply) {
        return ReviewRuleEvaluation.reasons(rules, reply, () -> Optional.of(ORGANIZATION));
    }

    @Test
    void eachKindHoldsItsOwnCase() {
        assertThat(reasons(List.of(rule(ReviewRuleKind.CATEGORY, CATEGORY, List.of(), null, true)), reply("Hello")))
                .containsExactly("category");
        assertThat(reasons(List.of(rule(ReviewRuleKind.CATEGORY, CATEGORY + 1, List.of(), null, true)), reply("Hello"))).isEmpty();
        assertThat(reasons(List.of(rule(ReviewRuleKind.CATEGORY, CATEGORY, List.of(), null, true)),
                new HoldFacts(1, TEAM, null, CUSTOMER, 2, "Hello"))).as("a ticket without category").isEmpty();
        assertThat(reasons(List.of(rule(ReviewRuleKind.CUSTOMER, CUSTOMER, List.of(), null, true)), reply("Hello")))
                .containsExactly("customer");
        assertThat(reasons(List.of(rule(ReviewRuleKind.CUSTOMER, CUSTOMER + 1, List.of(), null, true)), reply("Hello"))).isEmpty();
        assertThat(reasons(List.of(rule(ReviewRuleKind.ORGANIZATION, ORGANIZATION, List.of(), null, true)), reply("Hello")))
                .containsExactly("organization");
        assertThat(ReviewRuleEvaluation.reasons(List.of(rule(ReviewRuleKind.ORGANIZATION, ORGANIZATION, List.of(), null, true)),
                reply("Hello"), Optional::empty)).as("a customer without organization").isEmpty();
        assertThat(reasons(List.of(words("refund")), reply("We will refund you today."))).containsExactly("words:refund");
        assertThat(reasons(List.of(words("refund")), reply("We will call you today."))).isEmpty();
    }

    @Test
    void everyRuleThatHoldsAddsItsReasonOnceInAStableOrder() {
        List<ReviewRule> rules = List.of(words("lawyer"), rule(ReviewRuleKind.ORGANIZATION, ORGANIZATION, List.of(), null, true),
                words("refund", "lawyer"), rule(ReviewRuleKind.CUSTOMER, CUSTOMER, List.of(), null, true),
                rule(ReviewRuleKind.CATEGORY, CATEGORY, List.of(), null, true),
                rule(ReviewRuleKind.CATEGORY, CATEGORY, List.of(), TEAM, true));
        assertThat(reasons(rules, reply("My lawyer says: a refund, now.")))
                .containsExactly("category", "customer", "organization", "words:lawyer,refund");
    }

    @Test
    void theOrganizationIsAskedOnlyWhenAnOrganizationRuleApplies() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<Optional<Long>> organization = () -> {
            asked.incrementAndGet();
            return Optional.of(ORGANIZATION);
        };
        ReviewRuleEvaluation.reasons(List.of(words("refund"), rule(ReviewRuleKind.CUSTOMER, CUSTOMER, List.of(), null, true)),
                reply("refund"), organization);
        ReviewRuleEvaluation.reasons(List.of(rule(ReviewRuleKind.ORGANIZATION, ORGANIZATION, List.of(), OTHER_TEAM, true)),
                reply("refund"), organization);
        assertThat(asked).hasValue(0);
        ReviewRuleEvaluation.reasons(List.of(rule(ReviewRuleKind.ORGANIZATION, ORGANIZATION + 1, List.of(), null, true),
                rule(ReviewRuleKind.ORGANIZATION, ORGANIZATION, List.of(), null, true)), reply("refund"), organization);
        assertThat(asked).as("once for two rules").hasValue(1);
    }

    @Test
    void aTeamRuleHoldsOnlyItsTeamsRepliesAndAnInactiveRuleNone() {
        assertThat(reasons(List.of(rule(ReviewRuleKind.CATEGORY, CATEGORY, List.of(), TEAM, true)), reply("x"))).containsExactly("category");
        assertThat(reasons(List.of(rule(ReviewRuleKind.CATEGORY, CATEGORY, List.of(), OTHER_TEAM, true)), reply("x"))).isEmpty();
        assertThat(reasons(List.of(rule(ReviewRuleKind.WORDS, null, List.of("x"), null, false),
                rule(ReviewRuleKind.CUSTOMER, CUSTOMER, List.of(), null, false)), reply("x"))).isEmpty();
    }

    @Test
    void wordsMatchIgnoringCaseAndAccentsInEveryLanguage() {
        // French
        assertThat(reasons(List.of(words("remboursement", "résilier")), reply("Votre REMBOURSEMENT est prévu ; pour resilier, écrivez-nous.")))
                .containsExactly("words:remboursement,résilier");
        assertThat(reasons(List.of(words("Élysée")), reply("rue de l'elysee"))).containsExactly("words:Élysée");
        // German: umlauts either way, ß as ss
        assertThat(reasons(List.of(words("Rückerstattung")), reply("Die RUECKERSTATTUNG folgt."))).containsExactly("words:Rückerstattung");
        assertThat(reasons(List.of(words("Ruckerstattung")), reply("Die Rückerstattung folgt."))).containsExactly("words:Ruckerstattung");
        assertThat(reasons(List.of(words("Strasse")), reply("In der Straße"))).containsExactly("words:Strasse");
        assertThat(reasons(List.of(words("GROSS")), reply("ein großer Fehler"))).as("whole words").isEmpty();
        // Vietnamese: tone marks and đ
        assertThat(reasons(List.of(words("hoàn tiền")), reply("Chúng tôi sẽ HOAN TIEN cho bạn."))).containsExactly("words:hoàn tiền");
        assertThat(reasons(List.of(words("luat su")), reply("Tôi sẽ gọi luật sư."))).containsExactly("words:luat su");
        assertThat(reasons(List.of(words("đền bù")), reply("yêu cầu den bu ngay"))).containsExactly("words:đền bù");
        assertThat(reasons(List.of(words("hoàn tiền")), reply("hoàn thành tiền"))).as("syllables in order only").isEmpty();
        // English
        assertThat(reasons(List.of(words("Chargeback")), reply("a CHARGEBACK was filed"))).containsExactly("words:Chargeback");
    }

    @Test
    void wholeWordsAndPhrasesNotPartsOfWords() {
        assertThat(reasons(List.of(words("refund")), reply("It was refunded."))).isEmpty();
        assertThat(reasons(List.of(words("refund")), reply("non-refundable"))).isEmpty();
        assertThat(reasons(List.of(words("refund")), reply("a (refund)!"))).containsExactly("words:refund");
        assertThat(reasons(List.of(words("money back")), reply("your money\n   back"))).containsExactly("words:money back");
        assertThat(reasons(List.of(words("money back")), reply("your money. Back to work"))).isEmpty();
        assertThat(reasons(List.of(words("money back")), reply("back money"))).isEmpty();
        assertThat(reasons(List.of(words("e-mail")), reply("per e - mail"))).containsExactly("words:e-mail");
        assertThat(reasons(List.of(words("e-mail")), reply("per e mail"))).isEmpty();
        assertThat(reasons(List.of(words("don't")), reply("I don’t know"))).containsExactly("words:don't");
    }

    @Test
    void wordsAreCleanedAndCheckedBeforeTheyAreStored() {
        assertThat(ConfiguringReviewRules.words(List.of("  refund  ", "", "money \t back\nRefund", "Lawyer"))).containsExactly(
                "refund", "money back", "Lawyer");
        assertThatThrownBy(() -> ConfiguringReviewRules.words(List.of(" ", "\n")))
                .isInstanceOf(ReviewRuleInvalid.class).hasMessage("words needs at least one word or phrase");
        assertThatThrownBy(() -> ConfiguringReviewRules.words(List.of("ok", "x".repeat(ReviewRules.MAX_WORD + 1))))
                .isInstanceOf(ReviewRuleInvalid.class).hasMessageStartingWith("words[1] is longer than");
        assertThatThrownBy(() -> ConfiguringReviewRules.words(List.of("refund", "well, no")))
                .isInstanceOf(ReviewRuleInvalid.class).hasMessageStartingWith("words[1] must not contain a comma");
        assertThatThrownBy(() -> ConfiguringReviewRules.words(List.of("?!")))
                .isInstanceOf(ReviewRuleInvalid.class).hasMessage("words[0] has no letter or digit");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= ReviewRules.MAX_WORDS; i++) {
            many.add("w" + i);
        }
        assertThatThrownBy(() -> ConfiguringReviewRules.words(many)).isInstanceOf(ReviewRuleInvalid.class)
                .hasMessageStartingWith("words has more than");
    }
}
