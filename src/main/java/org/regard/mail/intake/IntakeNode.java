package org.regard.mail.intake;

import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * This node's name in the intake's leases ({@code mail_lease.holder}, {@code mail_inbound.lease_holder}): unique per
 * running process, so a restarted node never mistakes its predecessor's holds for its own.
 */
@Component
final class IntakeNode {
    private final String name = "node-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);

    String name() {
        return name;
    }
}
