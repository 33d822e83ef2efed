package dev.breakglass.backupcodes;

/**
 * A request cannot be made or answered as asked: the reason is missing or too long, the request was already
 * answered by someone else, the approval was used or has run out. The message says what happened and what to do.
 */
public class CodeRequestRefusedException extends RuntimeException {

    public CodeRequestRefusedException(String message) {
        super(message);
    }
}
