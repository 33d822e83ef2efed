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

    /**
     * AppRole login ({@code VAULT_ROLE_ID} + {@code VAULT_SECRET_ID} or {@code VAULT_SECRET_ID_FILE}); the token
     * it yields is renewed. With {@code wrapped}, {@code secretId} is a response-wrapping token that Breakglass
     * unwraps once ({@code sys/wrapping/unwrap}) to get the secret id.
     */
    record AppRole(String roleId, String secretId, boolean wrapped) implements VaultCredentials {
        AppRole(String roleId, String secretId) {
            this(roleId, secretId, false);
        }

        @Override
        public String toString() {
            return "AppRole[****]";
        }
    }

    /** Reads the credentials from the environment; AppRole wins when both are given. */
    static VaultCredentials fromEnvironment(java.util.function.UnaryOperator<String> environment) {
        String roleId = environment.apply("VAULT_ROLE_ID");
        String secretId = environment.apply("VAULT_SECRET_ID");
        String secretIdFile = environment.apply("VAULT_SECRET_ID_FILE");
        if ((secretId == null || secretId.isBlank()) && secretIdFile != null && !secretIdFile.isBlank()) {
            secretId = read(secretIdFile.strip());
        }
        boolean wrapped = "true"
                .equalsIgnoreCase(String.valueOf(environment.apply("VAULT_SECRET_ID_WRAPPED"))
                        .strip());
        if (roleId != null && !roleId.isBlank() && secretId != null && !secretId.isBlank()) {
            return new AppRole(roleId.strip(), secretId.strip(), wrapped);
        }
        String token = environment.apply("VAULT_TOKEN");
        if (token != null && !token.isBlank()) {
            return new Token(token.strip());
        }
        throw new IllegalStateException("VAULT_ADDR is set but no Vault credentials were found: set VAULT_TOKEN, "
                + "or VAULT_ROLE_ID and VAULT_SECRET_ID (or VAULT_SECRET_ID_FILE).");
    }

    private static String read(String file) {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of(file));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("VAULT_SECRET_ID_FILE " + file + " could not be read.");
        }
    }
}
