package dev.breakglass.crypto;

import dev.breakglass.database.DataDirectory;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Wires the ciphers: the local keyring is the embedded default. */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    LocalKeyringCipher localKeyringCipher(DataDirectory dataDirectory,
            @Value("${breakglass.crypto.local.key-file:}") String keyFile, SecureRandom random) {
        Path file = keyFile.isBlank() ? dataDirectory.resolve("keyring.json") : Path.of(keyFile);
        return new LocalKeyringCipher(LocalKeyring.openOrCreate(file, random), random);
    }

    @Bean
    @Primary
    CodeCipher codeCipher(LocalKeyringCipher local) {
        return new RoutingCodeCipher(local, Map.of(LocalKeyringCipher.PREFIX, local));
    }

    @Bean
    CipherStatus cipherStatus() {
        log.warn("Codes are encrypted with the LOCAL KEYRING: fine for development and evaluation, NOT for production. "
                + "Set VAULT_ADDR to encrypt through HashiCorp Vault's transit engine.");
        return new CipherStatus("Local keyring", false);
    }
}
