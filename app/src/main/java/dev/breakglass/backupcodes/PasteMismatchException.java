package dev.breakglass.backupcodes;

/**
 * A paste does not look like the account's app's codes and the caller did not accept that. Nothing was saved or
 * destroyed. The message names formats and counts, never a code.
 */
public class PasteMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PasteMismatchException(String difference) {
        super(difference);
    }
}
