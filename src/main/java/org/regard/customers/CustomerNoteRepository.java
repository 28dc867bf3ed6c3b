package org.regard.customers;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;

interface CustomerNoteRepository extends ListCrudRepository<CustomerNote, Long> {

    @Query("select * from customer_note where customer_id = :customerId order by pinned desc, created_at desc")
    List<CustomerNote> findByCustomer(long customerId);
}
