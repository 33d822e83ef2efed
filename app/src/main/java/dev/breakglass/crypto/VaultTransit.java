package dev.breakglass.crypto;

import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonArray;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.json.JsonValue;
import io.github.jopenlibs.vault.response.HealthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transit endpoints Breakglass uses, as Vault's API documentation describes them: each encrypt,
 * decrypt and rewrap is one request with a {@code batch_input}, and a per-item error in
 * {@code batch_results} fails the whole call. Every failure becomes a {@link CipherException} whose message
 * the user can read.
 *
 * <p>vault-java-driver does not throw for 4xx answers, so every status is checked here; paths are KV
 * version 1 paths so that the driver leaves them alone.
 */
final class VaultTransit {

    private static final Logger log = LoggerFactory.getLogger(VaultTransit.class);

    private final VaultConnection connection;
    private final String mount;
    private final String key;
    private final boolean createKey;
    private volatile boolean keyChecked;
    private final MeterRegistry meters;

    VaultTransit(VaultConnection connection) {
        this(connection, new SimpleMeterRegistry());
    }

    /** @param meters where each Vault call is timed ({@code breakglass.vault.requests}, by operation and outcome) */
    VaultTransit(VaultConnection connection, MeterRegistry meters) {
        this.connection = connection;
        this.meters = meters;
        this.mount = connection.settings().mount();
        this.key = connection.settings().key();
        this.createKey = connection.settings().createKey();
    }

    VaultConnection.TokenStatus tokenStatus() {
        return connection.tokenStatus();
    }

    String keyName() {
        return key;
    }

    /**
     * Encrypts base64 plaintexts, each under the key derived for its own context (base64, one per plaintext); answers
     * {@code vault:v<n>:...}.
     */
    List<String> encrypt(List<String> contexts, List<String> base64Plaintexts) {
        checkKeyOnce();
        try {
            return batch("encrypt", "encrypt", "plaintext", "ciphertext", contexts, base64Plaintexts);
        } catch (KeyMissingException e) {
            if (!createKey) {
                throw e;
            }
            ensureKey();
            return batch("encrypt", "encrypt", "plaintext", "ciphertext", contexts, base64Plaintexts);
        }
    }

    /**
     * Before the first encryption (or at start-up, whichever comes first): the key must exist (or be created when
     * allowed) and be fit for Breakglass (derived, not exportable, not convergent), so no code is ever sealed with a
     * key that does not protect it. Checked once.
     *
     * @throws KeyMissingException when there is no key and creating it is not allowed
     * @throws KeyUnfitException when the key does not protect codes as Breakglass needs
     */
    synchronized void checkKeyOnce() {
        if (keyChecked) {
            return;
        }
        Optional<TransitKey> existing = readKey();
        if (existing.isPresent()) {
            requireUsable(existing.get());
        } else if (createKey) {
            ensureKey();
        } else {
            throw keyMissing();
        }
        keyChecked = true;
    }

    /** Decrypts ciphertexts, each made for its own context; answers base64 plaintexts in the same order. */
    List<String> decrypt(List<String> contexts, List<String> ciphertexts) {
        return batch("decrypt", "decrypt", "ciphertext", "plaintext", contexts, ciphertexts);
    }

    /** Moves ciphertexts to the newest key version inside Vault; no plaintext is returned. */
    List<String> rewrap(List<String> contexts, List<String> ciphertexts) {
        return batch("rewrap", "rewrap", "ciphertext", "ciphertext", contexts, ciphertexts);
    }

    /** The key's versions and settings, or empty when Vault has no key of that name. */
    Optional<TransitKey> readKey() {
        LogicalResponse response = call("key read", vault -> vault.logical().read(keyPath()));
        int status = status(response);
        if (status == 404) {
            return Optional.empty();
        }
        if (status != 200) {
            throw refusal("key read", response);
        }
        JsonObject data = response.getDataObject();
        if (data == null) {
            throw unreadable("key read");
        }
        return Optional.of(new TransitKey(
                data.getString("type", ""),
                data.getBoolean("derived", false),
                data.getInt("latest_version", 0),
                data.getInt("min_decryption_version", 0),
                data.getBoolean("exportable", false) || data.getBoolean("allow_plaintext_backup", false),
                data.getBoolean("convergent_encryption", false)));
    }

