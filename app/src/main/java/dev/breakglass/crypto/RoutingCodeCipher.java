package dev.breakglass.crypto;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts with the active cipher and decrypts each ciphertext with the cipher its prefix names, so one
 * database can hold local and Vault ciphertexts side by side during a migration.
 */
final class RoutingCodeCipher implements CodeCipher {

    private final CodeCipher active;
    private final Map<String, CodeCipher> byPrefix;

    RoutingCodeCipher(CodeCipher active, Map<String, CodeCipher> byPrefix) {
        this.active = active;
        this.byPrefix = Map.copyOf(byPrefix);
    }

    @Override
    public List<String> encryptAll(CipherContext context, List<String> plaintexts) {
        return active.encryptAll(context, plaintexts);
    }

    @Override
    public List<String> decryptAll(CipherContext context, List<String> ciphertexts) {
        return perCipher(ciphertexts, (cipher, batch) -> cipher.decryptAll(context, batch));
    }

    @Override
    public List<String> rewrapAll(CipherContext context, List<String> ciphertexts) {
        return perCipher(ciphertexts, (cipher, batch) -> cipher.rewrapAll(context, batch));
    }

    /** Sends each cipher one batch with its own ciphertexts and puts the answers back in the original order. */
    private List<String> perCipher(List<String> ciphertexts, BatchCall call) {
        Map<CodeCipher, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < ciphertexts.size(); i++) {
            positions
                    .computeIfAbsent(cipherFor(ciphertexts.get(i)), c -> new ArrayList<>())
                    .add(i);
        }
        String[] results = new String[ciphertexts.size()];
        positions.forEach((cipher, indexes) -> {
            List<String> batch = indexes.stream().map(ciphertexts::get).toList();
            List<String> answers = call.apply(cipher, batch);
            for (int i = 0; i < indexes.size(); i++) {
                results[indexes.get(i)] = answers.get(i);
            }
        });
        return List.of(results);
    }

    private CodeCipher cipherFor(String ciphertext) {
        int colon = ciphertext == null ? -1 : ciphertext.indexOf(':');
        CodeCipher cipher = colon < 0 ? null : byPrefix.get(ciphertext.substring(0, colon + 1));
        if (cipher == null) {
            throw new CipherException(
                    "A stored code was encrypted by a cipher this installation is not configured for.");
        }
        return cipher;
    }

    private interface BatchCall {
        List<String> apply(CodeCipher cipher, List<String> batch);
    }
}
