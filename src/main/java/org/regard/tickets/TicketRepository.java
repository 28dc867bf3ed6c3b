package org.regard.tickets;

import org.springframework.data.repository.ListCrudRepository;

interface TicketRepository extends ListCrudRepository<Ticket, Long> {
}
