/*
 * Breakglass passkey ceremonies: the browser's WebAuthn API on one side, Spring Security's JSON endpoints (or the
 * server's own challenge, for confirming identity) on the other. Every function resolves (never rejects) to a JSON
 * string {"outcome": ..., ...}; the server turns the outcome into a sentence:
 *   ok           done (sign-in: the page is on its way to the app)
 *   unsupported  this browser has no passkey support
 *   cancelled    the person closed the prompt, or it timed out
 *   exists       (adding) this authenticator already holds a passkey for this account
 *   rejected     the server did not accept the passkey
 *   failed       anything else (network, server error)
 * Nothing is kept in the browser: no storage, no cookies of its own.
 */
(function () {
    "use strict";

    const root = (function () {
        try {
            return new URL("..", document.currentScript.src).pathname;
        } catch (e) {
            return "/";
        }
    })();

    function toBytes(base64url) {
        const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
        const text = atob(base64 + "===".slice((base64.length + 3) % 4));
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; i++) {
            bytes[i] = text.charCodeAt(i);
        }
        return bytes.buffer;
    }

    function toBase64url(buffer) {
        const bytes = new Uint8Array(buffer);
        let text = "";
        for (let i = 0; i < bytes.length; i++) {
            text += String.fromCharCode(bytes[i]);
        }
        return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    }

    function supported() {
        return !!(window.PublicKeyCredential && navigator.credentials && window.isSecureContext !== false);
    }

    function result(outcome, extra) {
        return JSON.stringify(Object.assign({ outcome: outcome }, extra || {}));
    }

    function headers(csrfHeader, csrfToken) {
        const all = { "Content-Type": "application/json", Accept: "application/json" };
        if (csrfHeader && csrfToken) {
            all[csrfHeader] = csrfToken;
        }
        return all;
    }

    async function post(path, csrfHeader, csrfToken, body) {
        return fetch(root + path, {
            method: "POST",
            credentials: "same-origin",
            headers: headers(csrfHeader, csrfToken),
            body: body === undefined ? undefined : JSON.stringify(body),
        });
    }

    /** What a refusal of the browser's WebAuthn call means for the person. */
    function browserOutcome(error) {
        const name = error && error.name;
        if (name === "NotAllowedError" || name === "AbortError") {
            return "cancelled";
        }
        if (name === "InvalidStateError") {
            return "exists";
        }
        if (name === "NotSupportedError") {
            return "unsupported";
        }
        return "failed";
    }

    function requestOptions(options) {
        return Object.assign({}, options, {
            challenge: toBytes(options.challenge),
            allowCredentials: (options.allowCredentials || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) })),
        });
    }

    function assertionJson(credential) {
        const response = credential.response;
        return {
            id: credential.id,
            rawId: toBase64url(credential.rawId),
            type: credential.type,
            response: {
                authenticatorData: toBase64url(response.authenticatorData),
                clientDataJSON: toBase64url(response.clientDataJSON),
                signature: toBase64url(response.signature),
                userHandle: response.userHandle ? toBase64url(response.userHandle) : undefined,
            },
            clientExtensionResults: credential.getClientExtensionResults(),
            authenticatorAttachment: credential.authenticatorAttachment || undefined,
        };
    }

    async function getAssertion(options) {
        return navigator.credentials.get({ publicKey: requestOptions(options) });
    }

    /** Signs in: options from the server, the authenticator's signature, then the session. */
    async function signIn(csrfHeader, csrfToken) {
        if (!supported()) {
            return result("unsupported");
        }
        let options;
        try {
            const answer = await post("webauthn/authenticate/options", csrfHeader, csrfToken);
            if (!answer.ok) {
                return result("failed", { status: answer.status });
            }
            options = await answer.json();
        } catch (e) {
            return result("failed");
        }
        let credential;
        try {
            credential = await getAssertion(options);
        } catch (e) {
            return result(browserOutcome(e));
        }
        try {
            const answer = await post("login/webauthn", csrfHeader, csrfToken, assertionJson(credential));
            if (answer.status === 401) {
                return result("rejected");
            }
            if (!answer.ok) {
                return result("failed", { status: answer.status });
            }
            const body = await answer.json();
            if (!body || !body.authenticated) {
                return result("rejected");
            }
            window.location.assign(body.redirectUrl || root);
            return result("ok");
        } catch (e) {
            return result("failed");
        }
    }

    /** Registers a new passkey for the signed-in member under the name they chose. */
    async function register(csrfHeader, csrfToken, name) {
        if (!supported()) {
            return result("unsupported");
        }
        let options;
        try {
            const answer = await post("webauthn/register/options", csrfHeader, csrfToken);
            if (!answer.ok) {
                return result("failed", { status: answer.status });
            }
            options = await answer.json();
        } catch (e) {
            return result("failed");
        }
        const publicKey = Object.assign({}, options, {
            challenge: toBytes(options.challenge),
            user: Object.assign({}, options.user, { id: toBytes(options.user.id) }),
            excludeCredentials: (options.excludeCredentials || []).map((c) => Object.assign({}, c, { id: toBytes(c.id) })),
        });
        let credential;
        try {
            credential = await navigator.credentials.create({ publicKey: publicKey });
        } catch (e) {
            return result(browserOutcome(e));
        }
        const response = credential.response;
        const body = {
            publicKey: {
                credential: {
                    id: credential.id,
                    rawId: toBase64url(credential.rawId),
                    type: credential.type,
                    response: {
                        attestationObject: toBase64url(response.attestationObject),
                        clientDataJSON: toBase64url(response.clientDataJSON),
                        transports: response.getTransports ? response.getTransports() : [],
                    },
                    clientExtensionResults: credential.getClientExtensionResults(),
                    authenticatorAttachment: credential.authenticatorAttachment || undefined,
                },
                label: name,
            },
        };
        try {
            const answer = await post("webauthn/register", csrfHeader, csrfToken, body);
            if (!answer.ok) {
                return result(answer.status === 400 ? "rejected" : "failed", { status: answer.status });
            }
            const saved = await answer.json();
            return result(saved && saved.success ? "ok" : "rejected");
        } catch (e) {
            return result("failed");
        }
    }

    /** Registers a new passkey under the name typed in the field with this id (a Vaadin text field). */
    async function registerNamed(csrfHeader, csrfToken, fieldId) {
        const field = document.getElementById(fieldId);
        const name = field && typeof field.value === "string" ? field.value.trim() : "";
        if (!name) {
            return result("rejected");
        }
        return register(csrfHeader, csrfToken, name);
    }

    /** Answers a challenge the server issued to confirm identity; the server checks the answer. */
    async function confirm(optionsJson) {
        if (!supported()) {
            return result("unsupported");
        }
        try {
            const credential = await getAssertion(JSON.parse(optionsJson));
            return result("ok", { credential: assertionJson(credential) });
        } catch (e) {
            return result(browserOutcome(e));
        }
    }

    window.breakglassPasskeys = {
        supported: supported,
        signIn: signIn,
        register: register,
        registerNamed: registerNamed,
        confirm: confirm,
    };
})();
