package org.regard.demo;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Puts {@link DemoClock} around the application's clock. Outside a demo load it answers exactly what the
 * clock it wraps answers (one thread-local read more), so the rest of Regard never notices it.
 */
@Configuration(proxyBeanMethods = false)
class DemoClockConfiguration {

    @Bean
    static BeanPostProcessor demoClockAroundTheApplicationClock() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof Clock clock && !(bean instanceof DemoClock) ? new DemoClock(clock) : bean;
            }
        };
    }
}
