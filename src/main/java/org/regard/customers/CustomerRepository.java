package org.regard.customers;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface CustomerRepository extends ListCrudRepository<Customer, Long> {

    @Query("select c.* from customer c join customer_email e on e.customer_id = c.id where e.email = :email")
    Optional<Customer> findByEmail(String email);

    @Query("select * from customer where organization_id = :organizationId order by name")
    List<Customer> findByOrganization(long organizationId);
}
