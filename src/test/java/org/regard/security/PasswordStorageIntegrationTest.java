package org.regard.security;

import org.junit.jupiter.api.Test;
import org.regard.accounts.AgentAdministration;
import org.regard.accounts.Role;
import org.regard.support.IntegrationTest;
import org.regard.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A stolen database does not hand out passwords: they are stored as salted bcrypt hashes. */
@IntegrationTest
class PasswordStorageIntegrationTest {
    @Autowired
    TestData data;
    @Autowired
    AgentAdministration administration;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewAgentsPasswordIsStoredAsABcryptHash() {
        var agent = data.agent(Role.AGENT, data.team("hashing"));

        String stored = storedHashOf(agent.id());

        assertThat(stored).startsWith("{bcrypt}").doesNotContain(agent.password());
    }

    @Test
    void aChangedPasswordIsStoredAsABcryptHashToo() {
        var agent = data.agent(Role.AGENT, data.team("hashing"));
        String next = "another-long-passphrase";

        assertThat(administration.changePassword(agent.id(), agent.password(), next)).isTrue();

        assertThat(storedHashOf(agent.id())).startsWith("{bcrypt}").doesNotContain(next).doesNotContain(agent.password());
    }

    @Test
    void twoAgentsWithTheSamePasswordGetDifferentHashes() {
        var one = data.agent(Role.AGENT, data.team("hashing"));
        var two = data.agent(Role.AGENT, data.team("hashing"));

        assertThat(storedHashOf(one.id())).isNotEqualTo(storedHashOf(two.id()));
    }

    private String storedHashOf(long agentId) {
        return jdbc.sql("select password_hash from agent where id = ?").param(agentId).query(String.class).single();
    }
}
