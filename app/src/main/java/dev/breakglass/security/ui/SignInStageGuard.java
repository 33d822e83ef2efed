package dev.breakglass.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.SignInStage;
import org.springframework.stereotype.Component;

/**
 * Keeps a session whose sign-in is not complete on its one page: the code page while a code from the authenticator
 * app is due, Sign-in security while a second factor must be set up. Every other address leads there. The services
 * refuse such a session too ({@code CurrentUser} has no user for it); this only shows the way.
 */
@Component
class SignInStageGuard implements VaadinServiceInitListener {

    private final CurrentUser currentUser;

    SignInStageGuard(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::guard));
    }

    void guard(BeforeEnterEvent event) {
        SignInStage stage = currentUser.stage().orElse(SignInStage.SIGNED_IN);
        Class<?> target = event.getNavigationTarget();
        switch (stage) {
            case CODE_PENDING, PASSKEY_PENDING -> {
                if (target != LoginCodeView.class && target != LoginView.class) {
                    event.forwardTo(LoginCodeView.class);
                }
            }
            case ENROLMENT_REQUIRED -> {
                if (target != SignInSecurityView.class && target != LoginView.class) {
                    event.forwardTo(SignInSecurityView.class);
                }
            }
            case SIGNED_IN -> {
                if (target == LoginCodeView.class) {
                    event.forwardTo("");
                }
            }
        }
    }
}
