/**
 * Languages: which languages the team works in ({@code regard.languages}) and which of them a customer's text is
 * written in. Depends on no other module, so tickets and the pages can use it.
 * <p>
 * Public API: {@link org.regard.languages.Languages} and {@link org.regard.languages.Detection}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Languages", allowedDependencies = {})
package org.regard.languages;
