package org.regard.mail;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Mail reads and sends in the background: intake readers, the processing sweep and the outbox sender. */
@Configuration
@EnableScheduling
class MailConfiguration {
}
