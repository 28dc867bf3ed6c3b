package org.regard.customers;

import org.regard.customers.Customers.NoteView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;

/** What the team writes down about a customer: notes, the important ones pinned to the person card. */
@Service
@Transactional(readOnly = true)
public class CustomerNotes {
    private final CustomerNoteRepository notes;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerNotes(CustomerNoteRepository notes, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.notes = notes;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public List<NoteView> of(long customerId) {
        return notes.findByCustomer(customerId).stream().map(CustomerNote::view).toList();
    }

    /** Adds a note; the customer is found by it in search from then on. */
    @Transactional
    public NoteView add(long customerId, String body, boolean pinned, Long authorAgentId) {
        if (jdbc.sql("select count(*) from customer where id = ?").param(customerId).query(Integer.class).single() == 0) {
            throw new NoSuchElementException("No customer " + customerId);
        }
        NoteView note = notes.save(new CustomerNote(customerId, body, pinned, authorAgentId, clock.instant())).view();
        events.publishEvent(new CustomerChanged(customerId));
        return note;
    }

    /** Pins or unpins a note of this customer; returns false when the note is not theirs. */
    @Transactional
    public boolean pin(long customerId, long noteId, boolean pinned) {
        return notes.findById(noteId).filter(n -> n.getCustomerId() == customerId).map(n -> {
            if (pinned) {
                n.pin();
            } else {
                n.unpin();
            }
            notes.save(n);
            return true;
        }).orElse(false);
    }
}
