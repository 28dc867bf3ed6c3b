package org.regard.tickets;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface MessageRepository extends ListCrudRepository<Message, Long> {

    @Query("select * from message where ticket_id = :ticketId order by created_at, id")
    List<Message> findByTicket(long ticketId);

}
