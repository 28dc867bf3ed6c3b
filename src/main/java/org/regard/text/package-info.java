/**
 * Text: the one place that decides which characters Regard accepts in what people type or send, and how names are
 * shown safely. Used by every module that takes text in (the API's JSON and parameters, page forms, mail intake)
 * and by the pages that show names. Depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text", allowedDependencies = {})
package org.regard.text;
