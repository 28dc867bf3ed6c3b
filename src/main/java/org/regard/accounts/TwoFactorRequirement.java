package org.regard.accounts;

/** Who must sign in with a second factor, as an administrator sets it. */
public enum TwoFactorRequirement {
    NOBODY,
    ADMINS,
    EVERYONE;

    public boolean appliesTo(Role role) {
        return this == EVERYONE || (this == ADMINS && role == Role.ADMIN);
    }
}
