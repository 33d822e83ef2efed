package dev.breakglass.account;

/**
 * What someone typed to add or edit an account. The service checks it and says what is wrong, field by field.
 *
 * @param appKey the app's key, or {@link AppChoice#OTHER} for an app no plugin serves
 * @param otherAppName the app's name when it is "Other app"; ignored otherwise
 * @param signInUrl optional, http or https
 * @param notes optional; not secrets, never codes
 */
public record AccountForm(
        String appKey,
        String otherAppName,
        String label,
        String loginName,
        MfaState mfaState,
        String signInUrl,
        String notes) {}
