package dev.breakglass.security;

/** The provider's OpenID configuration could not be read from its issuer. Names the issuer only. */
class SsoProviderUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SsoProviderUnreachableException(String issuer, Throwable cause) {
        super("The identity provider at " + issuer + " did not answer with its OpenID configuration: "
                + cause.getClass().getSimpleName());
    }
}
