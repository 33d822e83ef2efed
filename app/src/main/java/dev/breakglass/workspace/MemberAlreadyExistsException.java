package dev.breakglass.workspace;

/** The e-mail address already belongs to a Breakglass login; the message does not say in which workspace. */
public class MemberAlreadyExistsException extends RuntimeException {

    public MemberAlreadyExistsException() {
        super("Someone with this e-mail address already has a Breakglass login. Use another address.");
    }
}
