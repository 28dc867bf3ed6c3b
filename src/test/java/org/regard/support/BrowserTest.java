package org.regard.support;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A story a user lives by, played in Debian's Chromium against the running application. Inject a
 * {@link Browser} as a test method or constructor parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@ExtendWith(BrowserExtension.class)
@Tag("browser")
public @interface BrowserTest {
}
