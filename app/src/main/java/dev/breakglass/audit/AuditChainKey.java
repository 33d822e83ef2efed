package dev.breakglass.audit;

import dev.breakglass.database.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The key of the audit chain's HMACs. It lives in a file outside the database (beside the local key file unless
 * {@code breakglass.audit.chain-key-file} says otherwise), so that whoever can rewrite the audit table cannot
 * rebuild the keyed chain. Every instance of a cluster needs the same file. Made on the first start; a missing file
 * while the database holds keyed events stops the start, since a new key would make the whole chain look broken.
 */
@Component
class AuditChainKey implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuditChainKey.class);
    private static final String ALGORITHM = "HmacSHA256";

    private final Path file;
    private final DSLContext db;
    private volatile SecretKeySpec key;

    AuditChainKey(
            DataDirectory dataDirectory,
            @Value("${breakglass.audit.chain-key-file:}") String chainKeyFile,
            @Value("${breakglass.crypto.local.key-file:}") String localKeyFile,
            DSLContext db) {
        this.file = !chainKeyFile.isBlank()
                ? Path.of(chainKeyFile)
                : !localKeyFile.isBlank()
                        ? Path.of(localKeyFile).toAbsolutePath().resolveSibling("audit-chain.key")
                        : dataDirectory.resolve("audit-chain.key");
        this.db = db;
    }

    /**
     * Reads (or makes) the key once every other bean is made: a missing local key file is reported first, by its
     * own check, since it is the graver loss.
     */
    @Override
    public void afterSingletonsInstantiated() {
        key();
    }

    private synchronized SecretKeySpec key() {
        if (key == null) {
            key = new SecretKeySpec(read(file, db), ALGORITHM);
        }
        return key;
    }

    /** The HMAC of an event's hash, chained to the previous event's HMAC. */
    byte[] mac(byte[] previousMac, byte[] eventHash) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key == null ? key() : key);
            mac.update(previousMac);
            return mac.doFinal(eventHash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** What the first keyed event of a workspace chains to: its workspace and position, keyed. */
    byte[] start(UUID workspaceId, long seq) {
        return mac(
                new byte[0],
                ("breakglass-audit-chain-start|" + workspaceId + "|" + seq).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(Path file, DSLContext db) {
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.UTF_8).strip());
                if (key.length < 32) {
                    throw new IllegalStateException("The audit chain key file " + file + " holds fewer than 32 bytes.");
                }
                return key;
            }
            if (db.fetchExists(db.selectOne().from("audit_event_mac"))) {
                throw new IllegalStateException("The audit chain key file " + file.toAbsolutePath()
                        + " is missing, but the audit log holds events keyed with it. Restore the file (every "
                        + "instance needs the same one); a new key would make the whole audit chain look broken.");
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try {
                Path written = Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(written, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.UTF_8);
            } catch (FileAlreadyExistsException e) {
                // another instance on the same data directory made it a moment ago
                return read(file, db);
            }
            log.info("Created the audit chain key {}: back it up with the key file", file.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the audit chain key " + file, e);
        }
    }
}
