package dev.breakglass.benchmarks;

import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.LocalKeyringCiphers;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor of saving a code set: one JDBC batch insert of the set's encrypted rows, in one transaction, into an
 * embedded PostgreSQL (a table with {@code backup_code}'s columns and primary key). Whatever a save does on top
 * (the set row, the account lock, the audit event) is measured against this.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StoreBenchmark {

    @Param({"10", "100"})
    public int codes;

    private EmbeddedPostgres postgres;
    private Connection connection;
    private PreparedStatement insert;
    private UUID workspaceId;
    private List<String> ciphertexts;

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.builder().start();
        connection = postgres.getPostgresDatabase().getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("""
                    CREATE TABLE backup_code (
                        workspace_id uuid NOT NULL,
                        set_id uuid NOT NULL,
                        position integer NOT NULL,
                        ciphertext text,
                        used_at timestamp with time zone,
                        used_by uuid,
                        CONSTRAINT backup_code_pk PRIMARY KEY (set_id, position))""");
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement(
                "INSERT INTO backup_code (workspace_id, set_id, position, ciphertext) VALUES (?, ?, ?, ?)");
        workspaceId = UUID.randomUUID();
        List<String> plaintexts = new ArrayList<>();
        for (int i = 0; i < codes; i++) {
            plaintexts.add("%04d %04d".formatted(i, i * 7 % 10_000));
        }
        ciphertexts = LocalKeyringCiphers.open(
                        Files.createTempDirectory("breakglass-benchmark").resolve("keyring.json"))
                .encryptAll(new CipherContext(UUID.randomUUID(), UUID.randomUUID()), plaintexts);
    }

    @TearDown(Level.Trial)
    public void stop() throws IOException, SQLException {
        connection.close();
        postgres.close();
    }

    @Benchmark
    public int[] batchInsertSet() throws SQLException {
        UUID setId = UUID.randomUUID();
        for (int i = 0; i < codes; i++) {
            insert.setObject(1, workspaceId);
            insert.setObject(2, setId);
            insert.setInt(3, i + 1);
            insert.setString(4, ciphertexts.get(i));
            insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        connection.commit();
        return counts;
    }
}
