package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens that last, on a real OpenBao server: a static {@code VAULT_TOKEN} is looked up and renewed, a
 * revoked token is told apart from a policy that denies, AppRole reads its secret id from a file or unwraps
 * it, and revokes the tokens it no longer uses; keys that do not protect codes are refused.
 */
class VaultTokenLifecycleTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.dev();

    private static final List<String> CODES = List.of("1234-5678", "abcd-efgh");

    @TempDir
    Path dir;

    private final List<VaultConnection> connections = new ArrayList<>();
    private final CipherContext context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());
    private String key;

    @BeforeEach
    void newKey() {
        key = "lifecycle-" + UUID.randomUUID().toString().substring(0, 8);
        bao.bao("write", "-f", "transit/keys/" + key, "type=aes256-gcm96", "derived=true");
    }

    @AfterEach
    void close() {
        connections.forEach(VaultConnection::close);
    }

    @Test
    void staticToken_isRenewedBeforeItExpires_andKeepsWorking() throws InterruptedException {
        String token = bao.bao(
                        "token",
                        "create",
                        "-policy=" + bao.writePolicyFor(key, false),
                        "-ttl=3s",
                        "-explicit-max-ttl=1h",
                        "-field=token")
                .strip();
        VaultTransitCipher cipher = cipher(new VaultCredentials.Token(token));
        long renewalsBefore = bao.requests("auth/token/renew-self");

        List<String> ciphertexts = cipher.encryptAll(context, CODES);
        Thread.sleep(4500); // longer than the token's first 3 s lease

        assertThat(bao.requests("auth/token/renew-self") - renewalsBefore).isGreaterThanOrEqualTo(1);
        assertThat(cipher.decryptAll(context, ciphertexts)).containsExactlyElementsOf(CODES);
    }

    @Test
    void revokedToken_saysSo_andIsNotMistakenForAPolicyProblem() {
        String token = bao.policyTokenFor(key, false);
        VaultTransitCipher cipher = cipher(new VaultCredentials.Token(token));
        cipher.encryptAll(context, CODES);
        bao.bao("token", "revoke", token);

        assertThatThrownBy(() -> cipher.encryptAll(context, CODES))
                .isInstanceOf(CipherUnavailableException.class)
                .hasMessage("Vault no longer accepts Breakglass's token: it expired or was revoked. Your Breakglass "
                        + "administrator needs to give Breakglass a new one.");
    }

    @Test
    void appRole_readsItsSecretIdFromAFile() throws Exception {
        String role = appRole();
        Path secretFile = dir.resolve("secret-id");
        Files.writeString(
                secretFile, bao.bao("write", "-f", "-field=secret_id", "auth/approle/role/" + role + "/secret-id"));
        VaultCredentials credentials = VaultCredentials.fromEnvironment(
                Map.of("VAULT_ROLE_ID", roleId(role), "VAULT_SECRET_ID_FILE", secretFile.toString())::get);

        VaultTransitCipher cipher = cipher(credentials);

        assertThat(cipher.decryptAll(context, cipher.encryptAll(context, CODES)))
                .containsExactlyElementsOf(CODES);
    }

    @Test
    void appRole_unwrapsAResponseWrappedSecretIdOnce() {
        String role = appRole();
        String wrappingToken = bao.bao(
                        "write",
                        "-f",
                        "-wrap-ttl=60s",
                        "-field=wrapping_token",
                        "auth/approle/role/" + role + "/secret-id")
                .strip();
        VaultCredentials credentials =
                VaultCredentials.fromEnvironment(Map.of(
                        "VAULT_ROLE_ID",
                        roleId(role),
                        "VAULT_SECRET_ID",
                        wrappingToken,
                        "VAULT_SECRET_ID_WRAPPED",
                        "true")::get);

        VaultTransitCipher cipher = cipher(credentials);

        assertThat(cipher.decryptAll(context, cipher.encryptAll(context, CODES)))
                .containsExactlyElementsOf(CODES);
        assertThat(bao.requests("sys/wrapping/unwrap")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void appRole_revokesItsToken_onShutdown() {
        String role = appRole();
        String secretId = bao.bao("write", "-f", "-field=secret_id", "auth/approle/role/" + role + "/secret-id")
                .strip();
        VaultConnection connection =
                new VaultConnection(settings(), new VaultCredentials.AppRole(roleId(role), secretId));
        new VaultTransitCipher(new VaultTransit(connection)).encryptAll(context, CODES);
        long revocationsBefore = bao.requests("auth/token/revoke-self");

        connection.close();

        assertThat(bao.requests("auth/token/revoke-self") - revocationsBefore).isEqualTo(1);
    }

    @Test
    void aKeyThatIsNotDerived_isRefused_beforeAnythingIsEncrypted() {
        String plain = key + "-plain";
        bao.bao("write", "-f", "transit/keys/" + plain, "type=aes256-gcm96");
        VaultTransitCipher cipher = new VaultTransitCipher(new VaultTransit(connection(plain)));

        assertThatThrownBy(() -> cipher.encryptAll(context, CODES))
                .isInstanceOf(VaultTransit.KeyUnfitException.class)
                .hasMessageContaining("is not an aes256-gcm96 key with derived=true");
        assertThat(bao.requests("transit/encrypt/" + plain)).isZero();
    }

    @Test
    void anExportableKey_andAConvergentKey_areRefused() {
        bao.bao(
                "write",
                "-f",
                "transit/keys/" + key + "-exportable",
                "type=aes256-gcm96",
                "derived=true",
                "exportable=true");
        bao.bao(
                "write",
                "-f",
                "transit/keys/" + key + "-convergent",
                "type=aes256-gcm96",
                "derived=true",
                "convergent_encryption=true");

        assertThatThrownBy(() -> new VaultTransitCipher(new VaultTransit(connection(key + "-exportable")))
                        .encryptAll(context, CODES))
                .isInstanceOf(VaultTransit.KeyUnfitException.class)
                .hasMessageContaining("is exportable");
        assertThatThrownBy(() -> new VaultTransitCipher(new VaultTransit(connection(key + "-convergent")))
                        .encryptAll(context, CODES))
                .isInstanceOf(VaultTransit.KeyUnfitException.class)
                .hasMessageContaining("convergent encryption");
    }

    private String appRole() {
        String policy = bao.writePolicyFor(key, false);
        bao.bao("write", "auth/approle/role/" + key, "token_policies=" + policy, "token_ttl=1h", "token_max_ttl=24h");
        return key;
    }

    private String roleId(String role) {
        return bao.bao("read", "-field=role_id", "auth/approle/role/" + role + "/role-id")
                .strip();
    }

    private VaultTransitCipher cipher(VaultCredentials credentials) {
        VaultConnection connection = new VaultConnection(settings(), credentials);
        connections.add(connection);
        return new VaultTransitCipher(new VaultTransit(connection));
    }

    private VaultConnection connection(String keyName) {
        VaultConnection connection = new VaultConnection(
                new VaultSettings(bao.address(), "", "transit", keyName, false, Duration.ofSeconds(2), "", "approle"),
                new VaultCredentials.Token(bao.rootToken()));
        connections.add(connection);
        return connection;
    }

    private VaultSettings settings() {
        return new VaultSettings(bao.address(), "", "transit", key, false, Duration.ofSeconds(2), "", "approle");
    }
}
