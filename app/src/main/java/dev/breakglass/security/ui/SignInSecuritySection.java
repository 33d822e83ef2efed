package dev.breakglass.security.ui;

import com.vaadin.flow.component.Component;

/**
 * A section another feature adds to the Sign-in security page, such as the passkeys. Declare it as a Spring bean
 * (prototype or a factory like this one); the page asks every bean for a fresh section when it opens, in order.
 */
public interface SignInSecuritySection {

    /** A new section for the signed-in member's page. */
    Component create();

    /** Sections with lower numbers come first; the authenticator app is at 100, the workspace policy at 900. */
    default int order() {
        return 500;
    }
}
