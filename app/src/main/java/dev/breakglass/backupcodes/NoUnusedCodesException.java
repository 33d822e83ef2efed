package dev.breakglass.backupcodes;

/** Every saved code is used: the app must generate new ones. */
public class NoUnusedCodesException extends RuntimeException {

    public NoUnusedCodesException() {
        super("Every saved code has been used. Generate new backup codes in the app and replace these.");
    }
}
