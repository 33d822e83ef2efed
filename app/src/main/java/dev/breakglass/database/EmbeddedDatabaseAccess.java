package dev.breakglass.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;

/**
 * Who may open the embedded database: only whoever can read its password file. The PostgreSQL that the embedded
 * mode unpacks lets any local user in as superuser without a password (initdb's trust authentication); on its first
 * start Breakglass gives the superuser a random password, kept owner-only in the data directory beside the key
 * file, and switches every connection to password authentication (SCRAM). On later starts it only checks that this
 * is still so.
 */
final class EmbeddedDatabaseAccess {

    static final String SUPERUSER = "postgres";
    /** The role the application signs in as: it owns nothing, and may only append to and read the audit log. */
    static final String RUNTIME_ROLE = "breakglass_app";

    private static final String PASSWORD_FILE = "postgres-password";
    private static final String RUNTIME_PASSWORD_FILE = "postgres-app-password";
    private static final String PASSWORDS_ONLY = """
            # Written by Breakglass: every connection needs the password in the data directory's postgres-password file.
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private EmbeddedDatabaseAccess() {}

    /**
     * The superuser's password, created (owner-only) the first time. It is needed before the server starts: the
     * embedded PostgreSQL checks that it is up by signing in.
     */
    static String password(Path dataDir) {
        return passwordIn(dataDir.resolve(PASSWORD_FILE));
    }

    /** The runtime role's password, created (owner-only) the first time. */
    static String runtimePassword(Path dataDir) {
        return passwordIn(dataDir.resolve(RUNTIME_PASSWORD_FILE));
    }

    private static String passwordIn(Path passwordFile) {
        try {
            return Files.exists(passwordFile)
                    ? Files.readString(passwordFile, StandardCharsets.UTF_8).strip()
                    : createPasswordFile(passwordFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + passwordFile, e);
        }
    }

    /**
     * Makes sure the database asks for the password: sets it, and allows password authentication only. Makes the
     * runtime role (the superuser stays the owner, that the migrations run as) with its own password.
     */
    static void secure(EmbeddedPostgres postgres, String password, String runtimePassword, Path postgresDir) {
        try {
            // Under trust the password is ignored, under SCRAM it is checked: this connection works either way.
            try (Connection connection = postgres.getPostgresDatabase(Map.of("password", password))
                            .getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(password));
                try (var existing =
                        statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + RUNTIME_ROLE + "'")) {
                    if (!existing.next()) {
                        statement.execute("CREATE ROLE " + RUNTIME_ROLE + " LOGIN");
                    }
                }
                statement.execute("ALTER ROLE " + RUNTIME_ROLE + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD "
                        + literal(runtimePassword));
                Path hba = postgresDir.resolve("pg_hba.conf");
                if (!Files.readString(hba, StandardCharsets.UTF_8).equals(PASSWORDS_ONLY)) {
                    Files.writeString(hba, PASSWORDS_ONLY, StandardCharsets.UTF_8);
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded database in " + postgresDir, e);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Could not sign in to the embedded database with the password in the data "
                            + "directory's " + PASSWORD_FILE
                            + " file. Restore that file, or move the data directory's postgres "
                            + "folder away to start with an empty database.",
                    e);
        }
    }

    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    private static String createPasswordFile(Path file) throws IOException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path written = Files.createFile(
                file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(written, password + "\n", StandardCharsets.UTF_8);
        return password;
    }
}