    /** Creates the key as Breakglass needs it when it is missing; checks it when it exists. */
    TransitKey ensureKey() {
        Optional<TransitKey> existing = readKey();
        if (existing.isPresent()) {
            return requireUsable(existing.get());
        }
        log.info("Creating the Vault transit key {}/keys/{} (aes256-gcm96, derived).", mount, key);
        LogicalResponse response = call(
                "key creation",
                vault -> vault.logical().write(keyPath(), Map.of("type", "aes256-gcm96", "derived", Boolean.TRUE)));
        if (!ok(response)) {
            throw refusal("key creation", response);
        }
        return readKey().orElseThrow(() -> keyMissing());
    }

    /** Adds a key version; new ciphertexts use it from now on. Answers the newest version. */
    int rotateKey() {
        LogicalResponse response = call("key rotation", vault -> vault.logical().write(keyPath() + "/rotate", null));
        if (!ok(response)) {
            throw refusal("key rotation", response);
        }
        return readKey().orElseThrow(this::keyMissing).latestVersion();
    }

    /** Whether Vault answers, is unsealed, and has a usable key; never throws. */
    VaultHealth health() {
        try {
            HealthResponse health = connection
                    .anonymousClient()
                    .debug()
                    .withNameSpace(null)
                    .health(true, true, null, null, null, null, null, null);
            if (Boolean.TRUE.equals(health.getSealed())
                    || health.getRestResponse().getStatus() == 503) {
                return VaultHealth.down("Vault is sealed.");
            }
        } catch (VaultException e) {
            return VaultHealth.down(connection.unavailable("health check", e).getMessage());
        }
        try {
            TransitKey transitKey = readKey().orElseThrow(this::keyMissing);
            return VaultHealth.up(requireUsable(transitKey));
        } catch (CipherException e) {
            return VaultHealth.down(e.getMessage());
        }
    }

    /** Refuses a key that does not protect codes as docs/vault.md promises; the message names the fix. */
    TransitKey requireUsable(TransitKey transitKey) {
        if (!transitKey.derived() || !"aes256-gcm96".equals(transitKey.type())) {
            throw new KeyUnfitException("The Vault key '" + key + "' is not an aes256-gcm96 key with "
                    + "derived=true, which Breakglass needs so that every account has its own key. Create a key as "
                    + "docs/vault.md shows and point breakglass.vault.key at it.");
        }
        if (transitKey.exportable()) {
            throw new KeyUnfitException("The Vault key '" + key + "' is exportable (or allows plaintext backup): "
                    + "whoever may export it can decrypt every code outside Vault. Breakglass needs a key created "
                    + "without exportable and allow_plaintext_backup; create one as docs/vault.md shows.");
        }
        if (transitKey.convergent()) {
            throw new KeyUnfitException("The Vault key '" + key + "' uses convergent encryption, which gives equal "
                    + "codes equal ciphertexts. Breakglass needs a key created without convergent_encryption; "
                    + "create one as docs/vault.md shows.");
        }
        return transitKey;
    }

