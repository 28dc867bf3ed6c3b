package org.regard.accounts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules on their own: length, the common list and its variants, patterns, personal words. */
class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy();

    private PasswordProblem problem(String password) {
        return policy.problemWith(password, "lan.dang@example.com", "Đặng Thị Lan").orElse(null);
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(problem("short")).isEqualTo(PasswordProblem.TOO_SHORT);
        assertThat(problem("ễễễễ-ấ")).isEqualTo(PasswordProblem.TOO_SHORT);
        assertThat(problem("tường lửa xanh của mẹ tôi")).isNull();
        assertThat(problem("a bicycle with two green bells ".repeat(4).strip())).as("120 characters").isNull();
        assertThat(problem("x".repeat(PasswordPolicy.MAX_LENGTH - 11) + " seven blue")).isNull();
        assertThat(problem("a".repeat(60) + "-" + "b".repeat(68))).isEqualTo(PasswordProblem.TOO_LONG);
    }

    @Test
    void commonPasswordsAndTheirUsualDisguisesAreRefused() {
        for (String weak : new String[]{"password123", "Password2024!", "P@ssw0rd2025", "qwertyuiop", "1q2w3e4r5t6y",
                "iloveyou!!!", "Welcome123!", "motdepasse1", "passwort123", "matkhau123", "1234567890", "0987654321",
                "letmein2024"}) {
            assertThat(problem(weak)).as(weak).isEqualTo(PasswordProblem.TOO_COMMON);
        }
    }

    @Test
    void repeatedCharactersAndRunsAreRefused() {
        for (String weak : new String[]{"aaaaaaaaaa", "abcabcabcabc", "1212121212", "abcdefghijk", "zyxwvutsrq", "!!!!!!!!!!"}) {
            assertThat(problem(weak)).as(weak).isEqualTo(PasswordProblem.TOO_COMMON);
        }
    }

    @Test
    void theAgentsOwnNameEmailAndRegardAreNotEnough() {
        assertThat(problem("lan.dang2024")).isEqualTo(PasswordProblem.PERSONAL);
        assertThat(problem("LanDang-Lan!")).isEqualTo(PasswordProblem.PERSONAL);
        assertThat(problem("regard-2024!")).isIn(PasswordProblem.PERSONAL, PasswordProblem.TOO_COMMON);
        assertThat(problem("Regard#Desk#99")).isEqualTo(PasswordProblem.PERSONAL);
        assertThat(problem("lan likes green tea at noon")).as("a name inside a real phrase").isNull();
    }

    @Test
    void ordinaryPassphrasesPass() {
        for (String good : new String[]{"correct-horse-battery", "a-brand-new-password", "Tôi thích trà xanh", "8402716593",
                "staple battery horse correct", "Grüne Fahrräder im Regen"}) {
            assertThat(problem(good)).as(good).isNull();
        }
    }
}
