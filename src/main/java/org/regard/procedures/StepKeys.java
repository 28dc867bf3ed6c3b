package org.regard.procedures;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Gives every step of a new version its key. A step sent with the key of a step of the version before keeps it; a step
 * sent without one gets a new key, {@code s} and the procedure's next number ({@code s1}, {@code s2}...), never given
 * before in this procedure, not even to a step removed since. A key the version before did not have, or one sent
 * twice, is refused.
 */
final class StepKeys {
    private StepKeys() {
    }

    /** The keys, in the steps' order, and the procedure's next key number after them. */
    record Assigned(List<String> keys, int nextKey) {
    }

    static Assigned assign(Set<String> previousKeys, int nextKey, List<ProcedureDraft.StepDraft> steps) {
        List<String> keys = new ArrayList<>();
        Set<String> used = new HashSet<>();
        int next = nextKey;
        for (int i = 0; i < steps.size(); i++) {
            String sent = steps.get(i).key();
            if (sent == null || sent.isBlank()) {
                String fresh = "s" + next++;
                keys.add(fresh);
                used.add(fresh);
                continue;
            }
            String key = sent.strip();
            if (!previousKeys.contains(key)) {
                throw new ProcedureInvalid("steps[" + i + "].key", "is not the key of a step of the version before: "
                        + "leave it out for a new step", "procedures.error.stepKey");
            }
            if (!used.add(key)) {
                throw new ProcedureInvalid("steps[" + i + "].key", "is given to two steps", "procedures.error.stepKeyTwice");
            }
            keys.add(key);
        }
        return new Assigned(List.copyOf(keys), next);
    }
}
