package dev.breakglass.security.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.function.SerializableConsumer;
import dev.breakglass.security.Confirmation;
import dev.breakglass.security.PasskeyChallenge;
import dev.breakglass.security.SecondFactorService;

/**
 * <b>Use a passkey</b> on the second step of a password sign-in: a fresh signature by one of the member's own
 * passkeys finishes it. Hidden for a member without a passkey.
 */
class FinishSignInPasskeyButton extends PasskeyButton {

    static final String NOT_CONFIRMED = "That passkey did not finish the sign-in. Try again with one of your passkeys.";

    private final SecondFactorService factors;
    private final Runnable onSignedIn;
    private final SerializableConsumer<String> onProblem;
    private PasskeyChallenge challenge;

    FinishSignInPasskeyButton(
            SecondFactorService factors, Runnable onSignedIn, SerializableConsumer<String> onProblem) {
        super("Use a passkey");
        this.factors = factors;
        this.onSignedIn = onSignedIn;
        this.onProblem = onProblem;
        setId("finish-with-passkey");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        PasskeyScript.load(event.getUI());
        newChallenge();
    }

    private void newChallenge() {
        challenge = factors.challengeToFinishSignIn().orElse(null);
        setVisible(challenge != null);
        if (challenge != null) {
            bind("confirm", this::answered, challenge.json());
        }
    }

    /** The browser's answer to the challenge. */
    void answered(PasskeyScript.Result result) {
        PasskeyChallenge answered = challenge;
        if (!result.ok()) {
            newChallenge();
            onProblem.accept(PasskeyScript.explain(result.outcome(), null));
            return;
        }
        Confirmation outcome = factors.finishSignInWithPasskey(answered, result.credential());
        switch (outcome.outcome()) {
            case CONFIRMED -> onSignedIn.run();
            case PAUSED -> {
                newChallenge();
                onProblem.accept("Too many failed attempts. Wait " + SecondFactorService.about(outcome.waitFor())
                        + ", then try again.");
            }
            default -> {
                newChallenge();
                onProblem.accept(NOT_CONFIRMED);
            }
        }
    }
}
