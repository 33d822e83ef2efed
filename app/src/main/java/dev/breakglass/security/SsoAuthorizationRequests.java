package dev.breakglass.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * Keeps a sign-in's authorization request (state, nonce, PKCE verifier) on the server under its {@code state}, for
 * ten minutes. Breakglass's session cookie is SameSite=Strict, so the browser does not send it when the provider
 * sends the person back; instead a random value in a cookie of its own (SameSite=Lax, only for the redirect path)
 * ties the request to the browser that started it, so nobody can finish a sign-in someone else started.
 */
class SsoAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "BREAKGLASS_SSO";
    private static final Duration VALID_FOR = Duration.ofMinutes(10);
    private static final String CALLBACK_PATH = "/login/oauth2/code/";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private record Pending(OAuth2AuthorizationRequest request, String browser, Instant until) {}

    @Override
    public OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        Pending found = state == null ? null : pending.get(state);
        if (found == null || found.until().isBefore(Instant.now()) || !sameBrowser(request, found.browser())) {
            return null;
        }
        return found.request();
    }

    @Override
    public void saveAuthorizationRequest(
            OAuth2AuthorizationRequest authorizationRequest, HttpServletRequest request, HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        Instant now = Instant.now();
        pending.values().removeIf(old -> old.until().isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String browser = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(authorizationRequest.getState(), new Pending(authorizationRequest, browser, now.plus(VALID_FOR)));
        cookie(request, response, browser, VALID_FOR);
    }

    @Override
    public OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        OAuth2AuthorizationRequest found = loadAuthorizationRequest(request);
        if (found != null) {
            pending.remove(found.getState());
            cookie(request, response, "", Duration.ZERO);
        }
        return found;
    }

    private static boolean sameBrowser(HttpServletRequest request, String expected) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())
                    && MessageDigest.isEqual(
                            cookie.getValue().getBytes(StandardCharsets.US_ASCII),
                            expected.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }

    private static void cookie(HttpServletRequest request, HttpServletResponse response, String value, Duration age) {
        response.addHeader(
                "Set-Cookie",
                ResponseCookie.from(COOKIE, value)
                        .path(request.getContextPath() + CALLBACK_PATH)
                        .httpOnly(true)
                        .secure(request.isSecure())
                        .sameSite("Lax")
                        .maxAge(age)
                        .build()
                        .toString());
    }
}
