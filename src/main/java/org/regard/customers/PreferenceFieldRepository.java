package org.regard.customers;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface PreferenceFieldRepository extends ListCrudRepository<PreferenceField, Long> {

    @Query("select * from preference_field order by label, id")
    List<PreferenceField> findAllOrdered();

    @Query("select * from preference_field where field_key = :key")
    Optional<PreferenceField> findByKey(String key);
}
