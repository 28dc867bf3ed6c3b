package org.regard.tickets;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateTextFillTest {
    private static final Map<String, String> VALUES = Map.of("customer.name", "{{agent.name}} & <b>Élodie</b>",
            "agent.name", "Sam", "ticket.id", "42");

    @Test
    void placeholdersAreFilledOnceAndValuesAreNeverReadAsPlaceholders() {
        assertThat(TemplateText.fill("Bonjour {{customer.name}}, ticket #{{ ticket.id }}. {{agent.name}}", VALUES))
                .isEqualTo("Bonjour {{agent.name}} & <b>Élodie</b>, ticket #42. Sam");
    }

    @Test
    void unknownPlaceholdersStayAndEscapedBracesAreWrittenLiterally() {
        assertThat(TemplateText.fill("{{customer.age}} \\{{agent.name}} $1 \\n", VALUES))
                .isEqualTo("{{customer.age}} {{agent.name}} $1 \\n");
    }

    @Test
    void unknownPlaceholdersAreFoundOnceEachAndKnownOrEscapedOnesAreNot() {
        assertThat(TemplateText.unknownPlaceholders("{{customer.name}} {{ customer.unknown }} \\{{agent.age}} {{ticket.id}} {{customer.unknown}} {{x}}"))
                .containsExactly("customer.unknown", "x");
        assertThat(TemplateText.unknownPlaceholders("{{ customer.preferredName }}, {{agent.name}} #{{ticket.id}}")).isEmpty();
    }
}
