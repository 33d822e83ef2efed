package dev.breakglass.crypto;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * What a ciphertext is bound to: a ciphertext made for one account and set does not decrypt for another, and one
 * made for a member's second factor (an enrolment of an authenticator app) does not decrypt for another member or
 * enrolment. Each owner (account or member) gets a key of its own.
 *
 * @param ownerId the account, or the member for {@link Kind#MEMBER_FACTOR}
 * @param setId the code set, or the factor's enrolment
 */
public record CipherContext(Kind kind, UUID ownerId, UUID setId) {

    /** Whose secret it is. */
    public enum Kind {
        ACCOUNT,
        MEMBER_FACTOR
    }

    /** A code of one of an account's code sets. */
    public CipherContext(UUID accountId, UUID setId) {
        this(Kind.ACCOUNT, accountId, setId);
    }

    /** The secret of one enrolment of a member's second factor. */
    public static CipherContext forMemberFactor(UUID userId, UUID enrolmentId) {
        return new CipherContext(Kind.MEMBER_FACTOR, userId, enrolmentId);
    }

    /** Names the owner's key; an account's is its id alone, as it has been since the first ciphertext. */
    String keyName() {
        return kind == Kind.ACCOUNT ? ownerId.toString() : "member-factor:" + ownerId;
    }

    byte[] associatedData() {
        String bound = kind == Kind.ACCOUNT
                ? "breakglass:account=" + ownerId + ":set=" + setId
                : "breakglass:member-factor=" + ownerId + ":enrolment=" + setId;
        return bound.getBytes(StandardCharsets.UTF_8);
    }
}
