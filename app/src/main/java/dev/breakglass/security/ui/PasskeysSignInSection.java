package dev.breakglass.security.ui;

import com.vaadin.flow.component.Component;
import dev.breakglass.security.PasskeyService;
import dev.breakglass.security.SecondFactorService;

/** The passkeys on the Sign-in security page: first, as the easiest way to sign in and to confirm it is you. */
@org.springframework.stereotype.Component
class PasskeysSignInSection implements SignInSecuritySection {

    private final PasskeyService passkeys;
    private final SecondFactorService secondFactors;

    PasskeysSignInSection(PasskeyService passkeys, SecondFactorService secondFactors) {
        this.passkeys = passkeys;
        this.secondFactors = secondFactors;
    }

    @Override
    public Component create() {
        // A passkey is a second factor: added by a member who had to set one up, it completes their sign-in.
        return new PasskeysSection(passkeys, secondFactors::completeSignInAfterNewFactor);
    }

    @Override
    public int order() {
        return 50;
    }
}
