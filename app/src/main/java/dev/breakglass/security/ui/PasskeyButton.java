package dev.breakglass.security.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.function.SerializableConsumer;

/**
 * A button whose click runs a passkey ceremony in the browser at once, inside the click itself (some browsers, Safari
 * among them, let a page ask for a passkey only there), and hands the outcome back to the server.
 */
class PasskeyButton extends Button {

    private SerializableConsumer<PasskeyScript.Result> onResult = result -> {};

    PasskeyButton(String text) {
        super(text);
    }

    /** Makes a click run {@code window.breakglassPasskeys.<function>(arguments...)}; the last binding counts. */
    void bind(String function, SerializableConsumer<PasskeyScript.Result> onResult, String... arguments) {
        this.onResult = onResult;
        PasskeyScript.bind(this, function, arguments);
    }

    @ClientCallable
    private void passkeyResult(String json) {
        onResult.accept(PasskeyScript.Result.parse(json));
    }
}
