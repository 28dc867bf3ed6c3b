package org.regard.tickets;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface MessageRepository extends ListCrudRepository<Message, Long> {

    @Query("select * from message where ticket_id = :ticketId order by created_at, id")
    List<Message> findByTicket(long ticketId);

    @Query("select * from message where ticket_id = :ticketId and submission_key = :key")
    Optional<Message> findBySubmission(long ticketId, String key);
}
