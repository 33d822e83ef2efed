package dev.breakglass.demo;

import static dev.breakglass.db.Tables.WORKSPACE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.EmptyDatabaseTest;
import dev.breakglass.testing.Fixtures;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo workspace, with its published password, exists only when asked for, and is marked as the demo. */
@EmptyDatabaseTest
class DemoWorkspaceTest {

    @Autowired
    DSLContext db;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Fixtures fixtures;

    @Autowired
    DemoWorkspace demo;

    @BeforeEach
    void emptyDatabase() {
        fixtures.removeAllWorkspaces();
    }

    @Test
    void withoutTheSetting_evenOnTheEmbeddedDatabase_noDemoWorkspaceIsCreated() {
        new DemoData(db, passwords, new MockEnvironment()).run(new DefaultApplicationArguments());

        assertThat(db.fetchCount(WORKSPACE)).isZero();
    }

    @Test
    void whenAskedFor_theDemoWorkspaceIsCreated_andMarkedAsTheDemo() {
        new DemoData(db, passwords, new MockEnvironment().withProperty("breakglass.demo", "true"))
                .run(new DefaultApplicationArguments());

        var acme = db.selectFrom(WORKSPACE).fetchSingle();
        assertThat(acme.getName()).isEqualTo("Acme");
        assertThat(demo.isDemo(acme.getId())).isTrue();
    }
}
