package org.regard.accounts;

import org.springframework.data.relational.core.mapping.Table;

/** One row of {@code team_member}: the agent (owner of the collection) belongs to this team. */
@Table("team_member")
record TeamMembership(long teamId) {
}
