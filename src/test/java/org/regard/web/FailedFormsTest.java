package org.regard.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailedFormsTest {

    @Test
    void theFormsPageIsTheSameHostsRefererWithoutItsToken() {
        assertThat(FailedForms.pageOf("http://help.example.test/tickets/7", "help.example.test", "/tickets/7/replies"))
                .hasValue("/tickets/7");
        assertThat(FailedForms.pageOf("https://help.example.test:8443/tickets/new?customerId=3&_csrf=abc&q=x",
                "help.example.test:8443", "/tickets")).hasValue("/tickets/new?customerId=3&q=x");
        assertThat(FailedForms.pageOf("http://localhost:1234/tickets/7/replies?_csrf=abc", "localhost:1234", "/tickets/7/replies"))
                .as("the posted-to address is no page").isEmpty();
    }

    @Test
    void anotherHostOrNoRefererNamesNoPage() {
        assertThat(FailedForms.pageOf("http://evil.example/tickets/7", "help.example.test", "/tickets/7/replies")).isEmpty();
        assertThat(FailedForms.pageOf(null, "help.example.test", "/tickets")).isEmpty();
        assertThat(FailedForms.pageOf("not a uri", "help.example.test", "/tickets")).isEmpty();
    }
}
