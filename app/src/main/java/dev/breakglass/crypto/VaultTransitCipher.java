package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encrypts through Vault's transit engine with one derived {@code aes256-gcm96} key: the account id is the
 * derivation {@code context}, so every account has its own key, and every save, reveal or rewrap of a set is
 * one batch request. Ciphertexts are stored exactly as Vault returns them ({@code vault:v<n>:...}).
 *
 * <p>The code set is bound inside the sealed payload ({@code breakglass-set:<id>} before the code) rather
 * than through transit's {@code associated_data}: that parameter exists only from Vault 1.13 (older servers
 * ignore it, so the binding would silently be missing) and {@code transit/rewrap} does not accept it, so
 * ciphertexts sealed with it could not be rewrapped without Breakglass seeing the plaintext.
 */
final class VaultTransitCipher implements VersionedCipher {

    static final String NAME = "vault";
    static final String PREFIX = "vault:";
    private static final Pattern CIPHERTEXT = Pattern.compile("vault:v(\\d{1,9}):.+");
    private static final String SET_HEADER = "breakglass-set:";

    private final VaultTransit transit;

    VaultTransitCipher(VaultTransit transit) {
        this.transit = transit;
    }

    @Override
    public List<String> encryptAll(CipherContext context, List<String> plaintexts) {
        if (plaintexts.isEmpty()) {
            return List.of();
        }
        List<String> payloads = new ArrayList<>(plaintexts.size());
        for (String plaintext : plaintexts) {
            payloads.add(base64(SET_HEADER + context.setId() + "\n" + plaintext));
        }
        List<String> ciphertexts = transit.encrypt(derivationContext(context), payloads);
        ciphertexts.forEach(VaultTransitCipher::versionOf);
        return ciphertexts;
    }

    @Override
    public List<String> decryptAll(CipherContext context, List<String> ciphertexts) {
        if (ciphertexts.isEmpty()) {
            return List.of();
        }
        ciphertexts.forEach(VaultTransitCipher::versionOf);
        String expectedHeader = SET_HEADER + context.setId() + "\n";
        List<String> plaintexts = new ArrayList<>(ciphertexts.size());
        for (String payload : transit.decrypt(derivationContext(context), ciphertexts)) {
            String opened;
            try {
                opened = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new CipherException("Vault returned a code Breakglass could not read.");
            }
            if (!opened.startsWith(expectedHeader)) {
                throw new CipherException("A stored code belongs to another set of codes: it was moved or altered.");
            }
            plaintexts.add(opened.substring(expectedHeader.length()));
        }
        return plaintexts;
    }

    @Override
    public List<String> rewrapAll(CipherContext context, List<String> ciphertexts) {
        if (ciphertexts.isEmpty()) {
            return List.of();
        }
        ciphertexts.forEach(VaultTransitCipher::versionOf);
        List<String> rewrapped = transit.rewrap(derivationContext(context), ciphertexts);
        rewrapped.forEach(VaultTransitCipher::versionOf);
        return rewrapped;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String label() {
        return "Vault transit";
    }

    @Override
    public int newestVersion() {
        return transit.readKey()
                .orElseThrow(() -> new CipherUnavailableException(
                        "Vault has no encryption key named '" + transit.keyName() + "'."))
                .latestVersion();
    }

    @Override
    public int rotate() {
        return transit.rotateKey();
    }

    /** The key version a Vault ciphertext was made with. */
    static int versionOf(String ciphertext) {
        Matcher matcher = ciphertext == null ? null : CIPHERTEXT.matcher(ciphertext);
        if (matcher == null || !matcher.matches()) {
            throw new CipherException("A stored code is not a Vault transit ciphertext.");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** Vault's derivation context: the account id, so that each account has a key of its own. */
    static String derivationContext(CipherContext context) {
        return base64(context.keyName());
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
