package org.regard.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code regard.demo=true} ({@code REGARD_DEMO=true}) loads the demo desk on start, after the first
 * start has created the administrator and only when the desk has no ticket yet.
 */
@Component
@Order(1)
class DemoStart implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoStart.class);

    private final DemoData demo;
    private final boolean enabled;

    DemoStart(DemoData demo, @Value("${regard.demo:false}") boolean enabled) {
        this.demo = demo;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (demo.loadIfEmpty().isEmpty()) {
            log.info("Demo data not loaded: the desk already has tickets, or another node is loading the demo.");
        }
    }
}