    private List<String> batch(
            String operation,
            String endpoint,
            String inputField,
            String outputField,
            List<String> contexts,
            List<String> values) {
        if (contexts.size() != values.size()) {
            throw new IllegalArgumentException(
                    "A batch of " + values.size() + " items came with " + contexts.size() + " contexts.");
        }
        JsonArray items = new JsonArray();
        for (int i = 0; i < values.size(); i++) {
            items.add(Json.object().add(inputField, values.get(i)).add("context", contexts.get(i)));
        }
        String path = mount + "/" + endpoint + "/" + key;
        LogicalResponse response = call(operation, vault -> vault.logical().write(path, Map.of("batch_input", items)));
        JsonArray results = batchResults(response);
        if (!ok(response) && results == null) {
            throw refusal(operation, response);
        }
        if (results == null || results.size() != values.size()) {
            throw unreadable(operation);
        }
        List<String> answers = new ArrayList<>(values.size());
        for (int i = 0; i < results.size(); i++) {
            JsonObject item = results.get(i).isObject() ? results.get(i).asObject() : new JsonObject();
            String error = item.getString("error", "");
            if (!error.isEmpty()) {
                throw itemError(operation, error);
            }
            String answer = item.getString(outputField, "");
            if (answer.isEmpty() && !"plaintext".equals(outputField)) {
                throw unreadable(operation);
            }
            answers.add(answer);
        }
        if (!ok(response)) {
            throw refusal(operation, response);
        }
        return answers;
    }

    /**
     * Sends one request. With AppRole, a refused token is replaced by a new login and the request sent once
     * more; a request that died on a broken pooled connection is sent once more, except a key rotation.
     */
    private LogicalResponse call(String operation, VaultCall call) {
        boolean resent = false;
        for (int attempt = 0; ; attempt++) {
            Vault vault = connection.client();
            LogicalResponse response;
            Timer.Sample sample = Timer.start(meters);
            try {
                response = call.send(vault);
            } catch (VaultException e) {
                boolean retry = !resent && VaultConnection.brokenConnection(e) && !operation.equals("key rotation");
                sample.stop(timer(operation, retry ? "retried" : VaultConnection.failureKind(e)));
                if (retry) {
                    // A pooled connection Vault (or a proxy) closed while idle: every call but a rotation may go again.
                    resent = true;
                    continue;
                }
                throw connection.unavailable(operation, e);
            }
            sample.stop(timer(operation, outcome(status(response))));
            if (status(response) == 403
                    && attempt == 0
                    && !connection.tokenAccepted(vault)
                    && connection.tokenRefused(vault)) {
                continue;
            }
            return response;
        }
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder("breakglass.vault.requests")
                .description("Calls from Breakglass to Vault, by operation and outcome")
                .tag("operation", operation.replace(' ', '_'))
                .tag("outcome", outcome)
                .register(meters);
    }

    private static String outcome(int status) {
        return switch (status) {
            case 200, 204 -> "success";
            case 403 -> "denied";
            case 404 -> "not_found";
            case 503 -> "sealed";
            default -> status >= 400 && status < 500 ? "refused" : "error";
        };
    }

    private CipherException refusal(String operation, LogicalResponse response) {
        int status = status(response);
        String errors = errors(response);
        if (status == 403) {
            return forbidden(operation);
        }
        if (status == 404 || errors.contains("key not found") || errors.contains("policy not found")) {
            log.warn("Vault {} failed: the transit key {}/keys/{} does not exist.", operation, mount, key);
            return keyMissing();
        }
        log.warn("Vault {} failed with HTTP {}: {}", operation, status, errors);
        return new CipherUnavailableException("Vault refused the request (HTTP " + status
                + "). Your Breakglass administrator can find the details in the log.");
    }

    /**
     * A 403 has three causes: the token expired or was revoked, the key does not exist (Vault answers 403,
     * not 404, when the policy grants {@code update} but not {@code create} on the encrypt path), or the
     * policy really denies the operation. Vault is asked which one it is.
     */
    private CipherException forbidden(String operation) {
        if (!connection.tokenAccepted(connection.client())) {
            log.warn(
                    "Vault {} was refused: Vault no longer accepts Breakglass's token (expired or revoked).",
                    operation);
            return new CipherUnavailableException("Vault no longer accepts Breakglass's token: it expired or was "
                    + "revoked. Your Breakglass administrator needs to give Breakglass a new one.");
        }
        if (!operation.startsWith("key")) {
            try {
                if (readKey().isEmpty()) {
                    log.warn("Vault {} failed: the transit key {}/keys/{} does not exist.", operation, mount, key);
                    return keyMissing();
                }
            } catch (CipherException e) {
                // the key cannot be read either: the policy is the problem
            }
        }
        log.warn("Vault {} was refused: the policy denies it (HTTP 403).", operation);
        return new CipherUnavailableException("Vault refused Breakglass permission to use the key '" + key
                + "'. Your Breakglass administrator needs to check Breakglass's Vault policy.");
    }

