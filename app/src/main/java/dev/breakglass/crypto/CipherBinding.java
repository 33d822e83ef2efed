package dev.breakglass.crypto;

import java.util.Arrays;

/**
 * How a ciphertext is tied to the place it belongs, so that one copied elsewhere does not decrypt. Each code set
 * records the binding its ciphertexts were made with; new sets use {@link #CURRENT}, and the {@code migrate-cipher}
 * job moves older sets to it.
 */
public enum CipherBinding {

    /**
     * The first binding: the account chooses the key and the set is sealed in with the code (Vault: a header in the
     * payload; local keyring: associated data). A code moved to another position of its own set still decrypts.
     */
    ACCOUNT_AND_SET(1),

    /**
     * Account, set and position choose the key (Vault: the derivation {@code context} of each code; local keyring:
     * associated data), so Vault itself refuses a ciphertext moved to another account, set or position, and
     * {@code rewrap} still works because it takes the same context.
     */
    POSITION(2);

    /** What new code sets are encrypted with. */
    public static final CipherBinding CURRENT = POSITION;

    private final int number;

    CipherBinding(int number) {
        this.number = number;
    }

    /** The number stored with a code set. */
    public int number() {
        return number;
    }

    public static CipherBinding of(int number) {
        return Arrays.stream(values())
                .filter(binding -> binding.number == number)
                .findFirst()
                .orElseThrow(() -> new CipherException("A code set names a cipher binding (" + number
                        + ") this version of Breakglass does not know."));
    }
}
