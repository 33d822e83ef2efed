package dev.breakglass.crypto;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.AuthResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
    private static final Duration RETRY_LOGIN_AFTER = Duration.ofSeconds(10);

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

    VaultConnection(VaultSettings settings, VaultCredentials credentials) {
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
        if (credentials instanceof VaultCredentials.Token token) {
            this.client = newClient(token.token());
            this.renewals = null;
        } else {
            this.renewals = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "vault-token-renewal");
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    VaultSettings settings() {
        return settings;
    }

    /** A client with a valid token, logging in first when Breakglass uses AppRole and has no token yet. */
    Vault client() {
        Vault current = client;
        if (current != null) {
            return current;
        }
        synchronized (loginLock) {
            if (client == null) {
                logIn();
            }
            return client;
        }
    }

    /** A client without a token, for the unauthenticated health endpoint. */
    Vault anonymousClient() {
        return newClient(null);
    }

    /**
     * Vault refused the token this client carries. With AppRole the token may have expired or been revoked:
     * forget it so that the next call logs in again; returns whether that can help.
     */
    boolean tokenRefused(Vault refused) {
        if (credentials instanceof VaultCredentials.AppRole) {
            synchronized (loginLock) {
                if (client == refused) {
                    client = null;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        if (renewals != null) {
            renewals.shutdownNow();
        }
    }

    private void logIn() {
        VaultCredentials.AppRole appRole = (VaultCredentials.AppRole) credentials;
        AuthResponse login;
        try {
            login = newClient(null).auth().loginByAppRole(settings.approlePath(), appRole.roleId(), appRole.secretId());
        } catch (VaultException e) {
            if (e.getHttpStatusCode() >= 400 && e.getHttpStatusCode() < 500) {
                log.warn("Vault refused the AppRole login (HTTP {}); check VAULT_ROLE_ID and VAULT_SECRET_ID.",
                        e.getHttpStatusCode());
                throw new CipherUnavailableException("Breakglass could not sign in to Vault: its AppRole "
                        + "credentials were refused. Your Breakglass administrator needs to check them.");
            }
            throw unavailable("AppRole login", e);
        }
        client = newClient(login.getAuthClientToken());
        log.info("Signed in to Vault with AppRole; the token lasts {} s and is {}.", login.getAuthLeaseDuration(),
                login.isAuthRenewable() ? "renewed before it expires" : "replaced by a new login before it expires");
        Duration lease = Duration.ofSeconds(login.getAuthLeaseDuration());
        scheduleKeepAlive(lease, login.isAuthRenewable(), lease);
    }

    /**
     * Renews at two thirds of the lease. When a renewal comes back with a much shorter lease, the token is
     * near its maximum TTL and cannot be renewed much longer, so the next step is a new login instead.
     */
    private void scheduleKeepAlive(Duration lease, boolean renewable, Duration previousLease) {
        if (lease.isZero()) {
            return; // a token without expiry
        }
        long delay = lease.multipliedBy(2).dividedBy(3).toMillis();
        boolean nearMaxTtl = lease.multipliedBy(2).compareTo(previousLease) < 0;
        if (!renewable || nearMaxTtl) {
            renewals.schedule(this::logInAgain, delay, TimeUnit.MILLISECONDS);
        } else {
            renewals.schedule(() -> renew(lease), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void renew(Duration previousLease) {
        Vault current = client;
        if (current == null) {
            return; // the next call logs in
        }
        try {
            AuthResponse renewed = current.auth().renewSelf();
            int status = renewed.getRestResponse().getStatus();
            if (status != 200) {
                throw new VaultException("renewal refused", status);
            }
            log.debug("Vault token renewed for {} s.", renewed.getAuthLeaseDuration());
            scheduleKeepAlive(Duration.ofSeconds(renewed.getAuthLeaseDuration()), renewed.isAuthRenewable(), previousLease);
        } catch (VaultException | RuntimeException e) {
            log.info("Renewing the Vault token failed ({}); logging in again.", describe(e));
            logInAgain();
        }
    }

    private void logInAgain() {
        try {
            synchronized (loginLock) {
                client = null;
                logIn();
            }
        } catch (CipherException e) {
            log.warn("Logging in to Vault again failed: {} Trying again in {} s.", e.getMessage(),
                    RETRY_LOGIN_AFTER.toSeconds());
            renewals.schedule(this::logInAgain, RETRY_LOGIN_AFTER.toMillis(), TimeUnit.MILLISECONDS);
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
            log.warn("Vault {} failed: the TLS connection to {} could not be established ({}).", operation,
                    settings.address(), describe(e));
            return new CipherUnavailableException("Breakglass could not open a trusted connection to Vault. "
                    + "Your Breakglass administrator needs to check Vault's certificate (breakglass.vault.ca-file).");
        }
        log.warn("Vault {} failed: {} could not be reached ({}).", operation, settings.address(), describe(e));
        return new CipherUnavailableException("Vault could not be reached. Try again in a moment; "
                + "if it keeps happening, tell your Breakglass administrator.");
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
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
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
            throw new IllegalStateException("breakglass.vault.ca-file " + caFile + " could not be read as PEM certificates.", e);
        }
    }
}
