package org.regard.accounts;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface TeamRepository extends ListCrudRepository<Team, Long> {

    Optional<Team> findByName(String name);

    @Query("select * from team order by name")
    List<Team> findAllOrdered();
}
