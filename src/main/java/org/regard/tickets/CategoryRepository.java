package org.regard.tickets;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface CategoryRepository extends ListCrudRepository<Category, Long> {

    Optional<Category> findByName(String name);

    @Query("select * from category order by name")
    List<Category> findAllOrdered();
}
