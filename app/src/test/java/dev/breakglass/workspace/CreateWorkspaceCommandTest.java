package dev.breakglass.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.audit.AuditEntry;
import dev.breakglass.audit.AuditFilter;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.password.PasswordService;
import dev.breakglass.testing.CommandLine;
import dev.breakglass.testing.CommandLine.Result;
import dev.breakglass.testing.EmptyDatabaseTest;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;

/**
 * {@code create-workspace} run in this JVM through the jar's own entry, on a database without the demo data:
 * one line on standard output, a set-password link that works; a sentence on standard error and a non-zero exit
 * code when it cannot create the workspace.
 */
@EmptyDatabaseTest
class CreateWorkspaceCommandTest {

    static final String LINK = "/set-password/[A-Za-z0-9_-]{43}";

    @Autowired
    Environment settings;

    @Autowired
    Fixtures fixtures;

    @Autowired
    WorkspaceSetup setup;

    @Autowired
    PasswordService passwords;

    @Autowired
    AuditLog auditLog;

    @Autowired
    SignIn signIn;

    @BeforeEach
    void emptyDatabase() {
        fixtures.removeAllWorkspaces();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void createWorkspace_printsOneLine_theOwnersWorkingSetPasswordLink() {
        Result result = CommandLine.createWorkspace(
                settings, "--name", "Initech", "--owner-email", "Peter@Initech.test", "--owner-name", "Peter Gibbons");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).singleElement().asString().matches(LINK);
        String token = result.outLines().get(0).substring("/set-password/".length());
        assertThat(passwords.setPasswordLinkHolder(token)).contains("Peter Gibbons");

        passwords.setPasswordWithLink(token, "velvet lantern orbit");
        var owner = signIn.as("peter@initech.test");
        assertThat(owner.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_OWNER");
        assertThat(auditLog.search(AuditFilter.everything(), 0, 10))
                .extracting(AuditEntry::action)
                .containsExactly("PASSWORD_SET_BY_LINK", "SET_PASSWORD_LINK_ISSUED", "WORKSPACE_CREATED");
        AuditEntry created = auditLog.search(new AuditFilter(null, "WORKSPACE_CREATED", null, null, null), 0, 1)
                .get(0);
        assertThat(created.actorId()).isNull();
        assertThat(created.details()).contains("command line").doesNotContain(token);
    }

    @Test
    void createWorkspace_withPublicUrl_printsAnAbsoluteLink() {
        Result result = CommandLine.createWorkspace(
                settings,
                "--name=Initech",
                "--owner-email=peter@initech.test",
                "--owner-name=Peter Gibbons",
                "--breakglass.public-url=https://breakglass.example.com/");

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).singleElement().asString().matches("https://breakglass\\.example\\.com" + LINK);
    }

    @Test
    void createWorkspace_withTakenEmail_isRefusedWithASentence() {
        assertThat(CommandLine.createWorkspace(
                                settings,
                                "--name",
                                "Initech",
                                "--owner-email",
                                "peter@initech.test",
                                "--owner-name",
                                "Peter Gibbons")
                        .exitCode())
                .isZero();

        Result again = CommandLine.createWorkspace(
                settings, "--name", "Initrode", "--owner-email", "PETER@initech.test", "--owner-name", "Peter Again");

        assertThat(again.exitCode()).isEqualTo(CreateWorkspaceCommand.REFUSED);
        assertThat(again.out()).isEmpty();
        assertThat(again.err())
                .contains("Workspace not created: someone with the e-mail address PETER@initech.test "
                        + "already has a Breakglass login.");
    }

    @Test
    void createWorkspace_withEmptyName_isRefused_andCreatesNothing() {
        Result result = CommandLine.createWorkspace(
                settings, "--name", "  ", "--owner-email", "peter@initech.test", "--owner-name", "Peter Gibbons");

        assertThat(result.exitCode()).isEqualTo(CreateWorkspaceCommand.REFUSED);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Workspace not created: the name is empty");
        assertThat(setup.noWorkspaceYet()).isTrue();
    }

    @Test
    void createWorkspace_withInvalidEmailOrOwnerName_isRefused() {
        Result email = CommandLine.createWorkspace(
                settings, "--name", "Initech", "--owner-email", "peter", "--owner-name", "Peter Gibbons");
        Result ownerName = CommandLine.createWorkspace(
                settings, "--name", "Initech", "--owner-email", "peter@initech.test", "--owner-name", "");

        assertThat(email.exitCode()).isEqualTo(CreateWorkspaceCommand.REFUSED);
        assertThat(email.err()).contains("\"peter\" is not an e-mail address");
        assertThat(ownerName.exitCode()).isEqualTo(CreateWorkspaceCommand.REFUSED);
        assertThat(ownerName.err()).contains("the Owner's name is empty");
        assertThat(setup.noWorkspaceYet()).isTrue();
    }

    @Test
    void createWorkspace_withoutAnOption_showsHowToUseIt() {
        Result result =
                CommandLine.createWorkspace(settings, "--name", "Initech", "--owner-email", "peter@initech.test");

        assertThat(result.exitCode()).isEqualTo(CreateWorkspaceCommand.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("create-workspace needs --name, --owner-email and --owner-name.");
    }

    @Test
    void createWorkspace_withUnreachableDatabase_saysSo() throws Exception {
        Result result = CommandLine.createWorkspace(
                settings,
                "--name",
                "Initech",
                "--owner-email",
                "peter@initech.test",
                "--owner-name",
                "Peter Gibbons",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/breakglass?connectTimeout=2"); // port 1: never
        // open

        assertThat(result.exitCode()).isEqualTo(CreateWorkspaceCommand.NO_DATABASE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Workspace not created: could not reach the database");
    }

    @Test
    void createWorkspace_startsNoWebServer() throws Exception {
        // The command's server port is taken: a web server would fail to start, the command does not need one.
        try (ServerSocket taken = new ServerSocket(0)) {
            Result result = CommandLine.createWorkspace(
                    settings,
                    "--name",
                    "Initech",
                    "--owner-email",
                    "peter@initech.test",
                    "--owner-name",
                    "Peter Gibbons",
                    "--server.port=" + taken.getLocalPort());

            assertThat(result.exitCode()).isZero();
            assertThat(result.outLines()).singleElement().asString().matches(LINK);
        }
    }
}
