/**
 * The login page, and Sign-in security: passkeys, and the Use a passkey button that confirms identity.
 */
@org.springframework.modulith.NamedInterface("ui")
package dev.breakglass.security.ui;
