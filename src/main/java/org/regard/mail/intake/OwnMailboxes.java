package org.regard.mail.intake;

import org.regard.mail.mailboxes.Mailbox;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The team's mailboxes as the intake saw them at the start of a reading cycle or a sweep: the mailbox a message came
 * in through, and the addresses that are ours (mail from one of them is Regard's own, coming back). Read once per
 * cycle, not once per message.
 */
record OwnMailboxes(Map<Long, Mailbox> byId, Set<String> addresses) {

    static OwnMailboxes of(List<Mailbox> all) {
        return new OwnMailboxes(all.stream().collect(Collectors.toUnmodifiableMap(Mailbox::id, Function.identity())),
                all.stream().map(m -> m.address().strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet()));
    }

    Optional<Mailbox> find(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    boolean isOurs(String address) {
        return address != null && addresses.contains(address.strip().toLowerCase(Locale.ROOT));
    }
}
