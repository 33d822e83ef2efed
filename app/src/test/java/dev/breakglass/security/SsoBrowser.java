package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import testprovider.TestIdentityProvider;

/**
 * A browser over plain HTTP for the single sign-on tests: keeps cookies per host (the app on localhost, the provider
 * on 127.0.0.1) and follows redirects one by one, so a test sees each step of the authorization code flow.
 */
final class SsoBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String app;

    /** The authorization request's address at the provider, as the app sent the browser there. */
    String authorizationRequest;

    SsoBrowser(int port) {
        this.app = "http://localhost:" + port;
    }

    HttpResponse<String> get(String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(absolute(url))).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String url, String form) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(absolute(url)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Clicks "Sign in with NAME" (or a step-up link), signs in at the provider when it asks, and returns the app's
     * last answer: the page that opens the app, or a redirect to the sign-in page with a problem.
     */
    HttpResponse<String> signInWithProvider(String startPath, TestIdentityProvider.Person person) throws Exception {
        HttpResponse<String> response = get(startPath);
        authorizationRequest = null;
        for (int step = 0; step < 12; step++) {
            if (response.statusCode() != 302) {
                return response;
            }
            String location = location(response);
            if (location.startsWith(app) && !location.contains("/login/oauth2/code/")) {
                return response;
            }
            if (location.contains("/oauth2/authorize") && authorizationRequest == null) {
                authorizationRequest = location;
            }
            response = get(location);
            if (response.statusCode() == 200 && response.uri().getPath().equals("/login") && !isApp(response)) {
                Matcher csrf = CSRF.matcher(response.body());
                assertThat(csrf.find()).as("the provider's sign-in form").isTrue();
                response = post(
                        response.uri().toString(),
                        "username=" + encode(person.username) + "&password=" + encode(TestIdentityProvider.PASSWORD)
                                + "&_csrf=" + encode(csrf.group(1)));
            }
        }
        throw new AssertionError("Too many redirects");
    }

    /**
     * Signs in on the app's password form with a fresh session; returns where the app sends the browser next (the
     * start page when the password is accepted, {@code /login?error} when not).
     */
    String signInWithPassword(String email, String password) throws Exception {
        get("/login");
        return location(post("/login", "username=" + encode(email) + "&password=" + encode(password)));
    }

    /** The app's session id, as the browser keeps it. */
    Optional<String> appSession() {
        return cookies.getCookieStore().get(URI.create(app)).stream()
                .filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** Whether the app lets this browser in: its start page answers instead of sending it to sign in. */
    boolean signedIn() throws Exception {
        return get("/").statusCode() == 200;
    }

    private boolean isApp(HttpResponse<String> response) {
        return response.uri().toString().startsWith(app);
    }

    static String location(HttpResponse<String> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? response.uri().resolve(location).toString() : location;
    }

    private String absolute(String url) {
        return url.startsWith("http") ? url : app + url;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
