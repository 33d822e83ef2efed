package dev.breakglass.crypto;

import dev.breakglass.database.DataDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * Wires the ciphers. With {@code breakglass.vault.address} (or {@code VAULT_ADDR}) set, Vault transit
 * encrypts new codes and the local keyring is kept only to read codes it encrypted before; otherwise the
 * local keyring is the embedded default.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    LocalKeyringSource localKeyringSource(
            DataDirectory dataDirectory,
            @Value("${breakglass.crypto.local.key-file:}") String keyFile,
            SecureRandom random,
            DSLContext db) {
        Path file = keyFile.isBlank() ? dataDirectory.resolve("keyring.json") : Path.of(keyFile);
        return new LocalKeyringSource(file, random, new LocalKeyCheck(db));
    }

    @Bean(destroyMethod = "close")
    @Conditional(VaultConfigured.class)
    VaultConnection vaultConnection(VaultSettings settings, Environment environment) {
        log.info(
                "Codes are encrypted through Vault transit at {} with key {}/keys/{}.",
                settings.address(),
                settings.mount(),
                settings.key());
        return new VaultConnection(settings, VaultCredentials.fromEnvironment(environment::getProperty));
    }

    @Bean
    @Conditional(VaultConfigured.class)
    VaultTransit vaultTransit(
            VaultConnection connection, ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new VaultTransit(
                connection, meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    @Conditional(VaultConfigured.class)
    VaultTransitCipher vaultTransitCipher(VaultTransit transit) {
        return new VaultTransitCipher(transit);
    }

    @Bean
    EncryptionKeys encryptionKeys(LocalKeyringSource local, ObjectProvider<VaultTransitCipher> vault) {
        VaultTransitCipher vaultCipher = vault.getIfAvailable();
        Map<String, Supplier<VersionedCipher>> ciphers = new LinkedHashMap<>();
        if (vaultCipher != null) {
            ciphers.put(VaultTransitCipher.NAME, () -> vaultCipher);
            ciphers.put(LocalKeyringCipher.NAME, local::openOrCreate);
            return new EncryptionKeys(
                    vaultCipher,
                    ciphers,
                    new CipherStatus("Vault transit", true),
                    name -> !LocalKeyringCipher.NAME.equals(name) || local.exists());
        }
        LocalKeyringCipher localCipher = local.openOrCreate();
        ciphers.put(LocalKeyringCipher.NAME, () -> localCipher);
        log.warn("Codes are encrypted with the LOCAL KEYRING: fine for development and evaluation, NOT for production. "
                + "Set VAULT_ADDR to encrypt through HashiCorp Vault's transit engine.");
        return new EncryptionKeys(localCipher, ciphers, new CipherStatus("Local keyring", false), name -> true);
    }

    @Bean
    @Primary
    CodeCipher codeCipher(EncryptionKeys keys, LocalKeyringSource local, ObjectProvider<VaultTransitCipher> vault) {
        Map<String, CodeCipher> byPrefix = new LinkedHashMap<>();
        VaultTransitCipher vaultCipher = vault.getIfAvailable();
        if (vaultCipher != null) {
            byPrefix.put(VaultTransitCipher.PREFIX, vaultCipher);
        }
        // With Vault active and no key file, there must be no local ciphertexts to read: the guard refuses otherwise.
        if (vaultCipher == null || local.exists()) {
            byPrefix.put(LocalKeyringCipher.PREFIX, local.openOrCreate());
        } else {
            local.requireNothingEncrypted();
        }
        return new RoutingCodeCipher(keys.cipher(keys.activeCipher()), byPrefix);
    }

    @Bean
    CipherStatus cipherStatus(EncryptionKeys keys) {
        return keys.status();
    }

    @Bean
    CipherHealthIndicator cipherHealthIndicator(
            ObjectProvider<VaultTransit> transit,
            @Value("${breakglass.vault.health-cache:5s}") java.time.Duration cacheFor) {
        return new CipherHealthIndicator(transit.getIfAvailable(), cacheFor, java.time.Clock.systemUTC());
    }

    /**
     * Checks the Vault key (and looks up the token) once the application is up, creating the key when allowed.
     * A key that does not protect codes (not derived, exportable, convergent) stops the start; Vault being
     * unreachable or sealed is only logged, as codes become available once it is back.
     */
    @EventListener(ApplicationReadyEvent.class)
    void checkVaultKey(ApplicationReadyEvent event) {
        event.getApplicationContext().getBeanProvider(VaultTransit.class).ifAvailable(transit -> {
            try {
                transit.checkKeyOnce(); // the same check the first encryption would make, made once
            } catch (VaultTransit.KeyUnfitException e) {
                throw new IllegalStateException(e.getMessage());
            } catch (VaultTransit.KeyMissingException e) {
                log.warn(
                        "Vault has no transit key named {}: saving codes will fail until it is created "
                                + "(or breakglass.vault.create-key=true).",
                        transit.keyName());
            } catch (CipherException e) {
                log.warn("Vault is not ready yet: {}", e.getMessage());
            }
        });
    }

    /** The local key file, opened (or created) the first time a local cipher is needed. */
    static final class LocalKeyringSource {

        private final Path file;
        private final SecureRandom random;
        private final LocalKeyring.Guard guard;
        private LocalKeyringCipher cipher;

        LocalKeyringSource(Path file, SecureRandom random, LocalKeyring.Guard guard) {
            this.file = file;
            this.random = random;
            this.guard = guard;
        }

        boolean exists() {
            return Files.exists(file);
        }

        /** Without a key file: refuses when stored codes were encrypted with one. */
        void requireNothingEncrypted() {
            guard.beforeCreating(file);
        }

        synchronized LocalKeyringCipher openOrCreate() {
            if (cipher == null) {
                cipher = new LocalKeyringCipher(LocalKeyring.openOrCreate(file, random, guard), random);
            }
            return cipher;
        }
    }

    /** Vault mode: an address is configured. */
    static final class VaultConfigured implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(
                org.springframework.context.annotation.ConditionContext context,
                org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            String address = context.getEnvironment().getProperty("breakglass.vault.address", "");
            return !address.isBlank();
        }
    }
}
