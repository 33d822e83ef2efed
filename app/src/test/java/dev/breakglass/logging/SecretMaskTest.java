package dev.breakglass.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each masking rule catches, in the shapes libraries print at DEBUG, and what it leaves alone. */
class SecretMaskTest {

    @Test
    void passwordHashes_areMasked_withOrWithoutTheirPrefix() {
        String argon2 = "{argon2}$argon2id$v=19$m=16384,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";
        String bcrypt = "$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0";

        assertThat(SecretMask.mask("+----+\n|" + argon2 + "|\n")).doesNotContain("aGFzaGhhc2hoYXNo");
        assertThat(SecretMask.mask("password_hash = '" + bcrypt + "'")).doesNotContain("uuvwxyz");
    }

    @Test
    void passwordsAndTokens_inFormsJsonAndHeaders_areMasked() {
        assertThat(SecretMask.mask("username=a%40b.test&password=hunter2-long&remember=on"))
                .isEqualTo("username=a%40b.test&password=[masked]&remember=on");
        assertThat(SecretMask.mask("{\"secret_id\":\"5b1c-99\",\"role_id\":\"r1\"}"))
                .isEqualTo("{\"secret_id\":[masked],\"role_id\":\"r1\"}");
        assertThat(SecretMask.mask("X-Vault-Token: hvs.CAESIJ0abcdefghijk")).doesNotContain("CAESIJ0");
        assertThat(SecretMask.mask("cookie: JSESSIONID=0F1E2D3C4B5A; Path=/"))
                .isEqualTo("cookie: JSESSIONID=[masked]; Path=/");
        assertThat(SecretMask.mask("Registering session 79F1FF997171E25146512A15F5B08331, for principal x"))
                .isEqualTo("Registering session [masked], for principal x");
        assertThat(SecretMask.mask("GET /set-password/Zm9vYmFyYmF6cXV4cXV1eHh5eg HTTP/1.1"))
                .isEqualTo("GET /set-password/[masked] HTTP/1.1");
        assertThat(SecretMask.mask("{\"plaintext\":\"MTExMTEtMjIyMjI=\",\"context\":\"YWNj\"}"))
                .doesNotContain("MTExMTEtMjIyMjI=")
                .contains("\"context\":\"YWNj\"");
    }

    @Test
    void aTextFieldsValue_sentByVaadinsClient_isMasked_butTheRestOfTheMessageStays() {
        String rpc = "{\"type\":\"mSync\",\"node\":41,\"feature\":1,\"property\":\"value\","
                + "\"value\":\"4283f-efc63\\n8a1b2-c3d4e\"}";

        assertThat(SecretMask.mask(rpc))
                .isEqualTo(
                        "{\"type\":\"mSync\",\"node\":41,\"feature\":1,\"property\":\"value\",\"value\":\"[masked]\"}");
    }

    @Test
    void ordinaryMessages_passUnchanged() {
        String message = "Started Application in 12.3 seconds (process running for 13.1); 4 accounts, 2 members; "
                + "HTTP status code: 500, exit code=1";

        assertThat(SecretMask.mask(message)).isSameAs(message);
        assertThat(SecretMask.mask(null)).isNull();
    }
}
