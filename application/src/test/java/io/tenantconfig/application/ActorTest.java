package io.tenantconfig.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActorTest {

    @Test
    void an_actor_prints_as_the_subject_it_acts_for() {
        assertThat(new Actor("alice", Set.of("admin"), "req-1", "203.0.113.9")).hasToString("alice");
    }

    @Test
    void an_actors_roles_do_not_change_when_the_set_it_was_given_does() {
        Set<String> roles = new HashSet<>(Set.of("tenant"));
        Actor actor = new Actor("alice", roles, null, null);

        roles.add("admin");

        assertThat(actor.roles()).containsExactly("tenant");
    }
}
