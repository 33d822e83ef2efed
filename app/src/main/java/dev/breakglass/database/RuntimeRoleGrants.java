package dev.breakglass.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.lang.Nullable;

/**
 * After every migration run, gives the application's runtime role what it needs and nothing more: reading and
 * writing the tables, but on the audit tables only INSERT and SELECT, and no say over the schema's history. The
 * migrations run as the owner role, which keeps the tables, triggers and functions: the runtime role cannot switch
 * the audit triggers off, rewrite, delete or truncate an event, nor create objects in the schema that the owner's
 * triggers could pick up (docs/deployment.md, "Database roles"). Run on every start, so tables added by later
 * migrations are granted too.
 */
final class RuntimeRoleGrants implements Callback {

    private static final Logger log = LoggerFactory.getLogger(RuntimeRoleGrants.class);

    /** Tables the runtime role may only append to and read. */
    static final String[] APPEND_ONLY = {"audit_event", "audit_event_mac"};

    private final String runtimeRole;

    /** With no runtime role (the application signs in as the owner), grants nothing. */
    RuntimeRoleGrants(@Nullable String runtimeRole) {
        this.runtimeRole = runtimeRole;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return runtimeRole != null && event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            grant(
                    context.getConnection(),
                    runtimeRole,
                    context.getConfiguration().getTable());
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not grant the runtime role " + runtimeRole + " its rights: the migrations must run as the "
                            + "role that owns the tables (spring.flyway.user)",
                    e);
        }
    }

    @Override
    public String getCallbackName() {
        return "breakglass-runtime-role-grants";
    }

    static void grant(Connection connection, String role, String historyTable) throws SQLException {
        String grantee = quote(role);
        try (Statement statement = connection.createStatement()) {
            String schemaName;
            try (var rows = statement.executeQuery("SELECT current_schema()")) {
                rows.next();
                schemaName = rows.getString(1);
            }
            String schema = quote(schemaName);
            statement.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + grantee);
            statement.execute(
                    "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + grantee);
            statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + grantee);
            for (String table : APPEND_ONLY) {
                statement.execute("REVOKE ALL ON " + schema + "." + table + " FROM " + grantee);
                statement.execute("GRANT SELECT, INSERT ON " + schema + "." + table + " TO " + grantee);
            }
            statement.execute("REVOKE ALL ON " + schema + "." + quote(historyTable) + " FROM " + grantee);
            statement.execute("GRANT SELECT ON " + schema + "." + quote(historyTable) + " TO " + grantee);
            // Up to PostgreSQL 14 every role may create objects in the public schema: a function or operator of the
            // runtime role's there could be picked by the owner's triggers. Only the schema's owner (or a superuser)
            // can take that right from PUBLIC; anyone else gets a warning from PostgreSQL and one here.
            statement.execute("REVOKE CREATE ON SCHEMA " + schema + " FROM PUBLIC");
            statement.execute("REVOKE CREATE ON SCHEMA " + schema + " FROM " + grantee);
            try (var rows = statement.executeQuery(
                    "SELECT has_schema_privilege(" + literal(role) + ", " + literal(schemaName) + ", 'CREATE')")) {
                rows.next();
                if (rows.getBoolean(1)) {
                    log.warn(
                            "The runtime role {} may create objects in the schema {}, and the owner role could not "
                                    + "take that away: as the schema's owner run REVOKE CREATE ON SCHEMA {} FROM "
                                    + "PUBLIC (docs/deployment.md).",
                            role,
                            schema,
                            schema);
                }
            }
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
