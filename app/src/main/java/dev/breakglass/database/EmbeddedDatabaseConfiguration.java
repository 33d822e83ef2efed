package dev.breakglass.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts a real PostgreSQL, unpacked from Maven Central, when no {@code spring.datasource.url} is
 * configured. Its files live under {@code <breakglass.data-dir>/postgres}, so data survives a restart; it listens on
 * loopback only, asks for a password only the data directory's owner can read, and writes durably.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** The superuser's password, read (or made) once: the server's start-up check and the pool both need it. */
    @Bean
    EmbeddedDatabasePassword embeddedDatabasePassword(DataDirectory dataDirectory) {
        return new EmbeddedDatabasePassword(
                EmbeddedDatabaseAccess.password(dataDirectory.dataDir()),
                EmbeddedDatabaseAccess.runtimePassword(dataDirectory.dataDir()));
    }

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory, EmbeddedDatabasePassword embeddedPassword) {
        Path dir = dataDirectory.resolve("postgres");
        String password = embeddedPassword.value();
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    // The embedded defaults are for evaluation, but what is saved there must survive a crash:
                    // zonky starts PostgreSQL with fsync and synchronous commit off, for tests.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setConnectConfig("password", password)
                    .start();
            EmbeddedDatabaseAccess.secure(postgres, password, embeddedPassword.runtime(), dir);
            log.info(
                    "Embedded PostgreSQL started on port {} with data in {} (for development and evaluation; "
                            + "set SPRING_DATASOURCE_URL to use your own PostgreSQL)",
                    postgres.getPort(),
                    dir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /** The application signs in as the runtime role, which may only append to and read the audit log. */
    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, EmbeddedDatabasePassword password) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl(EmbeddedDatabaseAccess.RUNTIME_ROLE, "postgres"));
        dataSource.setUsername(EmbeddedDatabaseAccess.RUNTIME_ROLE);
        dataSource.setPassword(password.runtime());
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("breakglass-embedded");
        return dataSource;
    }

    /** The migrations run as the owner of the tables: the embedded superuser. */
    @Bean
    FlywayConfigurationCustomizer migrationsAsOwner(EmbeddedPostgres postgres, EmbeddedDatabasePassword password) {
        return flyway -> flyway.dataSource(
                postgres.getJdbcUrl(EmbeddedDatabaseAccess.SUPERUSER, "postgres"),
                EmbeddedDatabaseAccess.SUPERUSER,
                password.value());
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !context.getEnvironment().containsProperty("spring.datasource.url");
        }
    }

    /** The embedded superuser's and runtime role's passwords; {@code toString()} does not show them. */
    record EmbeddedDatabasePassword(String value, String runtime) {

        @Override
        public String toString() {
            return "EmbeddedDatabasePassword[hidden]";
        }
    }
}
