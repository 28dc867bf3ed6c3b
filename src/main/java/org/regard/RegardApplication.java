package org.regard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Regard, a customer-service desk. Each direct sub-package is a Spring Modulith module;
 * {@code docs/ARCHITECTURE.md} is the map.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RegardApplication {

    public static void main(String[] args) {
        SpringApplication.run(RegardApplication.class, args);
    }

    /** The one source of time; tests replace it with a fixed clock. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
