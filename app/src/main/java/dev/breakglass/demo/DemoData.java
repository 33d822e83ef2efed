package dev.breakglass.demo;

import static dev.breakglass.db.Tables.ACCOUNT;
import static dev.breakglass.db.Tables.ACCOUNT_ACCESS;
import static dev.breakglass.db.Tables.APP_USER;
import static dev.breakglass.db.Tables.WORKSPACE;
import static dev.breakglass.db.Tables.WORKSPACE_MEMBER;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the demo workspace "Acme" on an empty database, only when {@code breakglass.demo} asks for it: its members'
 * password is published. While it exists, every start says so loudly in the log, and its pages in their header.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "breakglass-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DSLContext db;
    private final PasswordEncoder passwords;
    private final Environment environment;

    DemoData(DSLContext db, PasswordEncoder passwords, Environment environment) {
        this.db = db;
        this.passwords = passwords;
        this.environment = environment;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (environment.getProperty("breakglass.demo", Boolean.class, false) && !db.fetchExists(WORKSPACE)) {
            createAcme();
        }
        if (db.fetchExists(WORKSPACE, WORKSPACE.DEMO.isTrue())) {
            log.warn(
                    "THIS INSTALLATION HAS THE DEMO WORKSPACE Acme, whose members' password ({}) is published. Never "
                            + "keep real codes in it; for real use start from an empty database without breakglass.demo.",
                    PASSWORD);
        }
    }

    private void createAcme() {
        UUID acme = UUID.randomUUID();
        db.insertInto(WORKSPACE)
                .set(WORKSPACE.ID, acme)
                .set(WORKSPACE.NAME, "Acme")
                .set(WORKSPACE.DEMO, true)
                .execute();

        String hash = passwords.encode(PASSWORD);
        Map<String, UUID> people = new HashMap<>();
        people.put("owner", member(acme, "owner@acme.test", "Olivia Owner", "OWNER", hash));
        people.put("admin", member(acme, "admin@acme.test", "Adam Admin", "ADMIN", hash));
        people.put("alice", member(acme, "alice@acme.test", "Alice Example", "USER", hash));
        people.put("bob", member(acme, "bob@acme.test", "Bob Example", "USER", hash));
        people.put("gina", member(acme, "gina@acme.test", "Gina Guest", "GUEST", hash));

        account(
                acme,
                "GitHub",
                "github",
                "acme-admin",
                "ON",
                people,
                Map.of("alice", "OWNER", "owner", "OWNER", "bob", "COLLABORATOR"));
        account(acme, "Google Workspace", "google", "it@acme.test", "ON", people, Map.of("alice", "OWNER"));
        account(
                acme,
                "Slack",
                "slack",
                "admin@acme.test",
                "ON",
                people,
                Map.of("owner", "OWNER", "alice", "COLLABORATOR"));
        account(
                acme,
                "AWS root",
                "aws",
                "aws-root@acme.test",
                "ON",
                people,
                Map.of("admin", "OWNER", "owner", "OWNER"));
        account(
                acme,
                "Cloudflare",
                "cloudflare",
                "dns@acme.test",
                "OFF",
                people,
                Map.of("owner", "OWNER", "admin", "COLLABORATOR"));
        account(
                acme,
                "Microsoft 365",
                "microsoft",
                "admin@acme.onmicrosoft.com",
                "ON",
                people,
                Map.of("alice", "OWNER", "gina", "COLLABORATOR"));
        account(
                acme,
                "Docker Hub",
                "dockerhub",
                "acmebuild",
                "UNKNOWN",
                people,
                Map.of("bob", "OWNER", "alice", "COLLABORATOR"));
        log.info(
                "Demo workspace Acme created: sign in as alice@acme.test (or owner@, admin@, bob@, gina@) with password {}",
                PASSWORD);
    }

    private UUID member(UUID workspace, String email, String name, String role, String passwordHash) {
        UUID id = UUID.randomUUID();
        db.insertInto(APP_USER)
                .set(APP_USER.ID, id)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, name)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .execute();
        db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspace)
                .set(WORKSPACE_MEMBER.USER_ID, id)
                .set(WORKSPACE_MEMBER.ROLE, role)
                .execute();
        return id;
    }

    private void account(
            UUID workspace,
            String label,
            String appKey,
            String login,
            String mfa,
            Map<String, UUID> people,
            Map<String, String> access) {
        UUID id = UUID.randomUUID();
        db.insertInto(ACCOUNT)
                .set(ACCOUNT.ID, id)
                .set(ACCOUNT.WORKSPACE_ID, workspace)
                .set(ACCOUNT.APP_KEY, appKey)
                .set(ACCOUNT.LABEL, label)
                .set(ACCOUNT.LOGIN_NAME, login)
                .set(ACCOUNT.MFA_STATE, mfa)
                .execute();
        access.forEach((person, role) -> db.insertInto(ACCOUNT_ACCESS)
                .set(ACCOUNT_ACCESS.WORKSPACE_ID, workspace)
                .set(ACCOUNT_ACCESS.ACCOUNT_ID, id)
                .set(ACCOUNT_ACCESS.USER_ID, people.get(person))
                .set(ACCOUNT_ACCESS.ROLE, role)
                .execute());
    }
}
