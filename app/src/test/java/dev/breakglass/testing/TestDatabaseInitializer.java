package dev.breakglass.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context a database of its own, on one real PostgreSQL started once per test run,
 * and a data directory of its own. A context that sets {@code breakglass.test.embedded-defaults=true} is
 * left alone and starts the application's own embedded defaults instead.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var environment = context.getEnvironment();
        if (environment.getProperty("breakglass.test.embedded-defaults", Boolean.class, false)
                || environment.containsProperty("spring.datasource.url")) {
            return;
        }
        String database = "breakglass_test_" + CONTEXTS.incrementAndGet();
        EmbeddedPostgres postgres = server();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
            Path dataDir = Files.createTempDirectory("breakglass-test-data");
            environment
                    .getPropertySources()
                    .addFirst(new MapPropertySource(
                            "breakglass-test-database",
                            Map.of(
                                    "spring.datasource.url", postgres.getJdbcUrl("postgres", database),
                                    "spring.datasource.username", "postgres",
                                    "spring.datasource.password", "",
                                    "breakglass.data-dir", dataDir.toString(),
                                    // the demo workspace, unless the test wants the empty database of a first run
                                    "breakglass.demo", environment.getProperty("breakglass.demo", "true"))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the test database " + database, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test PostgreSQL", e);
            }
        }
        return server;
    }
}
