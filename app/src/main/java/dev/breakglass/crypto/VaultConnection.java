package dev.breakglass.crypto;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.json.Json;
import io.github.jopenlibs.vault.json.JsonObject;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One authenticated way into Vault: the HTTP client (timeouts, trusted CA), the namespace, and the token,
 * which for AppRole is obtained by logging in and kept alive by renewing it before it expires. Failures are
 * turned into {@link CipherUnavailableException}s whose messages are sentences; no token and no stack trace
 * is ever logged.
 */
final class VaultConnection implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VaultConnection.class);
    private static final Duration FIRST_LOGIN_RETRY = Duration.ofSeconds(5);
    private static final Duration LAST_LOGIN_RETRY = Duration.ofMinutes(5);
    /** A refused token leads to a new AppRole login at most this often, so a policy problem cannot cause a login storm. */
    private static final Duration MIN_LOGIN_INTERVAL = Duration.ofSeconds(2);

    private static final Duration RETRY_RENEWAL_AFTER = Duration.ofMinutes(1);

    /** The driver reads VAULT_* variables itself unless told not to; Breakglass passes every value explicitly. */
    private static final EnvironmentLoader NO_ENVIRONMENT = new EnvironmentLoader() {
        @Override
        public String loadVariable(String name) {
            return null;
        }
    };

    private final VaultSettings settings;
    private final VaultCredentials credentials;
    private final HttpClient http;
    private final ScheduledExecutorService renewals;
    private final Object loginLock = new Object();
    private volatile Vault client;
    private volatile TokenStatus tokenStatus = TokenStatus.UNKNOWN;
    private ScheduledFuture<?> keepAlive;
    private Instant lastLogin = Instant.EPOCH;
    private Duration nextLoginRetry = FIRST_LOGIN_RETRY;
    private String unwrappedSecretId;

    VaultConnection(VaultSettings settings, VaultCredentials credentials) {
        settings.requireSafeAddress();
        this.settings = settings;
        this.credentials = credentials;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (settings.caFilePath() != null) {
            builder.sslContext(trusting(settings.caFilePath()));
        }
        this.http = builder.build();
        this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "vault-token-renewal");
            thread.setDaemon(true);
            return thread;
        });
    }

    VaultSettings settings() {
        return settings;
    }

    /**
     * A client with a token: with AppRole it logs in first; with a static token it looks the token up once
     * (expiry, renewability) and from then on renews it before it expires when Vault allows that.
     */
    Vault client() {
        Vault current = client;
        if (current != null) {
            return current;
        }
        synchronized (loginLock) {
            if (client == null) {
                if (credentials instanceof VaultCredentials.Token token) {
                    client = newClient(token.token());
                    lookUpStaticToken();
                } else {
                    logIn();
                }
            }
            return client;
        }
    }

    /** A client without a token, for the unauthenticated health endpoint. */
    Vault anonymousClient() {
        return newClient(null);
    }

    /** What Breakglass knows about its token: when it expires, whether it can be renewed, whether Vault still accepts it. */
    TokenStatus tokenStatus() {
        return tokenStatus;
    }

    /**
     * Whether Vault still accepts the token {@code vault} carries ({@code auth/token/lookup-self}, which
     * Vault's default policy allows). Used after a 403 to tell "token expired or revoked" from "policy
     * denies this"; answers true when Vault cannot be asked.
     */
    boolean tokenAccepted(Vault vault) {
        try {
            int status = vault.logical()
                    .read("auth/token/lookup-self")
                    .getRestResponse()
                    .getStatus();
            if (status == 403 || status == 401) {
                tokenStatus = TokenStatus.rejected();
                return false;
            }
            return true;
        } catch (VaultException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Vault no longer accepts the token {@code refused} carries. With AppRole the next call logs in again
     * (at most once per {@link #MIN_LOGIN_INTERVAL}); answers whether sending the request again can help.
     */
    boolean tokenRefused(Vault refused) {
        if (!(credentials instanceof VaultCredentials.AppRole)) {
            return false;
        }
        synchronized (loginLock) {
            if (client != refused) {
                return true; // another thread has logged in already
            }
            if (Duration.between(lastLogin, Instant.now()).compareTo(MIN_LOGIN_INTERVAL) < 0) {
                return false;
            }
            client = null;
            return true;
        }
    }

    /** Stops renewing; an AppRole token Breakglass obtained itself is revoked, an operator's token is left alone. */
    @Override
    public void close() {
        renewals.shutdownNow();
        Vault current = client;
        if (current != null && credentials instanceof VaultCredentials.AppRole) {
            revoke(current);
        }
    }

    private void logIn() {
        VaultCredentials.AppRole appRole = (VaultCredentials.AppRole) credentials;
        AuthResponse login;
        try {
            login = newClient(null).auth().loginByAppRole(settings.approlePath(), appRole.roleId(), secretId(appRole));
        } catch (VaultException e) {
            if (e.getHttpStatusCode() >= 400 && e.getHttpStatusCode() < 500) {
                log.warn(
                        "Vault refused the AppRole login (HTTP {}); check VAULT_ROLE_ID and the secret id.",
                        e.getHttpStatusCode());
                throw new CipherUnavailableException("Breakglass could not sign in to Vault: its AppRole "
                        + "credentials were refused. Your Breakglass administrator needs to check them.");
            }
            throw unavailable("AppRole login", e);
        }
        Vault replaced = client;
        client = newClient(login.getAuthClientToken());
        lastLogin = Instant.now();
        nextLoginRetry = FIRST_LOGIN_RETRY;
        Duration lease = Duration.ofSeconds(login.getAuthLeaseDuration());
        tokenStatus = TokenStatus.of(lease, login.isAuthRenewable());
        log.info(
                "Signed in to Vault with AppRole; the token lasts {} s and is {}.",
                login.getAuthLeaseDuration(),
                login.isAuthRenewable() ? "renewed before it expires" : "replaced by a new login before it expires");
        scheduleKeepAlive(lease, login.isAuthRenewable(), lease);
        if (replaced != null) {
            renewals.execute(() -> revoke(replaced));
        }
    }

    /** The secret id: given, read from a file, or unwrapped once from a response-wrapping token. */
    private String secretId(VaultCredentials.AppRole appRole) throws VaultException {
        if (!appRole.wrapped()) {
            return appRole.secretId();
        }
        if (unwrappedSecretId == null) {
            LogicalResponse unwrapped = newClient(appRole.secretId()).logical().write("sys/wrapping/unwrap", null);
            JsonObject data = unwrapped.getDataObject();
            String secretId = data == null ? "" : data.getString("secret_id", "");
            if (unwrapped.getRestResponse().getStatus() != 200 || secretId.isEmpty()) {
                log.warn(
                        "Vault refused to unwrap the wrapped AppRole secret id (HTTP {}); a wrapping token works once.",
                        unwrapped.getRestResponse().getStatus());
                throw new CipherUnavailableException("Breakglass could not sign in to Vault: its wrapped AppRole "
                        + "secret id could not be unwrapped (already used or expired). Your Breakglass administrator "
                        + "needs to give it a new one.");
            }
            unwrappedSecretId = secretId;
        }
        return unwrappedSecretId;
    }

    private void lookUpStaticToken() {
        Vault current = client;
        try {
            LogicalResponse lookup = current.logical().read("auth/token/lookup-self");
            int status = lookup.getRestResponse().getStatus();
            if (status == 403 || status == 401) {
                tokenStatus = TokenStatus.rejected();
                log.warn("Vault does not accept VAULT_TOKEN: it expired or was revoked.");
                return;
            }
            JsonObject data = lookup.getDataObject();
            if (status != 200 || data == null) {
                return;
            }
            Duration ttl = Duration.ofSeconds(data.getLong("ttl", 0));
            boolean renewable = data.getBoolean("renewable", false);
            tokenStatus = TokenStatus.of(ttl, renewable);
            if (ttl.isZero()) {
                log.info("VAULT_TOKEN does not expire.");
            } else {
                log.info(
                        "VAULT_TOKEN expires in {} s and is {}.",
                        ttl.toSeconds(),
                        renewable
                                ? "renewed before it expires"
                                : "NOT renewable: give Breakglass a new token before then");
                scheduleKeepAlive(ttl, renewable, ttl);
            }
        } catch (VaultException | RuntimeException e) {
            log.info("Looking up VAULT_TOKEN failed ({}); its expiry is unknown.", describe(e));
        }
    }

    /**
     * One keep-alive task at a time: renews at two thirds of the lease. When a renewal comes back with a much
     * shorter lease, the token is near its maximum TTL: AppRole then logs in again; a static token is left to
     * expire (the health check says so ahead of time).
     */
    private void scheduleKeepAlive(Duration lease, boolean renewable, Duration previousLease) {
        if (lease.isZero()) {
            return; // a token without expiry
        }
        long delay = lease.multipliedBy(2).dividedBy(3).toMillis();
        boolean nearMaxTtl = lease.multipliedBy(2).compareTo(previousLease) < 0;
        Runnable next;
        if (renewable && !nearMaxTtl) {
            next = () -> renew(lease);
        } else if (credentials instanceof VaultCredentials.AppRole) {
            next = this::logInAgain;
        } else {
            return;
        }
        schedule(next, delay);
    }

    private synchronized void schedule(Runnable task, long delayMillis) {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        if (!renewals.isShutdown()) {
            keepAlive = renewals.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    private void renew(Duration previousLease) {
        Vault current = client;
        if (current == null) {
            return; // the next call logs in
        }
        try {
            LogicalResponse renewed = current.logical().write("auth/token/renew-self", null);
            int status = renewed.getRestResponse().getStatus();
            if (status == 403 || status == 401) {
                tokenStatus = TokenStatus.rejected();
                throw new VaultException("renewal refused", status);
            }
            if (status != 200) {
                throw new VaultException("renewal failed", status);
            }
            JsonObject auth = Json.parse(new String(renewed.getRestResponse().getBody(), StandardCharsets.UTF_8))
                    .asObject()
                    .get("auth")
                    .asObject();
            Duration lease = Duration.ofSeconds(auth.getLong("lease_duration", 0));
            boolean renewable = auth.getBoolean("renewable", false);
            tokenStatus = TokenStatus.of(lease, renewable);
            log.debug("Vault token renewed for {} s.", lease.toSeconds());
            scheduleKeepAlive(lease, renewable, previousLease);
        } catch (VaultException | RuntimeException e) {
            if (credentials instanceof VaultCredentials.AppRole) {
                log.info("Renewing the Vault token failed ({}); logging in again.", describe(e));
                logInAgain();
            } else if (tokenStatus.refused()) {
                log.warn("Vault refused to renew VAULT_TOKEN: it expired or was revoked.");
            } else {
                log.warn(
                        "Renewing VAULT_TOKEN failed ({}); trying again in {} s.",
                        describe(e),
                        RETRY_RENEWAL_AFTER.toSeconds());
                schedule(() -> renew(previousLease), RETRY_RENEWAL_AFTER.toMillis());
            }
        }
    }

    private void logInAgain() {
        try {
            synchronized (loginLock) {
                logIn();
            }
        } catch (CipherException e) {
            Duration retry = nextLoginRetry;
            nextLoginRetry =
                    retry.multipliedBy(2).compareTo(LAST_LOGIN_RETRY) > 0 ? LAST_LOGIN_RETRY : retry.multipliedBy(2);
            log.warn("Logging in to Vault again failed: {} Trying again in {} s.", e.getMessage(), retry.toSeconds());
            schedule(this::logInAgain, retry.toMillis());
        }
    }

    /** Best effort: a token Breakglass no longer uses should not stay valid in Vault. */
    private void revoke(Vault replaced) {
        try {
            int status = replaced.logical()
                    .write("auth/token/revoke-self", null)
                    .getRestResponse()
                    .getStatus();
            log.debug("Revoked a Vault token Breakglass no longer uses (HTTP {}).", status);
        } catch (VaultException | RuntimeException e) {
            log.debug("Revoking an unused Vault token failed ({}).", describe(e));
        }
    }

    private Vault newClient(String token) {
        try {
            int seconds = (int) Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
            VaultConfig config = new VaultConfig()
                    .environmentLoader(NO_ENVIRONMENT)
                    .address(settings.address())
                    .token(token)
                    .engineVersion(1) // transit paths must not be rewritten as KV version 2 paths
                    .openTimeout(seconds)
                    .readTimeout(seconds)
                    .httpClient(http);
            if (!settings.namespace().isBlank()) {
                config.nameSpace(settings.namespace().strip());
            }
            return Vault.create(config.build());
        } catch (VaultException e) {
            throw new IllegalStateException("The Vault settings are not usable: check breakglass.vault.address.");
        }
    }

    /**
     * The token's state as last seen: when it expires (null: never or unknown), whether it can be renewed, and
     * whether Vault refused it (expired or revoked).
     */
    record TokenStatus(Instant expiresAt, boolean renewable, boolean refused) {
        static final TokenStatus UNKNOWN = new TokenStatus(null, false, false);

        static TokenStatus of(Duration ttl, boolean renewable) {
            return new TokenStatus(ttl.isZero() ? null : Instant.now().plus(ttl), renewable, false);
        }

        static TokenStatus rejected() {
            return new TokenStatus(null, false, true);
        }
    }

    /** Turns a failed call into the sentence the user reads; logs what happened without secrets or stack trace. */
    CipherUnavailableException unavailable(String operation, VaultException e) {
        int status = e.getHttpStatusCode();
        if (status == 503) {
            log.warn("Vault {} failed: Vault is sealed or not ready (HTTP 503).", operation);
            return new CipherUnavailableException("Vault is sealed, so it cannot encrypt or decrypt codes right now. "
                    + "Ask your Vault operator to unseal it, then try again.");
        }
        if (status > 0) {
            log.warn("Vault {} failed with HTTP {}.", operation, status);
            return new CipherUnavailableException("Vault answered with an error (HTTP " + status
                    + "). Try again in a moment; if it keeps happening, tell your Breakglass administrator.");
        }
        if (causedBy(e, HttpTimeoutException.class)) {
            log.warn("Vault {} failed: no answer within {}.", operation, settings.timeout());
            return new CipherUnavailableException("Vault did not answer within " + humanDuration(settings.timeout())
                    + ". Try again in a moment; if it keeps happening, tell your Breakglass administrator.");
        }
        if (causedBy(e, SSLException.class)) {
            log.warn(
                    "Vault {} failed: the TLS connection to {} could not be established ({}).",
                    operation,
                    settings.address(),
                    describe(e));
            return new CipherUnavailableException("Breakglass could not open a trusted connection to Vault. "
                    + "Your Breakglass administrator needs to check Vault's certificate (breakglass.vault.ca-file).");
        }
        log.warn("Vault {} failed: {} could not be reached ({}).", operation, settings.address(), describe(e));
        return new CipherUnavailableException("Vault could not be reached. Try again in a moment; "
                + "if it keeps happening, tell your Breakglass administrator.");
    }

    /**
     * Whether a call failed because the connection broke (closed, reset, or ended early) rather than because
     * Vault could not be reached or did not answer in time: then sending it once more on a new connection helps.
     */
    static boolean brokenConnection(VaultException e) {
        if (e.getHttpStatusCode() > 0
                || causedBy(e, HttpTimeoutException.class)
                || causedBy(e, ConnectException.class)
                || causedBy(e, SSLException.class)) {
            return false;
        }
        return causedBy(e, java.nio.channels.ClosedChannelException.class)
                || causedBy(e, java.io.EOFException.class)
                || causedBy(e, IOException.class);
    }

    /** A failed call's kind for metrics: a timeout, a TLS problem, or Vault unreachable. */
    static String failureKind(VaultException e) {
        if (e.getHttpStatusCode() > 0) {
            return e.getHttpStatusCode() == 503 ? "sealed" : "error";
        }
        if (causedBy(e, HttpTimeoutException.class)) {
            return "timeout";
        }
        if (causedBy(e, SSLException.class)) {
            return "tls";
        }
        return "unreachable";
    }

    private static String humanDuration(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0) {
            long seconds = millis / 1000;
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        return millis + " milliseconds";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost exception's type, which names the failure without echoing response bodies. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConnectException) {
            return "connection refused";
        }
        return root.getClass().getSimpleName();
    }

    private static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            int i = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trusted.setCertificateEntry("vault-ca-" + i++, certificate);
            }
            if (i == 0) {
                throw new IllegalStateException("breakglass.vault.ca-file " + caFile + " holds no PEM certificate.");
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "breakglass.vault.ca-file " + caFile + " could not be read as PEM certificates.", e);
        }
    }
}
