/**
 * The sign-in pages (password or passkey, then the authenticator app's code), the Sign-in security page with its
 * passkeys, authenticator app and recovery codes, and the Confirm it is you dialog that other features open before
 * they show codes.
 */
@NamedInterface("ui")
package dev.breakglass.security.ui;

import org.springframework.modulith.NamedInterface;
