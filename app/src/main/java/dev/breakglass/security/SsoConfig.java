package dev.breakglass.security;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One workspace's provider as Breakglass uses it, from the database or from the server's settings.
 *
 * @param secretId the id the stored secret's ciphertext is bound to; null when the secret is a setting
 * @param secretCiphertext the stored secret, encrypted; null when the secret is a setting
 * @param allowedDomains lower-case e-mail domains; empty: any domain
 * @param breakGlassAdminId the member whose password and passkeys still work when {@code ssoOnly}
 * @param fromServerSettings whether {@code breakglass.sso.*} set it (the page shows it, nobody changes it there)
 */
record SsoConfig(
        UUID workspaceId,
        String displayName,
        String issuer,
        String clientId,
        UUID secretId,
        String secretCiphertext,
        List<String> allowedDomains,
        boolean justInTime,
        boolean ssoOnly,
        UUID breakGlassAdminId,
        boolean fromServerSettings) {

    SsoConfig {
        allowedDomains = List.copyOf(allowedDomains);
    }

    /** Whether an e-mail address is of an allowed domain (any domain when none are listed). */
    boolean allows(String email) {
        return allowedDomains.isEmpty() || allowedDomains.contains(domainOf(email));
    }

    static String domainOf(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? "" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** "example.com, Example.org " as a list of lower-case domains, without blanks or a leading "@". */
    static List<String> parseDomains(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split("[,\\s]+"))
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .map(domain -> domain.startsWith("@") ? domain.substring(1) : domain)
                .filter(domain -> !domain.isEmpty())
                .distinct()
                .toList();
    }

    /** Leaves out the ciphertext. */
    @Override
    public String toString() {
        return "SsoConfig[workspace=" + workspaceId + ", issuer=" + issuer + ", clientId=" + clientId + "]";
    }
}
