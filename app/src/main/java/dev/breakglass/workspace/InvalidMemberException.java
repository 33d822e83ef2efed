package dev.breakglass.workspace;

/** A new member's e-mail address or name cannot be used; the message says why and what to do. */
public class InvalidMemberException extends RuntimeException {

    private final String field;

    InvalidMemberException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code email} or {@code displayName}: which field the message belongs under. */
    public String field() {
        return field;
    }
}
