/**
 * Accounts: the agents who work in Regard, the teams they belong to, their roles, how they sign in
 * (form login, HTTP Basic, API tokens) and what they may see.
 * <p>
 * Public API: {@link org.regard.accounts.Accounts}, {@link org.regard.accounts.AgentPrincipal},
 * {@link org.regard.accounts.Role}, {@link org.regard.accounts.AgentView}, {@link org.regard.accounts.TeamView}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = {"audit"})
package org.regard.accounts;
