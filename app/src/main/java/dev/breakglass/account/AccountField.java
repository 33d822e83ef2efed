package dev.breakglass.account;

/** A field of the account form, to put an error message next to it. */
public enum AccountField {
    APP,
    APP_NAME,
    LABEL,
    LOGIN_NAME,
    MFA,
    URL,
    NOTES
}
