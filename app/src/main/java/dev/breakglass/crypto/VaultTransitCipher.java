package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encrypts through Vault's transit engine with one derived {@code aes256-gcm96} key; every save, reveal or rewrap
 * of a set is one batch request. Ciphertexts are stored exactly as Vault returns them ({@code vault:v<n>:...}).
 *
 * <p>Binding ({@link CipherBinding}): each code's derivation {@code context} names its account, set and position,
 * so every code has a key of its own and Vault itself refuses a ciphertext moved anywhere else; {@code rewrap}
 * takes the same context, so rotation never shows Breakglass a plaintext. Transit's {@code associated_data} is
 * not used: it exists only from Vault 1.13 (older servers ignore it) and {@code rewrap} does not accept it. Sets
 * sealed with the first binding ({@link CipherBinding#ACCOUNT_AND_SET}: the account id as context, the set id in a
 * header before the code) still decrypt until {@code migrate-cipher} moves them.
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
        context.requireSize(plaintexts.size());
        String header = context.binding() == CipherBinding.ACCOUNT_AND_SET ? setHeader(context) : "";
        List<String> payloads = new ArrayList<>(plaintexts.size());
        for (String plaintext : plaintexts) {
            payloads.add(base64(header + plaintext));
        }
        List<String> ciphertexts = transit.encrypt(derivationContexts(context, plaintexts.size()), payloads);
        ciphertexts.forEach(VaultTransitCipher::versionOf);
        return ciphertexts;
    }

    @Override
    public List<String> decryptAll(CipherContext context, List<String> ciphertexts) {
        if (ciphertexts.isEmpty()) {
            return List.of();
        }
        context.requireSize(ciphertexts.size());
        ciphertexts.forEach(VaultTransitCipher::versionOf);
        String expectedHeader = context.binding() == CipherBinding.ACCOUNT_AND_SET ? setHeader(context) : "";
        List<String> plaintexts = new ArrayList<>(ciphertexts.size());
        for (String payload : transit.decrypt(derivationContexts(context, ciphertexts.size()), ciphertexts)) {
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
        context.requireSize(ciphertexts.size());
        ciphertexts.forEach(VaultTransitCipher::versionOf);
        List<String> rewrapped = transit.rewrap(derivationContexts(context, ciphertexts.size()), ciphertexts);
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

    /** Vault's derivation context of each item of a batch, base64 as transit wants it. */
    static List<String> derivationContexts(CipherContext context, int batchSize) {
        List<String> contexts = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            contexts.add(derivationContext(context, i));
        }
        return contexts;
    }

    /**
     * The derivation context of the batch's item at {@code index}: the owner alone for the first binding; the owner,
     * set and position for the current one.
     */
    static String derivationContext(CipherContext context, int index) {
        return base64(context.binding() == CipherBinding.ACCOUNT_AND_SET ? context.keyName() : context.place(index));
    }

    private static String setHeader(CipherContext context) {
        return SET_HEADER + context.setId() + "\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
