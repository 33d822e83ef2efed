package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fake Vault (kept for faults a real server cannot produce) must answer the requests Breakglass sends
 * as a real OpenBao server does: the same requests go to both and their answers are compared after leaving
 * out what differs by nature (ids, ciphertext bytes, timestamps). If this fails, fix the fake.
 */
class FakeVaultContractTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.dev();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static FakeVault fake;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startFake() {
        fake = FakeVault.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @Test
    void theFake_answersBreakglassRequests_asARealServerDoes() throws Exception {
        assertThat(conversation(fake.address(), FakeVault.ROOT_TOKEN))
                .containsExactlyElementsOf(conversation(bao.address(), bao.rootToken()));
    }

    /** Breakglass's requests in the order it sends them, each answer reduced to what Breakglass reads. */
    private List<String> conversation(String address, String token) throws Exception {
        String key = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        String account = base64("account-1");
        String other = base64("account-2");
        List<String> answers = new ArrayList<>();
        answers.add(send(address, token, "GET", "transit/keys/" + key, null));
        answers.add(
                send(address, token, "POST", "transit/keys/" + key, "{\"type\":\"aes256-gcm96\",\"derived\":true}"));
        answers.add(send(address, token, "GET", "transit/keys/" + key, null));
        String encrypted = raw(
                address,
                token,
                "POST",
                "transit/encrypt/" + key,
                batch("plaintext", List.of(base64("a"), base64("b")), account));
        List<String> v1 = new ArrayList<>();
        JSON.readTree(encrypted)
                .path("data")
                .path("batch_results")
                .forEach(item -> v1.add(item.path("ciphertext").asText()));
        answers.add(shape(200, encrypted));
        answers.add(send(address, token, "POST", "transit/decrypt/" + key, batch("ciphertext", v1, account)));
        answers.add(send(address, token, "POST", "transit/decrypt/" + key, batch("ciphertext", v1, other)));
        answers.add(send(address, token, "POST", "transit/keys/" + key + "/rotate", null));
        answers.add(send(address, token, "POST", "transit/rewrap/" + key, batch("ciphertext", v1, account)));
        answers.add(send(address, token, "POST", "transit/keys/" + key + "/config", "{\"min_decryption_version\":2}"));
        answers.add(send(address, token, "POST", "transit/decrypt/" + key, batch("ciphertext", v1, account)));
        answers.add(send(address, token, "GET", "transit/keys/" + key, null));
        answers.add(send(
                address,
                "not-a-token",
                "POST",
                "transit/encrypt/" + key,
                batch("plaintext", List.of(base64("a")), account)));
        answers.add(send(address, null, "GET", "sys/health", null));
        return answers;
    }

    private String send(String address, String token, String method, String path, String body) throws Exception {
        HttpResponse<String> response = request(address, token, method, path, body);
        return method + " " + path.replaceAll("contract-[0-9a-f]{8}", "KEY") + " -> "
                + shape(response.statusCode(), response.body());
    }

    private String raw(String address, String token, String method, String path, String body) throws Exception {
        return request(address, token, method, path, body).body();
    }

    private HttpResponse<String> request(String address, String token, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address + "/v1/" + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Vault-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Status class (2xx counts as one) and the fields Breakglass reads, with their values where they are stable. */
    private static String shape(int status, String body) throws IOException {
        StringBuilder shape = new StringBuilder(status == 204 ? "200" : String.valueOf(status));
        if (body == null || body.isBlank()) {
            return shape.toString();
        }
        JsonNode json = JSON.readTree(body);
        JsonNode data = json.path("data");
        for (String field : List.of(
                "type", "derived", "latest_version", "min_decryption_version", "exportable", "sealed", "initialized")) {
            if (data.has(field)) {
                shape.append(' ')
                        .append(field)
                        .append('=')
                        .append(data.get(field).asText());
            } else if (json.has(field)) {
                shape.append(' ')
                        .append(field)
                        .append('=')
                        .append(json.get(field).asText());
            }
        }
        for (JsonNode item : data.path("batch_results")) {
            shape.append(" [");
            if (item.hasNonNull("error") && !item.get("error").asText().isEmpty()) {
                shape.append("error:").append(errorKind(item.get("error").asText()));
            } else if (item.has("ciphertext")) {
                shape.append(item.get("ciphertext").asText().replaceAll("^(vault:v\\d+:).*", "$1..."));
            } else if (item.has("plaintext")) {
                shape.append("plaintext");
            }
            shape.append(']');
        }
        if (json.has("errors") && !json.path("errors").isEmpty()) {
            shape.append(" errors:").append(errorKind(json.get("errors").toString()));
        }
        return shape.toString();
    }

    /** The part of an error message Breakglass matches on (VaultTransit.itemError, refusal). */
    private static String errorKind(String error) {
        String lower = error.toLowerCase(Locale.ROOT);
        for (String kind : List.of("authentication failed", "disallowed by policy", "permission denied", "not found")) {
            if (lower.contains(kind)) {
                return kind;
            }
        }
        return "other";
    }

    private static String batch(String field, List<String> values, String context) {
        StringBuilder json = new StringBuilder("{\"batch_input\":[");
        for (int i = 0; i < values.size(); i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"")
                    .append(field)
                    .append("\":\"")
                    .append(values.get(i))
                    .append("\",\"context\":\"")
                    .append(context)
                    .append("\"}");
        }
        return json.append("]}").toString();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
