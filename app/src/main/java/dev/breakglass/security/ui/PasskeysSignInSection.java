package dev.breakglass.security.ui;

import com.vaadin.flow.component.Component;
import dev.breakglass.security.PasskeyService;

/** The passkeys on the Sign-in security page: first, as the easiest way to sign in and to confirm it is you. */
@org.springframework.stereotype.Component
class PasskeysSignInSection implements SignInSecuritySection {

    private final PasskeyService passkeys;

    PasskeysSignInSection(PasskeyService passkeys) {
        this.passkeys = passkeys;
    }

    @Override
    public Component create() {
        return new PasskeysSection(passkeys);
    }

    @Override
    public int order() {
        return 50;
    }
}
