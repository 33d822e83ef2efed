package dev.breakglass.crypto;

/**
 * How Breakglass signs in to Vault. Secrets never appear in {@link #toString()}.
 */
sealed interface VaultCredentials {

    /** A token given by the operator ({@code VAULT_TOKEN}). */
    record Token(String token) implements VaultCredentials {
        @Override
        public String toString() {
            return "Token[****]";
        }
    }

    /** AppRole login ({@code VAULT_ROLE_ID} + {@code VAULT_SECRET_ID}); the token it yields is renewed. */
    record AppRole(String roleId, String secretId) implements VaultCredentials {
        @Override
        public String toString() {
            return "AppRole[****]";
        }
    }

    /** Reads the credentials from the environment; AppRole wins when both are given. */
    static VaultCredentials fromEnvironment(java.util.function.UnaryOperator<String> environment) {
        String roleId = environment.apply("VAULT_ROLE_ID");
        String secretId = environment.apply("VAULT_SECRET_ID");
        if (roleId != null && !roleId.isBlank() && secretId != null && !secretId.isBlank()) {
            return new AppRole(roleId.strip(), secretId.strip());
        }
        String token = environment.apply("VAULT_TOKEN");
        if (token != null && !token.isBlank()) {
            return new Token(token.strip());
        }
        throw new IllegalStateException("VAULT_ADDR is set but no Vault credentials were found: set VAULT_TOKEN, "
                + "or VAULT_ROLE_ID and VAULT_SECRET_ID.");
    }
}
