package dev.breakglass.backupcodes;

/**
 * Whether a paste that does not look like the account's app's codes (another app's format, or not the number of
 * codes the app issues) may still be saved. Only a user who was shown the difference and confirmed passes
 * {@link #ACCEPTED}.
 */
public enum Mismatch {

    /** A mismatched paste is refused with {@link PasteMismatchException}; nothing is saved or destroyed. */
    REFUSED,

    /** The user saw the difference and asked to save the paste anyway. */
    ACCEPTED
}
