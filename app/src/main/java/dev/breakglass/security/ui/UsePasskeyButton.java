package dev.breakglass.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.server.VaadinService;
import dev.breakglass.security.PasskeyChallenge;
import dev.breakglass.security.PasskeyService;

/**
 * <b>Use a passkey</b>: confirms the signed-in member's identity with a fresh passkey signature (user verification
 * required), for the current session only; the session's sign-in stays as it was. Shown only to a member who has a
 * passkey. Runs {@code onConfirmed} once the server has checked the signature.
 */
public class UsePasskeyButton extends Button {

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
        addClickListener(event -> start());
    }

    /** Where a sentence goes when the passkey did not confirm identity (a notification unless set). */
    public void setProblemHandler(SerializableConsumer<String> onProblem) {
        this.onProblem = onProblem;
    }

    private void start() {
        setEnabled(false);
        challenge = passkeys.challengeToConfirmIdentity();
        getUI().ifPresent(ui -> PasskeyScript.call(ui, "confirm", this::answered, challenge.json()));
    }

    /** The browser's answer to the challenge. */
    void answered(PasskeyScript.Result result) {
        setEnabled(true);
        PasskeyChallenge answered = challenge;
        challenge = null;
        if (!result.ok()) {
            onProblem.accept(PasskeyScript.explain(result.outcome(), "confirm with your password"));
        } else if (passkeys.confirmIdentity(answered, result.credential())) {
            onConfirmed.run();
        } else {
            onProblem.accept(NOT_CONFIRMED);
        }
    }
}
