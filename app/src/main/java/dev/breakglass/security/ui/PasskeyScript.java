package dev.breakglass.security.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import java.io.Serializable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * The passkey ceremonies run in the browser by {@code /scripts/passkeys.js} (a static file: there is no npm build),
 * and what their outcomes mean in words. The script talks to Spring Security's passkey endpoints with the session's
 * CSRF token, which the page hands it with each call.
 */
final class PasskeyScript {

    static final String URL = "context://scripts/passkeys.js";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What came back from the browser: an outcome word and, for a confirmation, the passkey's answer. */
    record Result(String outcome, String credential) implements Serializable {

        boolean ok() {
            return "ok".equals(outcome);
        }

        static Result parse(String json) {
            try {
                JsonNode node = JSON.readTree(json == null ? "{}" : json);
                JsonNode credential = node.get("credential");
                return new Result(
                        node.path("outcome").asText("failed"), credential == null ? null : credential.toString());
            } catch (JsonProcessingException e) {
                return new Result("failed", null);
            }
        }
    }

    private PasskeyScript() {}

    static void load(UI ui) {
        ui.getPage().addJavaScript(URL);
    }

    /**
     * Makes a click on the component run the ceremony in the browser (in the click itself), then call the
     * component's {@code passkeyResult(json)}; see {@link PasskeyButton}.
     */
    static void bind(Component component, String function, String... arguments) {
        String json;
        try {
            json = JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        component.getElement().executeJs(BIND, function, json);
    }

    /** The CSRF header name and token for the script, or empty strings when there is none (tests). */
    static String[] csrf() {
        CsrfToken csrf = csrfToken();
        return new String[] {csrf == null ? "" : csrf.getHeaderName(), csrf == null ? "" : csrf.getToken()};
    }

    private static final String BIND = "const element = this;"
            + "element.__passkey = {fn: $0, args: JSON.parse($1)};"
            + "if (!element.__passkeyBound) {"
            + "  element.__passkeyBound = true;"
            + "  element.addEventListener('click', () => {"
            + "    if (element.disabled || element.__passkeyBusy) { return; }"
            + "    element.__passkeyBusy = true;"
            + "    const api = window.breakglassPasskeys;"
            + "    const run = api ? api[element.__passkey.fn](...element.__passkey.args)"
            + "        : Promise.resolve(JSON.stringify({outcome: 'failed'}));"
            + "    run.then((result) => { element.__passkeyBusy = false; element.$server.passkeyResult(result); });"
            + "  });"
            + "}";

    /** The session's CSRF token, as Spring Security put it on the current request. */
    private static CsrfToken csrfToken() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        return request != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? token
                : null;
    }

    /**
     * A sentence for an outcome that is not success.
     *
     * @param otherwise what else the person can do, such as "sign in with your password"; null if nothing
     */
    static String explain(String outcome, String otherwise) {
        String orElse = otherwise == null ? "." : ", or " + otherwise + ".";
        return switch (outcome) {
            case "unsupported" ->
                "This browser cannot use passkeys. Use a current version of Chrome, Edge, Firefox or" + " Safari"
                        + orElse;
            case "cancelled" ->
                "The passkey prompt was closed or timed out. Nothing happened; try again when you are" + " ready.";
            case "exists" -> "This device or security key already holds a passkey for your account. Use another one.";
            case "rejected" -> "That passkey was not accepted. Try another passkey" + orElse;
            default -> "Something went wrong while talking to your passkey. Try again in a moment" + orElse;
        };
    }
}
