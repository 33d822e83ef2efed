package dev.breakglass.security;

/** Settings the Single sign-on page cannot save; the message says what to change. */
public class InvalidSsoSettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidSsoSettingsException(String message) {
        super(message);
    }
}
