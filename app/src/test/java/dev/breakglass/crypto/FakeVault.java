package dev.breakglass.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;

/**
 * An HTTP server that speaks the parts of Vault's API Breakglass uses, as Vault's documentation describes
 * them: transit keys (create, read, rotate, config with {@code min_decryption_version}), encrypt, decrypt
 * and rewrap with {@code batch_input} and derived keys, AppRole login and token renewal, and
 * {@code sys/health}. It really encrypts (AES-256-GCM per key version, per derivation context), so a wrong
 * context fails as it does in Vault. It can be sealed, deny permission, answer slowly or vanish mid-request,
 * and it counts requests per endpoint.
 */
public final class FakeVault implements AutoCloseable {

    public static final String ROOT_TOKEN = "fake-root-token";
    public static final String ROLE_ID = "breakglass-role";
    public static final String SECRET_ID = "breakglass-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRANSIT =
            Pattern.compile("/v1/([^/]+(?:/[^/]+)*?)/(keys|encrypt|decrypt|rewrap)/([^/]+)(/rotate|/config)?");
    private static final Pattern CIPHERTEXT = Pattern.compile("vault:v(\\d+):([A-Za-z0-9+/=]+)");

    private volatile HttpServer server;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, TransitKey> keys = new ConcurrentHashMap<>();
    private final Map<String, Long> tokens = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<String> namespaces = new CopyOnWriteArrayList<>();
    private volatile boolean sealed;
    private volatile boolean denying;
    private volatile long delayMillis;
    private volatile String vanishOn;
    private volatile int appRoleTtlSeconds = 3600;
    private volatile String mount = "transit";
    private volatile boolean vanished;
    private final SSLContext tls;
    private int port;

    static {
        // Without it the JDK server waits for the client's delayed ACK between headers and body (~40 ms a request).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private FakeVault(SSLContext tls) throws IOException {
        this.tls = tls;
        server = listen(0);
        tokens.put(ROOT_TOKEN, Long.MAX_VALUE);
    }

