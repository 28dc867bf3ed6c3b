/**
 * Web: the shell around every page — layout, navigation, the agent's page language, error pages and
 * the API's problem details. Depends on the other modules; none depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web", allowedDependencies = {"accounts", "customers", "tickets", "text"})
package org.regard.web;
