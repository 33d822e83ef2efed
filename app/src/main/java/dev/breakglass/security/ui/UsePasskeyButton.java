package dev.breakglass.security.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinService;
import dev.breakglass.security.Confirmation;
import dev.breakglass.security.PasskeyChallenge;
import dev.breakglass.security.PasskeyService;
import dev.breakglass.security.SecondFactorService;

/**
 * <b>Use a passkey</b>: confirms the signed-in member's identity with a fresh passkey signature (user verification
 * required), for the current session only; the session's sign-in stays as it was. Shown only to a member who has a
 * passkey. Runs {@code onConfirmed} once the server has checked the signature.
 */
public class UsePasskeyButton extends PasskeyButton {

    static final String NOT_CONFIRMED =
            "That passkey did not confirm it is you. Try again, or confirm with your password.";

    private final PasskeyService passkeys;
    private final Runnable onConfirmed;
    private SerializableConsumer<String> onProblem =
            message -> Notification.show(message, 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
    private PasskeyChallenge challenge;

    public UsePasskeyButton(Runnable onConfirmed) {
        this(VaadinService.getCurrent().getInstantiator().getOrCreate(PasskeyService.class), onConfirmed);
    }

    public UsePasskeyButton(PasskeyService passkeys, Runnable onConfirmed) {
        super("Use a passkey");
        this.passkeys = passkeys;
        this.onConfirmed = onConfirmed;
        setId("use-passkey");
        setVisible(passkeys.hasPasskey());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        PasskeyScript.load(event.getUI());
        if (isVisible()) {
            newChallenge();
        }
    }

    /** Where a sentence goes when the passkey did not confirm identity (a notification unless set). */
    public void setProblemHandler(SerializableConsumer<String> onProblem) {
        this.onProblem = onProblem;
    }

    /** A fresh challenge, ready in the browser for the next click (each is answered once). */
    private void newChallenge() {
        challenge = passkeys.challengeToConfirmIdentity();
        bind("confirm", this::answered, challenge.json());
    }

    /** The browser's answer to the challenge. */
    void answered(PasskeyScript.Result result) {
        PasskeyChallenge answered = challenge;
        if (!result.ok()) {
            // Nothing reached the server's check (the member cancelled, or the browser could not): not a failure.
            newChallenge();
            onProblem.accept(PasskeyScript.explain(result.outcome(), "confirm with your password"));
            return;
        }
        Confirmation confirmation = passkeys.confirmIdentity(answered, result.credential());
        switch (confirmation.outcome()) {
            case CONFIRMED -> onConfirmed.run();
            case SESSION_ENDED ->
                getUI().ifPresent(ui -> ui.getPage().setLocation(LoginView.AFTER_FAILED_CONFIRMATIONS));
            case PAUSED -> {
                newChallenge();
                onProblem.accept("Too many failed attempts. Wait " + SecondFactorService.about(confirmation.waitFor())
                        + ", then try again.");
            }
            default -> {
                newChallenge();
                onProblem.accept(NOT_CONFIRMED);
            }
        }
    }
}