    private HttpServer listen(int port) throws IOException {
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        HttpServer listening;
        if (tls == null) {
            listening = HttpServer.create(address, 0);
        } else {
            HttpsServer https = HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            listening = https;
        }
        listening.setExecutor(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-vault");
            thread.setDaemon(true);
            return thread;
        }));
        listening.createContext("/", this::handle);
        return listening;
    }

    /** After {@link #vanishOn}: listens again on the same port, with the same keys and tokens. */
    public void comeBack() {
        if (!vanished) {
            return;
        }
        try {
            Thread.sleep(100); // let the stopping server release the port
            server = listen(port);
            server.start();
            vanished = false;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a fake Vault on a free local port, with the transit engine mounted at {@code transit}. */
    public static FakeVault start() {
        return start(null);
    }

    /** Starts a fake Vault that speaks HTTPS with the key and certificate in {@code tls}. */
    public static FakeVault start(SSLContext tls) {
        try {
            FakeVault vault = new FakeVault(tls);
            vault.server.start();
            vault.port = vault.server.getAddress().getPort();
            return vault;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return (tls == null ? "http" : "https") + "://127.0.0.1:" + port;
    }

    public void sealed(boolean sealed) {
        this.sealed = sealed;
    }

    /** Answers every authenticated request with 403 permission denied. */
    public void denying(boolean denying) {
        this.denying = denying;
    }

    /** Waits this long before answering any request. */
    public void delay(long millis) {
        this.delayMillis = millis;
    }

    /** The next request to this endpoint ({@code encrypt}, {@code decrypt}, ...) is dropped and the server shuts down. */
    public void vanishOn(String endpoint) {
        this.vanishOn = endpoint;
    }

    public void appRoleTtlSeconds(int seconds) {
        this.appRoleTtlSeconds = seconds;
    }

    /** Requests so far to an endpoint: {@code encrypt}, {@code decrypt}, {@code rewrap}, {@code keys}, {@code login}, {@code renew-self}, {@code health}. */
    public int requests(String endpoint) {
        AtomicInteger count = counts.get(endpoint);
        return count == null ? 0 : count.get();
    }

    public void resetCounts() {
        counts.clear();
    }

    /** The X-Vault-Namespace headers received, in order. */
    public List<String> namespaces() {
        return List.copyOf(namespaces);
    }

    public boolean hasKey(String name) {
        return keys.containsKey(name);
    }

    /** Revokes every token issued by AppRole login, as if they had expired. */
    public void revokeIssuedTokens() {
        tokens.keySet().removeIf(token -> !ROOT_TOKEN.equals(token));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String namespace = exchange.getRequestHeaders().getFirst("X-Vault-Namespace");
            if (namespace != null) {
                namespaces.add(namespace);
            }
            String endpoint = endpointOf(path);
            counts.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
            sleep(delayMillis);
            if (endpoint.equals(vanishOn)) {
                vanishOn = null;
                vanished = true;
                HttpServer stopping = server;
                new Thread(() -> stopping.stop(0)).start();
                return; // the connection closes without an answer
            }
            JsonNode body = readBody(exchange);
            if (path.equals("/v1/sys/health")) {
                ObjectNode health = JSON.createObjectNode()
                        .put("initialized", true)
                        .put("sealed", sealed)
                        .put("standby", false)
                        .put("version", "1.15.0-fake");
                send(exchange, sealed ? 503 : 200, health);
                return;
            }
            if (sealed) {
                send(exchange, 503, errors("Vault is sealed"));
                return;
            }
            if (path.equals("/v1/auth/approle/login")) {
                login(exchange, body);
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
            Long expiry = token == null ? null : tokens.get(token);
            if (denying || expiry == null || expiry < System.currentTimeMillis()) {
                send(exchange, 403, errors("1 error occurred:\n\t* permission denied\n\n"));
                return;
            }
            if (path.equals("/v1/auth/token/renew-self")) {
                tokens.put(token, System.currentTimeMillis() + appRoleTtlSeconds * 1000L);
                send(exchange, 200, auth(token));
                return;
            }
            Matcher transit = TRANSIT.matcher(path);
            if (!transit.matches() || !transit.group(1).equals(mount)) {
                send(exchange, 404, errors("no handler for route \"" + path + "\". route entry not found."));
                return;
            }
            String operation = transit.group(2);
            String name = transit.group(3);
            String suffix = transit.group(4);
            String method = exchange.getRequestMethod();
            switch (operation) {
                case "keys" -> keys(exchange, method, name, suffix, body);
                case "encrypt" -> batch(exchange, name, body, this::encryptItem);
                case "decrypt" -> batch(exchange, name, body, this::decryptItem);
                default -> batch(exchange, name, body, this::rewrapItem);
            }
        }
    }

    private static String endpointOf(String path) {
        if (path.endsWith("/login")) {
            return "login";
        }
        if (path.endsWith("/renew-self")) {
            return "renew-self";
        }
        if (path.endsWith("/sys/health")) {
            return "health";
        }
        Matcher transit = TRANSIT.matcher(path);
        if (transit.matches()) {
            return transit.group(4) == null
                    ? transit.group(2)
                    : transit.group(4).substring(1);
        }
        return path;
    }

    private void login(HttpExchange exchange, JsonNode body) throws IOException {
        if (!ROLE_ID.equals(body.path("role_id").asText())
                || !SECRET_ID.equals(body.path("secret_id").asText())) {
            send(exchange, 400, errors("invalid role or secret ID"));
            return;
        }
        String token = "hvs.fake-" + UUID.randomUUID();
        tokens.put(token, System.currentTimeMillis() + appRoleTtlSeconds * 1000L);
        send(exchange, 200, auth(token));
    }

    private ObjectNode auth(String token) {
        ObjectNode root = JSON.createObjectNode();
        root.putNull("data");
        root.put("lease_duration", 0).put("renewable", false).put("lease_id", "");
        ObjectNode auth = root.putObject("auth");
        auth.put("client_token", token)
                .put("accessor", "fake-accessor")
                .put("lease_duration", appRoleTtlSeconds)
                .put("renewable", true);
        auth.putArray("policies").add("breakglass");
        return root;
    }

    private void keys(HttpExchange exchange, String method, String name, String suffix, JsonNode body)
            throws IOException {
        TransitKey key = keys.get(name);
        if (suffix == null && method.equals("GET")) {
            if (key == null) {
                send(exchange, 404, errors());
                return;
            }
            send(exchange, 200, JSON.createObjectNode().set("data", key.describe(name)));
            return;
        }
        if (suffix == null) {
            if (key == null) {
                key = new TransitKey(
                        body.path("type").asText("aes256-gcm96"),
                        body.path("derived").asBoolean(false),
                        random);
                keys.put(name, key);
            }
            // OpenBao answers key creation and configuration with the key's description (FakeVaultContractTest).
            send(exchange, 200, JSON.createObjectNode().set("data", key.describe(name)));
            return;
        }
        if (key == null) {
            send(exchange, 400, errors("key not found"));
            return;
        }
        if (suffix.equals("/rotate")) {
            key.rotate(random);
            send(exchange, 200, JSON.createObjectNode().set("data", key.describe(name)));
            return;
        }
        int minimum = body.path("min_decryption_version").asInt(key.minDecryptionVersion);
        if (minimum > key.latest) {
            send(exchange, 400, errors("cannot set min decryption version greater than latest version"));
            return;
        }
        key.minDecryptionVersion = minimum;
        send(exchange, 200, JSON.createObjectNode().set("data", key.describe(name)));
    }

    private void batch(HttpExchange exchange, String name, JsonNode body, ItemOperation operation) throws IOException {
        TransitKey key = keys.get(name);
        if (key == null) {
            send(exchange, 400, errors("encryption key not found"));
            return;
        }
        JsonNode input = body.path("batch_input");
        if (!input.isArray() || input.isEmpty()) {
            send(exchange, 400, errors("missing batch input to process"));
            return;
        }
        boolean contextSet = !input.get(0).path("context").asText("").isEmpty();
        for (JsonNode item : input) {
            if (item.path("context").asText("").isEmpty() == contextSet) {
                send(exchange, 400, errors("context should be set either in all the request blocks or in none"));
                return;
            }
        }
        ArrayNode results = JSON.createArrayNode();
        boolean anyError = false;
        for (JsonNode item : input) {
            ObjectNode result = results.addObject();
            try {
                operation.apply(key, item, result);
            } catch (ItemError e) {
                result.removeAll();
                result.put("error", e.getMessage());
                anyError = true;
            }
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.putObject("data").set("batch_results", results);
        send(exchange, anyError ? 400 : 200, answer);
    }

    private void encryptItem(TransitKey key, JsonNode item, ObjectNode result) {
        byte[] plaintext = decode(item.path("plaintext").asText(null), "plaintext");
        byte[] context = derivationContext(key, item);
        result.put("ciphertext", key.seal(key.latest, context, plaintext, random))
                .put("key_version", key.latest);
    }

    private void decryptItem(TransitKey key, JsonNode item, ObjectNode result) {
        byte[] plaintext = key.open(item.path("ciphertext").asText(""), derivationContext(key, item));
        result.put("plaintext", Base64.getEncoder().encodeToString(plaintext));
    }

    private void rewrapItem(TransitKey key, JsonNode item, ObjectNode result) {
        byte[] context = derivationContext(key, item);
        byte[] plaintext = key.open(item.path("ciphertext").asText(""), context);
        result.put("ciphertext", key.seal(key.latest, context, plaintext, random))
                .put("key_version", key.latest);
    }

    private static byte[] derivationContext(TransitKey key, JsonNode item) {
        String context = item.path("context").asText("");
        if (key.derived && context.isEmpty()) {
            throw new ItemError(
                    "missing 'context' for key derivation; the key was created using a derived key, "
                            + "which means additional, per-request information must be included in order to perform operations with the key");
        }
        return context.isEmpty() ? new byte[0] : decode(context, "context");
    }

    private static byte[] decode(String base64, String what) {
        if (base64 == null) {
            throw new ItemError("missing " + what);
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new ItemError("failed to base64-decode " + what);
        }
    }

    private static ObjectNode errors(String... messages) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode errors = root.putArray("errors");
        for (String message : messages) {
            errors.add(message);
        }
        return root;
    }

    private static JsonNode readBody(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sendEmpty(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface ItemOperation {
        void apply(TransitKey key, JsonNode item, ObjectNode result);
    }

    /** A problem with one batch item; Vault reports it in that item's {@code error}. */
    private static final class ItemError extends RuntimeException {
        ItemError(String message) {
            super(message);
        }
    }

    /** A named transit key: versions of 256-bit key material, derived per context with HMAC-SHA256. */
    private static final class TransitKey {

        final String type;
        final boolean derived;
        final Map<Integer, byte[]> versions = new TreeMap<>();
        final Map<Integer, Long> created = new TreeMap<>();
        volatile int latest;
        volatile int minDecryptionVersion = 1;

        TransitKey(String type, boolean derived, SecureRandom random) {
            this.type = type;
            this.derived = derived;
            rotate(random);
        }

        synchronized void rotate(SecureRandom random) {
            byte[] material = new byte[32];
            random.nextBytes(material);
            latest++;
            versions.put(latest, material);
            created.put(latest, System.currentTimeMillis() / 1000);
        }

        synchronized ObjectNode describe(String name) {
            ObjectNode data = JSON.createObjectNode();
            data.put("name", name)
                    .put("type", type)
                    .put("derived", derived)
                    .put("exportable", false)
                    .put("deletion_allowed", false)
                    .put("latest_version", latest)
                    .put("min_decryption_version", minDecryptionVersion)
                    .put("min_encryption_version", 0)
                    .put("supports_encryption", true)
                    .put("supports_decryption", true)
                    .put("supports_derivation", true)
                    .put("kdf", derived ? "hkdf_sha256" : null);
            ObjectNode keyVersions = data.putObject("keys");
            created.forEach((version, at) -> keyVersions.put(version.toString(), at));
            return data;
        }

        String seal(int version, byte[] context, byte[] plaintext, SecureRandom random) {
            try {
                byte[] nonce = new byte[12];
                random.nextBytes(nonce);
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.ENCRYPT_MODE, keyFor(version, context), new GCMParameterSpec(128, nonce));
                byte[] sealed = cipher.doFinal(plaintext);
                byte[] out = ByteBuffer.allocate(nonce.length + sealed.length)
                        .put(nonce)
                        .put(sealed)
                        .array();
                return "vault:v" + version + ":" + Base64.getEncoder().encodeToString(out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        byte[] open(String ciphertext, byte[] context) {
            Matcher matcher = CIPHERTEXT.matcher(ciphertext);
            if (!matcher.matches()) {
                throw new ItemError("invalid ciphertext: no prefix");
            }
            int version = Integer.parseInt(matcher.group(1));
            if (version < minDecryptionVersion) {
                throw new ItemError("ciphertext or hmac version is disallowed by policy (too old)");
            }
            if (!versions.containsKey(version)) {
                throw new ItemError("invalid ciphertext: key version not found");
            }
            byte[] in = decode(matcher.group(2), "ciphertext");
            if (in.length < 12 + 16) {
                throw new ItemError("invalid ciphertext: too short");
            }
            try {
                Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
                cipher.init(Cipher.DECRYPT_MODE, keyFor(version, context), new GCMParameterSpec(128, in, 0, 12));
                return cipher.doFinal(in, 12, in.length - 12);
            } catch (AEADBadTagException e) {
                throw new ItemError("cipher: message authentication failed");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private SecretKeySpec keyFor(int version, byte[] context) throws GeneralSecurityException {
            byte[] material = versions.get(version);
            if (!derived) {
                return new SecretKeySpec(material, "AES");
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return new SecretKeySpec(mac.doFinal(context), "AES");
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
