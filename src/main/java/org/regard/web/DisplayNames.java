package org.regard.web;

import org.regard.text.DisplayText;
import org.springframework.stereotype.Component;

/**
 * Names as the pages show them, {@code ${@names.of(customer.name())}} and {@code ${@names.file(a.fileName())}}: without
 * the characters that reorder the text around them (see {@link DisplayText}). The pages also give every shown name
 * {@code dir="auto"}, which isolates it, so a right-to-left name reads right and never turns its surroundings.
 */
@Component("names")
public class DisplayNames {

    public String of(String name) {
        return DisplayText.name(name);
    }

    public String file(String fileName) {
        return DisplayText.fileName(fileName);
    }
}
