package dev.breakglass.security.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.function.SerializableConsumer;
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

    /** Runs {@code window.breakglassPasskeys.<function>(csrfHeader, csrfToken, ...arguments)} and hands back its result. */
    static void callWithCsrf(UI ui, String function, SerializableConsumer<Result> then, String... arguments) {
        CsrfToken csrf = csrfToken();
        Serializable[] all = new Serializable[arguments.length + 2];
        all[0] = csrf == null ? "" : csrf.getHeaderName();
        all[1] = csrf == null ? "" : csrf.getToken();
        System.arraycopy(arguments, 0, all, 2, arguments.length);
        call(ui, function, then, all);
    }

    static void call(UI ui, String function, SerializableConsumer<Result> then, Serializable... arguments) {
        load(ui);
        StringBuilder parameters = new StringBuilder();
        for (int i = 0; i < arguments.length; i++) {
            parameters.append(i == 0 ? "" : ", ").append('$').append(i + 1);
        }
        ui.getPage()
                .executeJs(
                        "return window.breakglassPasskeys ? window.breakglassPasskeys[$0](" + parameters
                                + ") : JSON.stringify({outcome: 'failed'})",
                        prepend(function, arguments))
                .then(
                        String.class,
                        json -> then.accept(Result.parse(json)),
                        error -> then.accept(new Result("failed", null)));
    }

    private static Serializable[] prepend(String first, Serializable... rest) {
        Serializable[] all = new Serializable[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

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
