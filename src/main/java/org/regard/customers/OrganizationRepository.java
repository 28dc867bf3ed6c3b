package org.regard.customers;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface OrganizationRepository extends ListCrudRepository<Organization, Long> {

    Optional<Organization> findByName(String name);

    @Query("select * from organization order by name")
    List<Organization> findAllOrdered();
}
