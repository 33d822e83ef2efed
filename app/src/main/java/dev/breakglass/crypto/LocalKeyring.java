package dev.breakglass.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Versioned 256-bit master keys in a file only its owner can read. Created on first use; rotation adds a
 * version and makes it current, older versions stay so that older ciphertexts still decrypt.
 */
final class LocalKeyring {

    private static final String FORMAT = "breakglass-local-keyring-1";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final SecureRandom random;
    private final Guard guard;
    private volatile Map<Integer, byte[]> keys;
    private volatile int current;

    private LocalKeyring(Path file, SecureRandom random, Guard guard) {
        this.file = file;
        this.random = random;
        this.guard = guard;
    }

    /** Opens the key file, creating it with one fresh key when it does not exist; nothing checks it. */
    static LocalKeyring openOrCreate(Path file, SecureRandom random) {
        return openOrCreate(file, random, Guard.NONE);
    }

    /**
     * Opens the key file and lets the guard compare it with what the stored codes need; creates it with one fresh key
     * only when the guard agrees that nothing was encrypted before.
     */
    static LocalKeyring openOrCreate(Path file, SecureRandom random, Guard guard) {
        LocalKeyring keyring = new LocalKeyring(file, random, guard);
        if (Files.exists(file)) {
            keyring.load();
            guard.opened(file, keyring.keys);
        } else {
            guard.beforeCreating(file);
            keyring.keys = Map.of(1, keyring.newKey());
            keyring.current = 1;
            keyring.save();
            guard.opened(file, keyring.keys);
        }
        return keyring;
    }

    int currentVersion() {
        return current;
    }

    byte[] key(int version) {
        byte[] key = keys.get(version);
        if (key == null) {
            throw new CipherException(
                    "The local key file has no key version " + version + "; it may be an older copy of the key file.");
        }
        return key;
    }

    Path file() {
        return file;
    }

    /** Reads the key file again, as after an operator (or a test) put an earlier copy back. */
    synchronized void reload() {
        load();
    }

    /** Adds a new key version and makes it the one new ciphertexts use. */
    synchronized int rotate() {
        Map<Integer, byte[]> next = new TreeMap<>(keys);
        int version = current + 1;
        next.put(version, newKey());
        keys = Collections.unmodifiableMap(next);
        current = version;
        save();
        guard.rotated(version, next.get(version));
        return version;
    }

    /** What checks a key file against the stored codes when it is opened, created or rotated. */
    interface Guard {

        Guard NONE = new Guard() {};

        /** Refuses (by throwing) to create a key file when codes were encrypted with one before. */
        default void beforeCreating(Path file) {}

        /** Refuses (by throwing) a key file that does not fit the stored codes. */
        default void opened(Path file, Map<Integer, byte[]> keys) {}

        default void rotated(int version, byte[] key) {}
    }

    private byte[] newKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    private void load() {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(file.toFile());
            if (!FORMAT.equals(root.path("format").asText())) {
                throw new CipherException("The local key file " + file + " is not a Breakglass key file.");
            }
            Map<Integer, byte[]> loaded = new TreeMap<>();
            root.path("keys")
                    .properties()
                    .forEach(entry -> loaded.put(
                            Integer.parseInt(entry.getKey()),
                            Base64.getDecoder().decode(entry.getValue().asText())));
            keys = Collections.unmodifiableMap(loaded);
            current = root.path("current").asInt();
            key(current);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CipherException cipherException) {
                throw cipherException;
            }
            throw new CipherException("The local key file " + file + " could not be read.", e);
        }
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("current", current);
        ObjectNode keyNodes = root.putObject("keys");
        new TreeMap<>(keys)
                .forEach((version, key) ->
                        keyNodes.put(version.toString(), Base64.getEncoder().encodeToString(key)));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(temp);
            }
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the local key file " + file, e);
        }
    }
}
