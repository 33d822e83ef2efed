package dev.breakglass.workspace;

/** A new workspace's name or its Owner's e-mail address or name cannot be used; the message says why. */
public class InvalidWorkspaceException extends RuntimeException {

    private final Field field;

    InvalidWorkspaceException(Field field, String message) {
        super(message);
        this.field = field;
    }

    /** Which input the message belongs to. */
    public Field field() {
        return field;
    }

    /** The inputs of a new workspace. */
    public enum Field {
        NAME,
        OWNER_EMAIL,
        OWNER_NAME
    }
}
