package dev.breakglass.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded mode's two roles on a real PostgreSQL: the migrations run as the owner, the application signs in as
 * the runtime role, and that role can append to and read the audit log but cannot rewrite it, nor switch its guards
 * off.
 */
class DatabaseRolesTest {

    @TempDir
    static Path dataDir;

    private static final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();
    private static EmbeddedPostgres postgres;
    private static HikariDataSource runtime;
    private static UUID workspaceId = UUID.randomUUID();

    @BeforeAll
    static void migrateAsOwner() throws SQLException {
        DataDirectory directory = new DataDirectory(dataDir);
        var passwords = configuration.embeddedDatabasePassword(directory);
        postgres = configuration.embeddedPostgres(directory, passwords);
        var flyway = Flyway.configure()
                .locations("classpath:db/migration")
                .callbacks(new RuntimeRoleGrants(EmbeddedDatabaseAccess.RUNTIME_ROLE));
        configuration.migrationsAsOwner(postgres, passwords).customize(flyway);
        flyway.load().migrate();
        runtime = (HikariDataSource) configuration.dataSource(postgres, passwords);
        try (Connection connection = runtime.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO workspace (id, name) VALUES ('" + workspaceId + "', 'Roles')");
            statement.execute("INSERT INTO audit_event (workspace_id, action) VALUES ('" + workspaceId + "', 'ONE')");
            statement.execute(
                    "INSERT INTO audit_event_mac (workspace_id, seq, mac) VALUES ('" + workspaceId + "', 1, '\\x00')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void runtimeRole_appendsToAndReadsTheAuditLog() throws SQLException {
        try (Connection connection = runtime.getConnection();
                Statement statement = connection.createStatement()) {
            assertThat(connection.getMetaData().getUserName()).isEqualTo("breakglass_app");
            statement.execute("INSERT INTO audit_event (workspace_id, action) VALUES ('" + workspaceId + "', 'TWO')");
            try (var rows = statement.executeQuery(
                    "SELECT count(*) FROM audit_event WHERE workspace_id = '" + workspaceId + "'")) {
                rows.next();
                assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void runtimeRole_cannotUpdateDeleteOrTruncateAuditRows() {
        for (String table : RuntimeRoleGrants.APPEND_ONLY) {
            assertRefused("UPDATE " + table + " SET seq = seq", "permission denied");
            assertRefused("DELETE FROM " + table, "permission denied");
            assertRefused("TRUNCATE " + table, "permission denied");
        }
    }

    @Test
    void runtimeRole_cannotSwitchTheGuardsOff() {
        assertRefused("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only", "must be owner");
        assertRefused("ALTER TABLE audit_event DISABLE TRIGGER ALL", "must be owner");
        assertRefused("ALTER TABLE audit_event_mac DISABLE TRIGGER audit_event_mac_append_only", "must be owner");
        assertRefused("DROP TRIGGER audit_event_chain ON audit_event", "must be owner");
        assertRefused(
                "CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$ BEGIN RETURN OLD; END; $$",
                "permission denied for schema public");
        assertRefused("SET session_replication_role = replica", "permission denied");
        assertRefused("DELETE FROM flyway_schema_history", "permission denied");
    }

    @Test
    void runtimeRole_cannotCreateObjectsInTheSchema_thatTheOwnersTriggersCouldPickUp() {
        // PostgreSQL 14 (the embedded one) lets every role create in the public schema unless that is revoked.
        assertRefused("CREATE TABLE planted (id int)", "permission denied for schema public");
        assertRefused(
                "CREATE FUNCTION digest(text, text) RETURNS bytea LANGUAGE sql AS $$ SELECT '\\x00'::bytea $$",
                "permission denied for schema public");
    }

    private static void assertRefused(String sql, String message) {
        assertThatThrownBy(() -> {
                    try (Connection connection = runtime.getConnection();
                            Statement statement = connection.createStatement()) {
                        statement.execute(sql);
                    }
                })
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining(message);
    }
}
