package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Plain HTTP to Vault only on loopback, unless the operator says the path is protected another way. */
class VaultSettingsTest {

    @Test
    void plainHttp_toAnotherHost_isRefused_unlessExplicitlyAllowed() {
        assertThatThrownBy(
                        () -> settings("http://vault.example.com:8200", false).requireSafeAddress())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("uses plain http")
                .hasMessageContaining("breakglass.vault.allow-plain-http=true");
        assertThatCode(() -> settings("http://vault.example.com:8200", true).requireSafeAddress())
                .doesNotThrowAnyException();
    }

    @Test
    void https_andPlainHttpOnLoopback_areAccepted() {
        for (String address : new String[] {
            "https://vault.example.com:8200", "http://127.0.0.1:8200", "http://localhost:8200", "http://[::1]:8200"
        }) {
            assertThatCode(() -> settings(address, false).requireSafeAddress())
                    .as(address)
                    .doesNotThrowAnyException();
        }
    }

    private static VaultSettings settings(String address, boolean allowPlainHttp) {
        return new VaultSettings(
                address, "", "transit", "breakglass", false, Duration.ofSeconds(1), "", "approle", allowPlainHttp);
    }
}
