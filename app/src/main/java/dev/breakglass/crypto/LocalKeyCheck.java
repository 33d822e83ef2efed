package dev.breakglass.crypto;

import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.LOCAL_KEY_CHECK;
import static org.jooq.impl.DSL.field;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Keeps the local key file and the database together: a key-check value per key version in the database (an
 * HMAC under the key, never the key), compared with the file whenever it is opened. A missing file, another
 * installation's file or an older copy stops Breakglass with a sentence, instead of a new key being made that
 * cannot read the stored codes (and whose codes the right file could not read once restored).
 */
final class LocalKeyCheck implements LocalKeyring.Guard {

    private static final byte[] CHECKED_TEXT = "breakglass local key check".getBytes(StandardCharsets.UTF_8);

    /** The key version of a local ciphertext ({@code local:v3:...} gives 3), or NULL for anything else. */
    private static final Field<Integer> LOCAL_VERSION =
            field("cast(substring({0} from '^local:v([0-9]+):') as integer)", Integer.class, BACKUP_CODE.CIPHERTEXT);

    private final DSLContext db;

    LocalKeyCheck(DSLContext db) {
        this.db = db;
    }

    /**
     * Before a key file is created: refuses when stored codes were encrypted with a local key, which a new key
     * could never read.
     *
     * @throws KeyFileMismatchException when the database holds local ciphertexts or key-check values
     */
    @Override
    public void beforeCreating(Path file) {
        Set<Integer> needed = versionsInUse(recorded());
        if (!needed.isEmpty()) {
            throw new KeyFileMismatchException("The local key file " + file + " is missing, but stored codes were "
                    + "encrypted with it (key " + versions(needed) + "). Restore the key file from your backup, or "
                    + "set breakglass.crypto.local.key-file to where it is. Breakglass did not start and made no new "
                    + "key, so nothing is lost.");
        }
    }

    /**
     * Compares an opened key file with the key-check values and the versions stored codes need, then records the
     * values of versions seen for the first time.
     *
     * @throws KeyFileMismatchException when a version is missing from the file or holds another key
     */
    @Override
    public void opened(Path file, Map<Integer, byte[]> keys) {
        Map<Integer, String> recorded = recorded();
        Set<Integer> missing = versionsInUse(recorded);
        missing.removeAll(keys.keySet());
        if (!missing.isEmpty()) {
            throw new KeyFileMismatchException("The local key file " + file + " has no key " + versions(missing)
                    + ", which stored codes were encrypted with: it may be an older copy. Restore the newest key "
                    + "file from your backup. Breakglass did not start, so nothing is lost.");
        }
        Set<Integer> different = new TreeSet<>();
        recorded.forEach((version, value) -> {
            if (!MessageDigest.isEqual(
                    value.getBytes(StandardCharsets.US_ASCII),
                    checkValue(keys.get(version)).getBytes(StandardCharsets.US_ASCII))) {
                different.add(version);
            }
        });
        if (!different.isEmpty()) {
            throw new KeyFileMismatchException(
                    "The local key file " + file + " holds a different key " + versions(different)
                            + " than the one the stored codes were encrypted with: it may be another installation's file. "
                            + "Restore this installation's key file from your backup. Breakglass did not start, so nothing "
                            + "is lost.");
        }
        keys.forEach((version, key) -> {
            if (!recorded.containsKey(version)) {
                record(version, key);
            }
        });
    }

    @Override
    public void rotated(int version, byte[] key) {
        record(version, key);
    }

    private void record(int version, byte[] key) {
        db.insertInto(LOCAL_KEY_CHECK)
                .set(LOCAL_KEY_CHECK.KEY_VERSION, version)
                .set(LOCAL_KEY_CHECK.CHECK_VALUE, checkValue(key))
                .onConflict(LOCAL_KEY_CHECK.KEY_VERSION)
                .doNothing()
                .execute();
    }

    private Map<Integer, String> recorded() {
        return db.select(LOCAL_KEY_CHECK.KEY_VERSION, LOCAL_KEY_CHECK.CHECK_VALUE)
                .from(LOCAL_KEY_CHECK)
                .fetchMap(LOCAL_KEY_CHECK.KEY_VERSION, LOCAL_KEY_CHECK.CHECK_VALUE);
    }

    /**
     * The key versions stored codes need: those with a key-check value, as every version is recorded when it is first
     * opened or made. Only a database from before key-check values (none recorded yet) is read for the versions its
     * ciphertexts name, once: that scan of every stored code is kept off later starts.
     */
    private Set<Integer> versionsInUse(Map<Integer, String> recorded) {
        Set<Integer> versions = new TreeSet<>(recorded.keySet());
        if (versions.isEmpty()) {
            db
                    .selectDistinct(LOCAL_VERSION)
                    .from(BACKUP_CODE)
                    .where(BACKUP_CODE.CIPHERTEXT.like("local:v%"))
                    .fetch(LOCAL_VERSION)
                    .stream()
                    .filter(Objects::nonNull)
                    .forEach(versions::add);
        }
        return versions;
    }

    static String checkValue(byte[] key) {
        if (key == null) {
            return "";
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(CHECKED_TEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime.", e);
        }
    }

    private static String versions(Set<Integer> versions) {
        return (versions.size() == 1 ? "version " : "versions ")
                + String.join(", ", versions.stream().map(String::valueOf).toList());
    }

    /** The key file does not fit the stored codes; Breakglass must not run with it. */
    static final class KeyFileMismatchException extends CipherUnavailableException {

        KeyFileMismatchException(String message) {
            super(message);
        }
    }
}
