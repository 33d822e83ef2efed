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
        return perCipher(context, ciphertexts, CodeCipher::decryptAll);
    }

    @Override
    public List<String> rewrapAll(CipherContext context, List<String> ciphertexts) {
        return perCipher(context, ciphertexts, CodeCipher::rewrapAll);
    }

    /**
     * Sends each cipher one batch with its own ciphertexts (and their positions) and puts the answers back in the
     * original order.
     */
    private List<String> perCipher(CipherContext context, List<String> ciphertexts, BatchCall call) {
        context.requireSize(ciphertexts.size());
        Map<CodeCipher, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < ciphertexts.size(); i++) {
            positions
                    .computeIfAbsent(cipherFor(ciphertexts.get(i)), c -> new ArrayList<>())
                    .add(i);
        }
        String[] results = new String[ciphertexts.size()];
        positions.forEach((cipher, indexes) -> {
            List<String> batch = indexes.stream().map(ciphertexts::get).toList();
            List<Integer> batchPositions =
                    indexes.stream().map(context::positionOf).toList();
            List<String> answers = call.apply(cipher, context.at(batchPositions), batch);
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
        List<String> apply(CodeCipher cipher, CipherContext context, List<String> batch);
    }
}
