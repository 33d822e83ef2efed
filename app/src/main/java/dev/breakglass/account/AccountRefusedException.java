package dev.breakglass.account;

/** An account change was refused for a reason the user can fix (such as a mistyped label); the message says which. */
public class AccountRefusedException extends RuntimeException {

    AccountRefusedException(String message) {
        super(message);
    }
}
