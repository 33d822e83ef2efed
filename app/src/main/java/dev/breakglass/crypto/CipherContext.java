package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a batch of ciphertexts is bound to: whose secret it is (an account's code set, or one enrolment of a member's
 * second factor), and each item's position. A ciphertext made for one place does not decrypt for another, and each
 * owner (account or member) gets a key of its own.
 *
 * @param ownerId the account, or the member for {@link Kind#MEMBER_FACTOR}
 * @param setId the code set, or the factor's enrolment
 * @param positions the position of each item of the batch, in order; {@code null} means the batch is the whole set
 *     in position order (1, 2, 3, ...)
 */
public record CipherContext(Kind kind, UUID ownerId, UUID setId, CipherBinding binding, List<Integer> positions) {

    /** Whose secret it is. */
    public enum Kind {
        ACCOUNT,
        MEMBER_FACTOR,
        WORKSPACE_SSO
    }

    public CipherContext {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(setId, "setId");
        Objects.requireNonNull(binding, "binding");
        positions = positions == null ? null : List.copyOf(positions);
    }

    /** A whole code set of an account, in position order, bound the current way. */
    public CipherContext(UUID accountId, UUID setId) {
        this(Kind.ACCOUNT, accountId, setId, CipherBinding.CURRENT, null);
    }

    /** The secret of one enrolment of a member's second factor. */
    public static CipherContext forMemberFactor(UUID userId, UUID enrolmentId) {
        return new CipherContext(Kind.MEMBER_FACTOR, userId, enrolmentId, CipherBinding.CURRENT, null);
    }

    /** The client secret a workspace's single sign-on uses with its provider, under one secret id. */
    public static CipherContext forWorkspaceSso(UUID workspaceId, UUID secretId) {
        return new CipherContext(Kind.WORKSPACE_SSO, workspaceId, secretId, CipherBinding.CURRENT, null);
    }

    /** The account, for a code set's context. */
    public UUID accountId() {
        return ownerId;
    }

    /** The same place with the binding its ciphertexts were made with. */
    public CipherContext boundAs(CipherBinding other) {
        return new CipherContext(kind, ownerId, setId, other, positions);
    }

    /** The same set, for a batch holding only the items at these positions, in this order. */
    public CipherContext at(List<Integer> batchPositions) {
        return new CipherContext(kind, ownerId, setId, binding, batchPositions);
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

    /** Names the owner's key; an account's is its id alone, as it has been since the first ciphertext. */
    String keyName() {
        return switch (kind) {
            case ACCOUNT -> ownerId.toString();
            case MEMBER_FACTOR -> "member-factor:" + ownerId;
            case WORKSPACE_SSO -> "workspace-sso:" + ownerId;
        };
    }

    /**
     * The place of the batch's item at {@code index} in words: the local keyring's associated data, and with the
     * current binding Vault's derivation context.
     */
    String place(int index) {
        String bound = switch (kind) {
            case ACCOUNT -> "breakglass:account=" + ownerId + ":set=" + setId;
            case MEMBER_FACTOR -> "breakglass:member-factor=" + ownerId + ":enrolment=" + setId;
            case WORKSPACE_SSO -> "breakglass:workspace-sso=" + ownerId + ":secret=" + setId;
        };
        if (binding == CipherBinding.POSITION) {
            bound += ":position=" + positionOf(index);
        }
        return bound;
    }

    /** The local keyring's associated data for the item at {@code index}. */
    byte[] associatedData(int index) {
        return place(index).getBytes(StandardCharsets.UTF_8);
    }
}
