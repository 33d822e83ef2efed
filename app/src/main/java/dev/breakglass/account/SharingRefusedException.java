package dev.breakglass.account;

/** A sharing change breaks a rule of the account's (for example, it would leave no Owner); the message says which. */
public class SharingRefusedException extends RuntimeException {

    SharingRefusedException(String message) {
        super(message);
    }
}
