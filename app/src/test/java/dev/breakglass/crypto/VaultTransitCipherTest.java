package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Vault transit cipher against an HTTP server that speaks transit as Vault documents it ({@link FakeVault}).
 * With {@code VAULT_ADDR} and {@code VAULT_TOKEN} set, the same tests run against that real Vault instead
 * (transit enabled at {@code transit}; each run makes its own {@code breakglass-test-*} key), and the tests that
 * need to seal Vault, deny permission, slow it down or count requests are skipped there.
 */
class VaultTransitCipherTest {

    private static final List<String> CODES = List.of("1234-5678", "abcd efgh", "9f8e-7d6c-5b4a", "ü-unicode-ß");

    private static FakeVault fake;
    private static String address;
    private static String token;

    private final List<VaultConnection> connections = new java.util.ArrayList<>();
    private String key;
    private final CipherContext github = new CipherContext(UUID.randomUUID(), UUID.randomUUID());

    @BeforeAll
    static void startVault() {
        String realAddress = System.getenv("VAULT_ADDR");
        String realToken = System.getenv("VAULT_TOKEN");
        if (realAddress != null && !realAddress.isBlank() && realToken != null && !realToken.isBlank()) {
            address = realAddress;
            token = realToken;
        } else {
            fake = FakeVault.start();
            address = fake.address();
            token = FakeVault.ROOT_TOKEN;
        }
    }

    @AfterAll
    static void stopVault() {
        if (fake != null) {
            fake.close();
        }
    }

    @BeforeEach
    void newKey() {
        key = "breakglass-test-" + UUID.randomUUID().toString().substring(0, 8);
        if (fake != null) {
            fake.resetCounts();
        }
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(VaultConnection::close);
        if (fake != null) {
            fake.sealed(false);
            fake.denying(false);
            fake.delay(0);
        }
    }

    @Test
    void encryptAndDecrypt_returnTheSameCodes_withOneRequestEach() {
        VaultTransitCipher cipher = cipher(true);
        cipher.encryptAll(github, List.of("warm-up")); // creates the key
        resetCounts();

        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        List<String> plaintexts = cipher.decryptAll(github, ciphertexts);

        assertThat(plaintexts).containsExactlyElementsOf(CODES);
        assertThat(ciphertexts).allSatisfy(ciphertext -> assertThat(ciphertext).startsWith("vault:v1:"));
        assertThat(ciphertexts).doesNotContainAnyElementsOf(CODES);
        assertRequests("encrypt", 1);
        assertRequests("decrypt", 1);
    }

    @Test
    void missingKey_isCreatedDerived_whenCreateKeyIsOn() {
        VaultTransitCipher cipher = cipher(true);

        cipher.encryptAll(github, CODES);

        VaultTransit.TransitKey created = transit(true).readKey().orElseThrow();
        assertThat(created.type()).isEqualTo("aes256-gcm96");
        assertThat(created.derived()).isTrue();
        assertThat(created.latestVersion()).isEqualTo(1);
    }

    @Test
    void missingKey_failsWithSentence_whenCreateKeyIsOff() {
        assumeFake(); // a real Vault lets a token with "create" on transit/encrypt (such as root) create the key
        VaultTransitCipher cipher = cipher(false);

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageContaining("Vault has no encryption key named '" + key + "'")
                .hasMessageContaining("breakglass.vault.create-key=true");
    }

    @Test
    void codesOfOneAccount_doNotDecryptForAnother() {
        VaultTransitCipher cipher = cipher(true);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        CipherContext otherAccount = new CipherContext(UUID.randomUUID(), github.setId());

        assertThatThrownBy(() -> cipher.decryptAll(otherAccount, ciphertexts))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("failed Vault's integrity check");
    }

    @Test
    void codesOfOneSet_doNotDecryptForAnotherSetOfTheSameAccount() {
        VaultTransitCipher cipher = cipher(true);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        CipherContext otherSet = new CipherContext(github.accountId(), UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decryptAll(otherSet, ciphertexts))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("belongs to another set");
    }

    @Test
    void rotateThenRewrap_movesCiphertextsToTheNewestVersion_inOneRequest() {
        VaultTransitCipher cipher = cipher(true);
        List<String> v1 = cipher.encryptAll(github, CODES);

        assertThat(cipher.rotate()).isEqualTo(2);
        resetCounts();
        List<String> v2 = cipher.rewrapAll(github, v1);

        assertRequests("rewrap", 1);
        assertThat(v2).allSatisfy(ciphertext -> assertThat(ciphertext).startsWith("vault:v2:"));
        assertThat(cipher.decryptAll(github, v2)).containsExactlyElementsOf(CODES);
        assertThat(cipher.newestVersion()).isEqualTo(2);
        assertThat(cipher.encryptAll(github, List.of("new")).get(0)).startsWith("vault:v2:");
    }

    @Test
    void oldVersions_areRefused_afterMinDecryptionVersionIsRaised() throws Exception {
        VaultTransitCipher cipher = cipher(true);
        List<String> v1 = cipher.encryptAll(github, CODES);
        cipher.rotate();
        setMinDecryptionVersion(2);

        assertThatThrownBy(() -> cipher.decryptAll(github, v1))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("key version Vault no longer allows");
        assertThatThrownBy(() -> cipher.rewrapAll(github, v1))
                .hasMessageContaining("key version Vault no longer allows");
    }

