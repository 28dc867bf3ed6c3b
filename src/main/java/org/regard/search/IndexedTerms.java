package org.regard.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terms of one document in four groups, from the strongest to the weakest evidence: exact words of the title,
 * exact words of the body, stems of the title, stems of the body. Each group keeps repeats (how often a word occurs
 * ranks the document). A ticket also has the distinct terms of its conversation, weaker still and counted once.
 */
record IndexedTerms(List<String> titleExact, List<String> bodyExact, List<String> titleStems, List<String> bodyStems,
                    java.util.Set<String> conversation) {
    static final int TITLE_EXACT = 8;
    static final int BODY_EXACT = 4;
    static final int TITLE_STEM = 2;
    static final int BODY_STEM = 1;
    static final int CONVERSATION = 1;

    static IndexedTerms of(String title, String body) {
        return of(title, body, "");
    }

    static IndexedTerms of(String title, String body, String conversation) {
        List<String> titleExact = new ArrayList<>();
        List<String> titleStems = new ArrayList<>();
        List<String> bodyExact = new ArrayList<>();
        List<String> bodyStems = new ArrayList<>();
        TextFolding.termsOf(title).forEach(t -> {
            titleExact.addAll(t.exact());
            titleStems.addAll(t.stems());
        });
        TextFolding.termsOf(body).forEach(t -> {
            bodyExact.addAll(t.exact());
            bodyStems.addAll(t.stems());
        });
        java.util.Set<String> said = new java.util.LinkedHashSet<>();
        TextFolding.termsOf(conversation).forEach(t -> {
            said.addAll(t.exact());
            said.addAll(t.stems());
        });
        return new IndexedTerms(titleExact, bodyExact, titleStems, bodyStems, said);
    }

    /** The exact words, space-separated: the folded text kept with the document. */
    String folded() {
        List<String> all = new ArrayList<>(titleExact);
        all.addAll(bodyExact);
        return String.join(" ", all);
    }

    /** Each distinct term with its summed weight in this document (H2's token rows). */
    Map<String, Integer> weights() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        titleExact.forEach(t -> weights.merge(t, TITLE_EXACT, Integer::sum));
        bodyExact.forEach(t -> weights.merge(t, BODY_EXACT, Integer::sum));
        titleStems.forEach(t -> weights.merge(t, TITLE_STEM, Integer::sum));
        bodyStems.forEach(t -> weights.merge(t, BODY_STEM, Integer::sum));
        conversation.forEach(t -> weights.merge(t, CONVERSATION, Integer::sum));
        return weights;
    }
}
