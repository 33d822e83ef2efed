package dev.breakglass.workspace;

import dev.breakglass.password.PasswordPolicy;
import dev.breakglass.password.PasswordService;
import dev.breakglass.password.WeakPasswordException;
import dev.breakglass.security.AnonymousPageGate;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.SignInNotice;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.WebApplicationContext;

/**
 * The first run of a server with an empty database: at start the server logs a link with a one-time setup token,
 * and whoever opens it creates the first workspace and becomes its Owner. The token is random (256 bits), kept
 * only as its SHA-256 hash and only in memory, and compared in constant time; it is spent once a workspace exists.
 */
@Service
public class FirstRun implements SignInNotice, AnonymousPageGate {

    static final String PATH = "first-run/";
    static final String NOTICE =
            "No workspace exists yet. Open the first-run link from the server log to create yours, "
                    + "or run create-workspace.";
    private static final Logger log = LoggerFactory.getLogger(FirstRun.class);

    private final WorkspaceSetup setup;
    private final PasswordService passwords;
    private final PasswordPolicy policy;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<byte[]> tokenHash = new AtomicReference<>();

    FirstRun(
            WorkspaceSetup setup,
            PasswordService passwords,
            PasswordPolicy policy,
            @Value("${breakglass.public-url:}") String publicUrl) {
        this.setup = setup;
        this.passwords = passwords;
        this.policy = policy;
        this.publicUrl = publicUrl;
    }

    /** On a web server with no workspace, logs the first-run link once, after the demo data had its chance. */
    @EventListener
    void announce(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebApplicationContext) || !setup.noWorkspaceYet()) {
            return;
        }
        String link = link(newToken(), event.getApplicationContext().getEnvironment());
        log.warn(
                "No workspace exists yet. Open {} to create the first one and its Owner (the link works once, "
                        + "until a workspace exists), or run: java -jar breakglass.jar create-workspace --name \"NAME\" "
                        + "--owner-email EMAIL --owner-name \"FULL NAME\"",
                link);
    }

    /** A fresh setup token; an earlier one stops working. */
    String newToken() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokenHash.set(hash(token));
        return token;
    }

    @Override
    public Optional<String> notice() {
        return setup.noWorkspaceYet() ? Optional.of(NOTICE) : Optional.empty();
    }

    /** Without the setup token, or once a workspace exists, the first-run address answers as an unknown one. */
    @Override
    public boolean closes(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/first-run")) {
            return false;
        }
        return !accepts(path.startsWith("/" + PATH) ? path.substring(PATH.length() + 1) : "");
    }

    /** Whether the first-run page exists for this token: it is the setup token, and no workspace exists yet. */
    @PreAuthorize("permitAll()")
    public boolean accepts(String token) {
        byte[] expected = tokenHash.get();
        return expected != null
                && token != null
                && MessageDigest.isEqual(expected, hash(token))
                && setup.noWorkspaceYet();
    }

    /**
     * Creates the first workspace and its Owner with the password they chose; the setup token is spent.
     *
     * @throws NotFoundException when the token is wrong or spent, or a workspace exists already; nothing is saved
     * @throws InvalidWorkspaceException when the name, e-mail address or Owner's name cannot be used; nothing is saved
     * @throws WeakPasswordException when the password does not meet the policy; nothing is saved
     */
    @PreAuthorize("permitAll()")
    @Transactional
    public NewWorkspace createFirstWorkspace(
            String token, String workspaceName, String ownerName, String ownerEmail, String password) {
        if (!accepts(token)) {
            throw new NotFoundException("The first-run page");
        }
        NewWorkspace workspace = setup.createFirstWorkspace(workspaceName, ownerEmail, ownerName);
        policy.problemWith(password, workspace.ownerEmail()).ifPresent(problem -> {
            throw new WeakPasswordException(problem);
        });
        passwords.setPasswordWithLink(workspace.link().token(), password);
        byte[] spent = tokenHash.get();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                tokenHash.compareAndSet(spent, null);
            }
        });
        return workspace;
    }

    private String link(String token, Environment environment) {
        String base = publicUrl.isBlank()
                ? Optional.ofNullable(environment.getProperty("local.server.port"))
                        .map(port -> "http://localhost:" + port)
                        .orElse("")
                : publicUrl.replaceAll("/+$", "");
        return base + "/" + PATH + token;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