    @Test
    void oneBadItem_failsTheWholeBatch() {
        VaultTransitCipher cipher = cipher(true);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        String tampered = ciphertexts.get(1).substring(0, ciphertexts.get(1).length() - 6) + "AAAAA=";

        assertThatThrownBy(() -> cipher.decryptAll(github, List.of(ciphertexts.get(0), tampered, ciphertexts.get(2))))
                .isInstanceOf(CipherException.class)
                .isNotInstanceOf(CipherUnavailableException.class);
    }

    @Test
    void sealedVault_failsWithSentence() {
        assumeFake();
        VaultTransitCipher cipher = cipher(true);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        fake.sealed(true);

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessage("Vault is sealed, so it cannot encrypt or decrypt codes right now. "
                        + "Ask your Vault operator to unseal it, then try again.");
        assertThatThrownBy(() -> cipher.decryptAll(github, ciphertexts)).hasMessageContaining("Vault is sealed");
        assertThat(transit(true).health().up()).isFalse();
    }

    @Test
    void permissionDenied_failsWithSentence_withoutTheToken() {
        assumeFake();
        VaultTransitCipher cipher = cipher(true);
        cipher.encryptAll(github, CODES);
        fake.denying(true);

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageContaining("Vault refused Breakglass permission to use the key")
                .hasMessageNotContaining(token);
    }

    @Test
    void slowVault_timesOut_afterTheConfiguredTimeout() {
        assumeFake();
        VaultTransitCipher cipher = cipher(true);
        cipher.encryptAll(github, CODES);
        fake.delay(2500);
        long start = System.nanoTime();

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageStartingWith("Vault did not answer within 1 second.");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2400));
    }

    @Test
    void unreachableVault_failsWithSentence() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultConnection connection = connection("http://127.0.0.1:" + closedPort, new VaultCredentials.Token(token), false, "");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessage("Vault could not be reached. Try again in a moment; if it keeps happening, "
                        + "tell your Breakglass administrator.");
    }

    @Test
    void appRole_logsIn_renewsItsToken_andLogsInAgainWhenTheTokenIsGone() throws InterruptedException {
        assumeFake();
        fake.appRoleTtlSeconds(3);
        VaultConnection connection = connection(address,
                new VaultCredentials.AppRole(FakeVault.ROLE_ID, FakeVault.SECRET_ID), true, "");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));

        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        assertRequests("login", 1);
        Thread.sleep(2600); // the token is renewed at two thirds of its 3 s lease
        assertThat(fake.requests("renew-self")).isGreaterThanOrEqualTo(1);
        assertThat(cipher.decryptAll(github, ciphertexts)).containsExactlyElementsOf(CODES);

        fake.revokeIssuedTokens();
        assertThat(cipher.decryptAll(github, ciphertexts)).containsExactlyElementsOf(CODES);
        assertRequests("login", 2);
    }

    @Test
    void wrongAppRoleSecret_failsWithSentence() {
        assumeFake();
        VaultConnection connection = connection(address, new VaultCredentials.AppRole(FakeVault.ROLE_ID, "wrong"), true, "");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageContaining("AppRole credentials were refused")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void namespace_isSentWithEveryRequest() {
        assumeFake();
        VaultConnection connection = connection(address, new VaultCredentials.Token(token), true, "team-a");
        new VaultTransitCipher(new VaultTransit(connection)).encryptAll(github, CODES);

        assertThat(fake.namespaces()).isNotEmpty().allMatch("team-a"::equals);
    }

    @Test
    void health_isUp_withTheKey_andDown_withoutIt() {
        assertThat(transit(false).health().up()).isFalse();
        assertThat(transit(false).health().problem()).contains("Vault has no encryption key named");

        cipher(true).encryptAll(github, CODES);
        VaultTransit.VaultHealth health = transit(false).health();
        assertThat(health.up()).isTrue();
        assertThat(health.key().orElseThrow().latestVersion()).isEqualTo(1);
    }

    private VaultTransitCipher cipher(boolean createKey) {
        return new VaultTransitCipher(transit(createKey));
    }

    private VaultTransit transit(boolean createKey) {
        return new VaultTransit(connection(address, new VaultCredentials.Token(token), createKey, ""));
    }

    private VaultConnection connection(String vaultAddress, VaultCredentials credentials, boolean createKey, String namespace) {
        VaultConnection connection = new VaultConnection(new VaultSettings(vaultAddress, namespace, "transit", key,
                createKey, Duration.ofSeconds(1), "", "approle"), credentials);
        connections.add(connection);
        return connection;
    }

    private void setMinDecryptionVersion(int version) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(address + "/v1/transit/keys/" + key + "/config"))
                .header("X-Vault-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"min_decryption_version\":" + version + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isIn(200, 204);
    }

    private static void resetCounts() {
        if (fake != null) {
            fake.resetCounts();
        }
    }

    /** Requests are counted by the fake; a real Vault does not tell. */
    private static void assertRequests(String endpoint, int expected) {
        if (fake != null) {
            assertThat(fake.requests(endpoint)).as("requests to " + endpoint).isEqualTo(expected);
        }
    }

    private static void assumeFake() {
        assumeTrue(fake != null, "needs the fake Vault: a real one is not sealed, denied or slowed down by a test");
    }
}