    private KeyMissingException keyMissing() {
        return new KeyMissingException("Vault has no encryption key named '" + key + "' under '" + mount
                + "'. Your Breakglass administrator needs to create it, or set breakglass.vault.create-key=true.");
    }

    private CipherException itemError(String operation, String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        log.warn("Vault {} refused an item: {}", operation, error);
        if (lower.contains("too old") || lower.contains("disallowed by policy")) {
            return new CipherException("A stored code was encrypted with a key version Vault no longer allows "
                    + "(min_decryption_version). Your Vault operator must allow it again before it can be read.");
        }
        if (lower.contains("authentication failed")) {
            return new CipherException(
                    "A stored code failed Vault's integrity check: it was altered, or it was moved from another "
                            + "account, code set or position.");
        }
        if (lower.contains("key not found") || lower.contains("policy not found")) {
            return keyMissing();
        }
        return new CipherException("Vault could not " + verb(operation) + " one of the codes. Your Breakglass "
                + "administrator can find the details in the log.");
    }

    private static String verb(String operation) {
        return switch (operation) {
            case "encrypt" -> "encrypt";
            case "decrypt" -> "decrypt";
            default -> "re-encrypt";
        };
    }

    private static CipherException unreadable(String operation) {
        log.warn("Vault {} gave an answer without the expected batch_results.", operation);
        return new CipherUnavailableException("Vault gave an answer Breakglass could not read. Your Breakglass "
                + "administrator can find the details in the log.");
    }

    private static JsonArray batchResults(LogicalResponse response) {
        JsonObject data = response.getDataObject();
        JsonValue results = data == null ? null : data.get("batch_results");
        return results != null && results.isArray() ? results.asArray() : null;
    }

    private static String errors(LogicalResponse response) {
        try {
            JsonValue errors = Json.parse(new String(response.getRestResponse().getBody(), StandardCharsets.UTF_8))
                    .asObject()
                    .get("errors");
            return errors == null ? "" : errors.toString().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static int status(LogicalResponse response) {
        return response.getRestResponse().getStatus();
    }

    private static boolean ok(LogicalResponse response) {
        int status = status(response);
        return status == 200 || status == 204;
    }

    private String keyPath() {
        return mount + "/keys/" + key;
    }

    @FunctionalInterface
    private interface VaultCall {
        LogicalResponse send(Vault vault) throws VaultException;
    }

    /** The transit key as Vault describes it. */
    record TransitKey(
            String type,
            boolean derived,
            int latestVersion,
            int minDecryptionVersion,
            boolean exportable,
            boolean convergent) {}

    /** What the health check found. */
    record VaultHealth(boolean up, Optional<TransitKey> key, String problem) {
        static VaultHealth up(TransitKey key) {
            return new VaultHealth(true, Optional.of(key), "");
        }

        static VaultHealth down(String problem) {
            return new VaultHealth(false, Optional.empty(), problem);
        }
    }

    /** The key exists but does not protect codes as Breakglass needs (not derived, exportable, convergent). */
    static final class KeyUnfitException extends CipherUnavailableException {
        private static final long serialVersionUID = 1L;

        KeyUnfitException(String message) {
            super(message);
        }
    }

    /** Vault has no key of the configured name. */
    static final class KeyMissingException extends CipherUnavailableException {
        private static final long serialVersionUID = 1L;

        KeyMissingException(String message) {
            super(message);
        }
    }
}
