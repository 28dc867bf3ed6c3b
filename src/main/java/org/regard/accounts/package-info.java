/**
 * Accounts: the agents who work in Regard, the teams they belong to, their roles, how they sign in
 * (form login with an optional second factor, HTTP Basic, API tokens) and what they may see.
 * <p>
 * Public API: {@link org.regard.accounts.Accounts}, {@link org.regard.accounts.AgentPrincipal},
 * {@link org.regard.accounts.Role}, {@link org.regard.accounts.AgentView}, {@link org.regard.accounts.TeamView},
 * {@link org.regard.accounts.TeamAccess} (who leads which team), {@link org.regard.accounts.AgentAdministration},
 * {@link org.regard.accounts.TeamAdministration}, {@link org.regard.accounts.PasswordPolicy} (the password rules, for
 * every place a password is set), {@link org.regard.accounts.PasswordChange}, {@link org.regard.accounts.TwoFactor}
 * and {@link org.regard.accounts.TwoFactorPolicy} (two-factor sign-in), and {@link org.regard.accounts.SecretKeys} (the
 * key material Regard encrypts with, also used by the mail module). Sign-ins, password changes and every
 * administrative change are written to the audit log in the transaction of the change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = {"audit", "text"})
package org.regard.accounts;
