package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a batch of ciphertexts is bound to: an account, one of its code sets, and each code's position in the set. A
 * ciphertext made for one place does not decrypt for another.
 *
 * @param positions the position of each item of the batch, in order; {@code null} means the batch is the whole set
 *     in position order (1, 2, 3, ...)
 */
public record CipherContext(UUID accountId, UUID setId, CipherBinding binding, List<Integer> positions) {

    public CipherContext {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(setId, "setId");
        Objects.requireNonNull(binding, "binding");
        positions = positions == null ? null : List.copyOf(positions);
    }

    /** A whole set, in position order, bound the current way. */
    public CipherContext(UUID accountId, UUID setId) {
        this(accountId, setId, CipherBinding.CURRENT, null);
    }

    /** The same set with the binding its ciphertexts were made with. */
    public CipherContext boundAs(CipherBinding other) {
        return new CipherContext(accountId, setId, other, positions);
    }

    /** The same set, for a batch holding only the codes at these positions, in this order. */
    public CipherContext at(List<Integer> batchPositions) {
        return new CipherContext(accountId, setId, binding, batchPositions);
    }

    /** The position of the batch's item at {@code index}. */
    int positionOf(int index) {
        return positions == null ? index + 1 : positions.get(index);
    }

    /** Fails before anything is sent when the batch and its positions do not match. */
    void requireSize(int batchSize) {
        if (positions != null && positions.size() != batchSize) {
            throw new IllegalArgumentException(
                    "A batch of " + batchSize + " codes came with " + positions.size() + " positions.");
        }
    }

    /** The local keyring's associated data for the item at {@code index}. */
    byte[] associatedData(int index) {
        String bound = "breakglass:account=" + accountId + ":set=" + setId;
        if (binding == CipherBinding.POSITION) {
            bound += ":position=" + positionOf(index);
        }
        return bound.getBytes(StandardCharsets.UTF_8);
    }
}
