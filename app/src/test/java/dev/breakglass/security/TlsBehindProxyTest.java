package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Breakglass behind a real TLS-terminating reverse proxy (HAProxy from Debian's packages, with the configuration in
 * {@code docs/deployment/haproxy-tls.cfg}): it knows it is served over HTTPS (Secure cookie, HSTS, https redirects),
 * sees the client's address rather than the proxy's, tracks sessions by cookie only, and sends its security
 * headers. The proxy connects from 127.0.0.2, the only address trusted to forward headers here; the client from
 * 127.0.0.1.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2"
        })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsBehindProxyTest {

    @LocalServerPort
    int appPort;

    @Autowired
    RoleFixtures fixtures;

    private Path folder;
    private Process haproxy;
    private int httpsPort;
    private HttpClient client;

    @BeforeAll
    void startProxy() throws Exception {
        Path executable = Path.of("/usr/sbin/haproxy");
        if (!Files.isExecutable(executable)) {
            String message = "HAProxy is not installed (Debian package haproxy): the TLS proxy test cannot run";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort(message);
        }
        folder = Files.createTempDirectory("breakglass-tls");
        Path key = folder.resolve("key.pem");
        Path cert = folder.resolve("cert.pem");
        run(List.of(
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost",
                "-keyout",
                key.toString(),
                "-out",
                cert.toString()));
        Path pem = folder.resolve("tls.pem");
        Files.writeString(pem, Files.readString(cert) + Files.readString(key));

        // The documented configuration, with one line for the test: the proxy connects from 127.0.0.2.
        String documented = Files.readString(Path.of("../docs/deployment/haproxy-tls.cfg"));
        Path config = folder.resolve("haproxy.cfg");
        Files.writeString(
                config,
                documented.replace(
                        "    server breakglass \"${BREAKGLASS_ADDRESS}\"",
                        "    source 127.0.0.2\n    server breakglass \"${BREAKGLASS_ADDRESS}\""));
        httpsPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "-db", "-f", config.toString())
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("haproxy.log").toFile());
        builder.environment().put("HTTPS_BIND", "127.0.0.1:" + httpsPort);
        builder.environment().put("TLS_PEM", pem.toString());
        builder.environment().put("BREAKGLASS_ADDRESS", "127.0.0.1:" + appPort);
        haproxy = builder.start();
        awaitListening(httpsPort);

        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trusted.setCertificateEntry(
                    "proxy", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        client = HttpClient.newBuilder()
                .sslContext(tls)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    @AfterAll
    void stopProxy() throws Exception {
        if (haproxy != null) {
            haproxy.destroy();
            haproxy.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void overTls_theSessionCookieIsSecure_andHstsAndTheSecurityHeadersAreSent() throws Exception {
        HttpResponse<String> page = client.send(
                HttpRequest.newBuilder(https("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .contains("Secure")
                        .contains("HttpOnly"));
        assertThat(page.headers().firstValue("Strict-Transport-Security"))
                .get()
                .asString()
                .contains("max-age=");
        assertThat(page.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
        assertThat(page.headers().firstValue("Permissions-Policy"))
                .get()
                .asString()
                .contains("camera=()")
                .contains("publickey-credentials-get=(self)");
        assertThat(page.body()).as("sessions are tracked by cookie only").doesNotContainIgnoringCase("jsessionid=");
    }

    @Test
    void straightToTheApp_overPlainHttp_nothingClaimsTls() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + appPort + "/login"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.contains("Secure"));
    }

    @Test
    void aSignInThroughTheProxy_redirectsToHttps_andIsAuditedWithTheClientsAddress() throws Exception {
        TestWorkspace workspace = fixtures.newWorkspace();
        String email = workspace.member(WorkspaceRole.USER).email();
        client.send(HttpRequest.newBuilder(https("/login")).GET().build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> failed = post(email, "not the password");
        HttpResponse<String> signedIn = post(email, RoleFixtures.PASSWORD);

        assertThat(failed.headers().firstValue("Location")).hasValue("https://localhost:" + httpsPort + "/login?error");
        assertThat(signedIn.headers().firstValue("Location")).hasValue("https://localhost:" + httpsPort + "/");
        assertThat(fixtures.auditDetails(workspace.id(), "LOGIN_FAILED"))
                .as("the client's address from X-Forwarded-For, not the proxy's")
                .contains("\"address\": \"127.0.0.1\"");
        assertThat(fixtures.auditDetails(workspace.id(), "LOGIN_SUCCEEDED")).contains("\"address\": \"127.0.0.1\"");
    }

    private HttpResponse<String> post(String email, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(
                HttpRequest.newBuilder(https("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://localhost:" + httpsPort)
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI https(String path) {
        return URI.create("https://localhost:" + httpsPort + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(int port) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!haproxy.isAlive()) {
                throw new IllegalStateException("HAProxy stopped: " + Files.readString(folder.resolve("haproxy.log")));
            }
            try (Socket socket = new Socket("127.0.0.1", port)) {
                if (socket.isConnected()) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("HAProxy did not listen on " + port);
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
