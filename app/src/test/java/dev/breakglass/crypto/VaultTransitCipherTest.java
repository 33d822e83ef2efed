package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Vault transit cipher against a real OpenBao server set up as docs/vault.md says. Each test has a key of
 * its own ({@code breakglass-test-*}) and, unless it says otherwise, a token holding only the documented
 * least-privilege policy for that key; requests are counted in Vault's own audit log.
 */
class VaultTransitCipherTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.dev();

    private static final List<String> CODES = List.of("1234-5678", "abcd efgh", "9f8e-7d6c-5b4a", "ü-unicode-ß");

    private final List<VaultConnection> connections = new ArrayList<>();
    private String key;
    private final CipherContext github = new CipherContext(UUID.randomUUID(), UUID.randomUUID());

    @BeforeEach
    void newKey() {
        key = "breakglass-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(VaultConnection::close);
    }

    @Test
    void encryptAndDecrypt_returnTheSameCodes_withOneRequestEach() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);

        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        List<String> plaintexts = cipher.decryptAll(github, ciphertexts);

        assertThat(plaintexts).containsExactlyElementsOf(CODES);
        assertThat(ciphertexts).allSatisfy(ciphertext -> assertThat(ciphertext).startsWith("vault:v1:"));
        assertThat(ciphertexts).doesNotContainAnyElementsOf(CODES);
        assertThat(bao.requests("transit/encrypt/" + key)).isEqualTo(1);
        assertThat(bao.requests("transit/decrypt/" + key)).isEqualTo(1);
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
        VaultTransitCipher cipher = cipher(false);

        // Under the documented policy Vault answers 403 for a key that does not exist, not 404.
        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageContaining("Vault has no encryption key named '" + key + "'")
                .hasMessageContaining("breakglass.vault.create-key=true");
    }

    @Test
    void codesOfOneAccount_doNotDecryptForAnother() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        CipherContext otherAccount = new CipherContext(UUID.randomUUID(), github.setId());

        assertThatThrownBy(() -> cipher.decryptAll(otherAccount, ciphertexts))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("failed Vault's integrity check");
    }

    @Test
    void memberFactorSecret_decryptsForItsMemberOnly_neverAsTheAccountWithTheSameId() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        UUID member = UUID.randomUUID();
        CipherContext factor = CipherContext.forMemberFactor(member, UUID.randomUUID());
        List<String> ciphertexts = cipher.encryptAll(factor, List.of("JBSWY3DPEHPK3PXP"));

        assertThat(cipher.decryptAll(factor, ciphertexts)).containsExactly("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> cipher.decryptAll(new CipherContext(member, factor.setId()), ciphertexts))
                .isInstanceOf(CipherException.class);
        assertThatThrownBy(() -> cipher.decryptAll(
                        CipherContext.forMemberFactor(UUID.randomUUID(), factor.setId()), ciphertexts))
                .isInstanceOf(CipherException.class);
    }

    @Test
    void codesOfOneSet_doNotDecryptForAnotherSetOfTheSameAccount() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        CipherContext otherSet = new CipherContext(github.ownerId(), UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decryptAll(otherSet, ciphertexts))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("failed Vault's integrity check");
    }

    @Test
    void aCodeMovedToAnotherPosition_isRefusedByVaultItself() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        long decrypts = bao.requests("transit/decrypt/" + key);

        assertThat(cipher.decryptAll(github.at(List.of(2)), List.of(ciphertexts.get(1))))
                .containsExactly(CODES.get(1));
        assertThatThrownBy(() -> cipher.decryptAll(github.at(List.of(1)), List.of(ciphertexts.get(1))))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("failed Vault's integrity check")
                .hasMessageContaining("moved from another account, code set or position");
        assertThat(bao.requests("transit/decrypt/" + key) - decrypts)
                .as("the refusal is Vault's own answer, not a check after decryption")
                .isEqualTo(2);
    }

    @Test
    void codesSealedTheFirstWay_stillDecryptAndRewrap_butNotAsTheCurrentBinding() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        CipherContext firstWay = github.boundAs(CipherBinding.ACCOUNT_AND_SET);
        List<String> sealed = CODES.stream()
                .map(code -> bao.sealTheFirstWay(key, github.accountId(), github.setId(), code))
                .toList();

        assertThat(cipher.decryptAll(firstWay, sealed)).containsExactlyElementsOf(CODES);
        assertThatThrownBy(() -> cipher.decryptAll(github, sealed)).isInstanceOf(CipherException.class);
        cipher.rotate();
        List<String> rewrapped = cipher.rewrapAll(firstWay, sealed);
        assertThat(rewrapped).allSatisfy(ciphertext -> assertThat(ciphertext).startsWith("vault:v2:"));
        assertThat(cipher.decryptAll(firstWay, rewrapped)).containsExactlyElementsOf(CODES);
    }

    @Test
    void rotateThenRewrap_movesCiphertextsToTheNewestVersion_inOneRequest() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        List<String> v1 = cipher.encryptAll(github, CODES);

        assertThat(cipher.rotate()).isEqualTo(2);
        List<String> v2 = cipher.rewrapAll(github, v1);

        assertThat(bao.requests("transit/rewrap/" + key)).isEqualTo(1);
        assertThat(bao.requests("transit/decrypt/" + key))
                .as("rewrap never asks for plaintext")
                .isZero();
        assertThat(v2).allSatisfy(ciphertext -> assertThat(ciphertext).startsWith("vault:v2:"));
        assertThat(cipher.decryptAll(github, v2)).containsExactlyElementsOf(CODES);
        assertThat(cipher.newestVersion()).isEqualTo(2);
        assertThat(cipher.encryptAll(github, List.of("new")).get(0)).startsWith("vault:v2:");
    }

    @Test
    void oldVersions_areRefused_afterMinDecryptionVersionIsRaised() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        List<String> v1 = cipher.encryptAll(github, CODES);
        cipher.rotate();
        bao.bao("write", "transit/keys/" + key + "/config", "min_decryption_version=2");

        assertThatThrownBy(() -> cipher.decryptAll(github, v1))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("key version Vault no longer allows");
        assertThatThrownBy(() -> cipher.rewrapAll(github, v1))
                .hasMessageContaining("key version Vault no longer allows");
    }

    @Test
    void oneBadItem_failsTheWholeBatch() {
        createKeyAsDocumented();
        VaultTransitCipher cipher = cipher(false);
        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        String tampered = ciphertexts.get(1).substring(0, ciphertexts.get(1).length() - 6) + "AAAAA=";

        assertThatThrownBy(() -> cipher.decryptAll(github, List.of(ciphertexts.get(0), tampered, ciphertexts.get(2))))
                .isInstanceOf(CipherException.class)
                .isNotInstanceOf(CipherUnavailableException.class);
    }

    @Test
    void permissionDenied_failsWithSentence_withoutTheToken() {
        createKeyAsDocumented();
        String defaultPolicyOnly = bao.bao("token", "create", "-policy=default", "-ttl=1h", "-field=token")
                .strip();
        VaultTransitCipher cipher = new VaultTransitCipher(
                new VaultTransit(connection(bao.address(), new VaultCredentials.Token(defaultPolicyOnly), false, "")));

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageContaining("Vault refused Breakglass permission to use the key")
                .hasMessageNotContaining(defaultPolicyOnly);
    }

    @Test
    void slowVault_timesOut_afterTheConfiguredTimeout() {
        createKeyAsDocumented();
        try (VaultProxy slow = VaultProxy.start(bao::address)) {
            VaultConnection connection = new VaultConnection(
                    new VaultSettings(slow.address(), "", "transit", key, false, Duration.ofSeconds(1), "", "approle"),
                    new VaultCredentials.Token(bao.policyTokenFor(key, false)));
            connections.add(connection);
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            cipher.encryptAll(github, CODES);
            slow.delay(2500);
            long start = System.nanoTime();

            assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                    .isInstanceOf(CipherUnavailableException.class)
                    .hasMessageStartingWith("Vault did not answer within 1 second.");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2400));
        }
    }

    @Test
    void aConnectionThatBreaks_isRetriedOnce_andTheCallSucceeds() {
        createKeyAsDocumented();
        try (VaultProxy flaky = VaultProxy.start(bao::address)) {
            VaultConnection connection = new VaultConnection(
                    new VaultSettings(flaky.address(), "", "transit", key, false, Duration.ofSeconds(2), "", "approle"),
                    new VaultCredentials.Token(bao.policyTokenFor(key, false)));
            connections.add(connection);
            VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));
            List<String> ciphertexts = cipher.encryptAll(github, CODES);
            flaky.breakConnectionOnce("/transit/decrypt/");

            assertThat(cipher.decryptAll(github, ciphertexts)).containsExactlyElementsOf(CODES);
            assertThat(flaky.requests("/transit/decrypt/")).isEqualTo(2);
            assertThat(bao.requests("transit/decrypt/" + key)).isEqualTo(1);
        }
    }

    @Test
    void everyVaultCall_isTimed_byOperationAndOutcome() {
        createKeyAsDocumented();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(
                connection(bao.address(), new VaultCredentials.Token(bao.policyTokenFor(key, false)), false, ""),
                meters));
        cipher.decryptAll(github, cipher.encryptAll(github, CODES));
        VaultTransitCipher denied = new VaultTransitCipher(new VaultTransit(
                connection(
                        bao.address(),
                        new VaultCredentials.Token(bao.bao("token", "create", "-policy=default", "-field=token")
                                .strip()),
                        false,
                        ""),
                meters));
        assertThatThrownBy(() -> denied.decryptAll(github, List.of("vault:v1:AAAA")));

        assertThat(meters.get("breakglass.vault.requests")
                        .tags("operation", "encrypt", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("breakglass.vault.requests")
                        .tags("operation", "decrypt", "outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(meters.get("breakglass.vault.requests")
                        .tags("operation", "decrypt", "outcome", "denied")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void unreachableVault_failsWithSentence() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        VaultConnection connection =
                connection("http://127.0.0.1:" + closedPort, new VaultCredentials.Token("unused"), false, "");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessage("Vault could not be reached. Try again in a moment; if it keeps happening, "
                        + "tell your Breakglass administrator.");
    }

    @Test
    void appRole_logsIn_renewsItsToken_andLogsInAgainWhenTheTokenIsGone() throws InterruptedException {
        createKeyAsDocumented();
        bao.writePolicyFor(key, false);
        bao.bao("write", "auth/approle/role/" + key, "token_policies=" + key, "token_ttl=3s", "token_max_ttl=1h");
        String roleId = bao.bao("read", "-field=role_id", "auth/approle/role/" + key + "/role-id")
                .strip();
        String secretId = bao.bao("write", "-f", "-field=secret_id", "auth/approle/role/" + key + "/secret-id")
                .strip();
        String login = "auth/approle/login";
        long loginsBefore = bao.requests(login);
        long renewalsBefore = bao.requests("auth/token/renew-self");
        VaultConnection connection =
                connection(bao.address(), new VaultCredentials.AppRole(roleId, secretId), false, "");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));

        List<String> ciphertexts = cipher.encryptAll(github, CODES);
        assertThat(bao.requests(login) - loginsBefore).isEqualTo(1);
        Thread.sleep(2600); // the token is renewed at two thirds of its 3 s lease
        assertThat(bao.requests("auth/token/renew-self") - renewalsBefore).isGreaterThanOrEqualTo(1);
        assertThat(cipher.decryptAll(github, ciphertexts)).containsExactlyElementsOf(CODES);

        bao.bao("token", "revoke", "-mode=path", "auth/approle/login");
        assertThat(cipher.decryptAll(github, ciphertexts)).containsExactlyElementsOf(CODES);
        assertThat(bao.requests(login) - loginsBefore).isEqualTo(2);
    }

    @Test
    void wrongAppRoleSecret_failsWithSentence() {
        VaultConnection connection =
                connection(bao.address(), new VaultCredentials.AppRole(bao.roleId(), "wrong"), true, "");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection));

        assertThatThrownBy(() -> cipher.encryptAll(github, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessageContaining("AppRole credentials were refused")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void namespace_isSentWithEveryRequest_andKeepsItsKeysApart() {
        String namespace = "team-" + key.substring(key.length() - 8);
        bao.bao("namespace", "create", namespace);
        bao.bao("secrets", "enable", "-namespace=" + namespace, "transit");
        bao.bao("write", "-namespace=" + namespace, "-f", "transit/keys/" + key, "type=aes256-gcm96", "derived=true");
        VaultTransitCipher inNamespace = new VaultTransitCipher(new VaultTransit(
                connection(bao.address(), new VaultCredentials.Token(bao.rootToken()), false, namespace)));

        List<String> ciphertexts = inNamespace.encryptAll(github, CODES);

        assertThat(inNamespace.decryptAll(github, ciphertexts)).containsExactlyElementsOf(CODES);
        assertThat(inNamespace.newestVersion()).isEqualTo(1);
        VaultTransit outside =
                new VaultTransit(connection(bao.address(), new VaultCredentials.Token(bao.rootToken()), false, ""));
        assertThat(outside.readKey())
                .as("the key exists only inside the namespace")
                .isEmpty();
    }

    @Test
    void health_isUp_withTheKey_andDown_withoutIt() {
        assertThat(transit(false).health().up()).isFalse();
        assertThat(transit(false).health().problem()).contains("Vault has no encryption key named");

        createKeyAsDocumented();
        VaultTransit.VaultHealth health = transit(false).health();
        assertThat(health.up()).isTrue();
        assertThat(health.key().orElseThrow().latestVersion()).isEqualTo(1);
    }

    /** {@code bao write -f transit/keys/<key> type=aes256-gcm96 derived=true}, as docs/vault.md shows. */
    private void createKeyAsDocumented() {
        bao.bao("write", "-f", "transit/keys/" + key, "type=aes256-gcm96", "derived=true");
    }

    private VaultTransitCipher cipher(boolean createKey) {
        return new VaultTransitCipher(transit(createKey));
    }

    private VaultTransit transit(boolean createKey) {
        String token = bao.policyTokenFor(key, createKey);
        return new VaultTransit(connection(bao.address(), new VaultCredentials.Token(token), createKey, ""));
    }

    private VaultConnection connection(
            String vaultAddress, VaultCredentials credentials, boolean createKey, String namespace) {
        VaultConnection connection = new VaultConnection(
                new VaultSettings(
                        vaultAddress, namespace, "transit", key, createKey, Duration.ofSeconds(2), "", "approle"),
                credentials);
        connections.add(connection);
        return connection;
    }
}
