package org.regard.accounts;

import org.junit.jupiter.api.Test;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Who leads which team: a lead their own teams, an admin every team, an agent none. */
@IntegrationTest
class TeamAccessIntegrationTest {
    @Autowired
    TestData data;
    @Autowired
    TeamAccess access;
    @Autowired
    Accounts accounts;

    @Test
    void aLeadLeadsTheirOwnTeamsOnlyAndAnAdminEveryTeam() {
        TeamView mine = data.team("mine");
        TeamView other = data.team("other");
        Actor lead = accounts.actor(data.agent(Role.LEAD, mine).principal());
        Actor agent = accounts.actor(data.agent(Role.AGENT, mine).principal());
        Actor admin = accounts.actor(data.agent(Role.ADMIN).principal());

        assertThat(access.canLead(lead, mine.id())).isTrue();
        assertThat(access.canLead(lead, other.id())).isFalse();
        assertThat(access.teamsLedBy(lead)).containsExactly(mine.id());
        assertThat(access.canAdminister(lead)).as("a lead is not an admin").isFalse();
        assertThat(lead.isAdmin()).isFalse();

        assertThat(access.canLead(agent, mine.id())).isFalse();
        assertThat(access.teamsLedBy(agent)).isEmpty();
        assertThat(access.canAdminister(agent)).isFalse();

        assertThat(access.canLead(admin, mine.id())).isTrue();
        assertThat(access.canLead(admin, other.id())).isTrue();
        assertThat(access.teamsLedBy(admin)).contains(mine.id(), other.id());
        assertThat(access.canAdminister(admin)).isTrue();
    }

    @Test
    void aLeadWhoIsDeactivatedLeadsNothing() {
        TeamView mine = data.team("gone");
        var lead = data.agent(Role.LEAD, mine);
        Actor before = accounts.actor(lead.principal());
        assertThat(access.canLead(before, mine.id())).isTrue();

        adminDeactivates(lead.id());

        assertThat(access.canLead(accounts.actor(lead.principal()), mine.id())).isFalse();
        assertThat(access.teamsLedBy(accounts.actor(lead.principal()))).isEmpty();
    }

    @Autowired
    AgentAdministration administration;

    private void adminDeactivates(long agentId) {
        administration.change(null, agentId, AgentChanges.NONE.withActive(false));
    }
}
