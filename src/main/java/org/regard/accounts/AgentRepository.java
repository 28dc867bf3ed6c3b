package org.regard.accounts;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

import java.util.List;
import java.util.Optional;

interface AgentRepository extends ListCrudRepository<Agent, Long> {

    Optional<Agent> findByEmail(String email);

    @Query("select * from agent order by display_name")
    List<Agent> findAllOrdered();

    @Query("select a.* from agent a join team_member m on m.agent_id = a.id where m.team_id = :teamId and a.active order by a.display_name")
    List<Agent> findActiveMembersOf(long teamId);

    @Query("select agent_id from team_member where team_id = :teamId")
    List<Long> findMemberIdsOf(long teamId);
}
