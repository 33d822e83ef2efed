package dev.breakglass.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database as the embedded defaults start it, in a data directory of the test's own: a password only
 * the directory's owner can read, no way in without it, writes that survive a crash, and the same on a restart.
 */
class EmbeddedDatabaseAccessTest {

    @TempDir
    Path dataDir;

    private final EmbeddedDatabaseConfiguration configuration = new EmbeddedDatabaseConfiguration();

    @Test
    void firstStart_setsAPassword_refusesConnectionsWithoutIt_andWritesDurably() throws Exception {
        DataDirectory directory = new DataDirectory(dataDir);
        try (EmbeddedPostgres postgres = configuration.embeddedPostgres(directory, password(directory))) {
            DataSource dataSource = configuration.dataSource(postgres, password(directory));
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                assertThat(setting(statement, "fsync")).isEqualTo("on");
                assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
                assertThat(setting(statement, "password_encryption")).isEqualTo("scram-sha-256");
            } finally {
                ((HikariDataSource) dataSource).close();
            }
            Path passwordFile = dataDir.resolve("postgres-password");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");

            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "a guess"))
                    .isInstanceOf(SQLException.class);
            try (Connection withPassword = DriverManager.getConnection(
                    url, "postgres", Files.readString(passwordFile).strip())) {
                assertThat(withPassword.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void restart_keepsThePassword_andStillAsksForIt() throws Exception {
        DataDirectory directory = new DataDirectory(dataDir);
        try (EmbeddedPostgres first = configuration.embeddedPostgres(directory, password(directory))) {
            ((HikariDataSource) configuration.dataSource(first, password(directory))).close();
        }
        String password = Files.readString(dataDir.resolve("postgres-password"));

        try (EmbeddedPostgres again = configuration.embeddedPostgres(directory, password(directory))) {
            HikariDataSource dataSource = (HikariDataSource) configuration.dataSource(again, password(directory));
            try (Connection connection = dataSource.getConnection()) {
                assertThat(connection.isValid(5)).isTrue();
            } finally {
                dataSource.close();
            }
            assertThat(Files.readString(dataDir.resolve("postgres-password"))).isEqualTo(password);
            String url = "jdbc:postgresql://127.0.0.1:" + again.getPort() + "/postgres";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    private EmbeddedDatabaseConfiguration.EmbeddedDatabasePassword password(DataDirectory directory) {
        return configuration.embeddedDatabasePassword(directory);
    }

    private static String setting(Statement statement, String name) throws SQLException {
        try (ResultSet result = statement.executeQuery("SHOW " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
