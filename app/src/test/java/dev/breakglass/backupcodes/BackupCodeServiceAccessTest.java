package dev.breakglass.backupcodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.security.NotFoundException;
import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Only eligible account Owners save and view codes; everyone else is told the account does not exist. */
@SpringBootTest
class BackupCodeServiceAccessTest {

    private static final String CODES = "11111-22222\n33333-44444\n55555-66666\n";

    @Autowired
    BackupCodeService service;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    UUID github;

    @BeforeEach
    void codesSavedByAlice() {
        fixtures.forgetAllCodes();
        github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
        service.saveCodes(github, CODES, Mismatch.ACCEPTED);
        signIn.out();
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void saveAndReveal_byOtherOwner_isAllowed() {
        signIn.asConfirmed("owner@acme.test");

        assertThat(service.revealCodes(github).codes())
                .extracting(RevealedCodes.Code::value)
                .containsExactly("11111-22222", "33333-44444", "55555-66666");
    }

    @Test
    void reveal_byCollaborator_isDenied() {
        signIn.asConfirmed("bob@acme.test");

        assertThatThrownBy(() -> service.revealCodes(github)).isInstanceOf(NotFoundException.class);
        assertThat(service.overview(github).activeSet())
                .get()
                .extracting(CodeSetSummary::codeCount)
                .isEqualTo(3);
        assertThat(service.overview(github).mayKeepCodes()).isFalse();
    }

    @Test
    void save_byCollaborator_isDenied() {
        fixtures.forgetAllCodes();
        signIn.asConfirmed("bob@acme.test");

        assertThatThrownBy(() -> service.saveCodes(github, CODES, Mismatch.ACCEPTED))
                .isInstanceOf(NotFoundException.class);
        signIn.asConfirmed("alice@acme.test");
        assertThat(service.overview(github).activeSet()).isEmpty();
    }

    @Test
    void saveAndReveal_byGuestCollaborator_isDenied() {
        UUID microsoft = fixtures.accountId("Microsoft 365");
        signIn.asConfirmed("gina@acme.test");

        assertThatThrownBy(() -> service.saveCodes(microsoft, CODES, Mismatch.ACCEPTED))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.revealCodes(microsoft)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void everything_byMemberWithoutAccess_looksLikeAMissingAccount() {
        signIn.asConfirmed("gina@acme.test");

        assertThatThrownBy(() -> service.revealCodes(github))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(new NotFoundException("The account").getMessage());
        assertThatThrownBy(() -> service.overview(github)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.revealCodes(UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage(new NotFoundException("The account").getMessage());
    }

    @Test
    void saveAndReveal_byOwnerOfAnotherWorkspace_isDenied() {
        signIn.asConfirmed(fixtures.otherWorkspaceOwner());

        assertThatThrownBy(() -> service.revealCodes(github)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.saveCodes(github, CODES, Mismatch.ACCEPTED))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> service.overview(github)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void saveAndReveal_anonymously_isRefused() {
        assertThatThrownBy(() -> service.revealCodes(github))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> service.saveCodes(github, CODES, Mismatch.ACCEPTED))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void save_whenCodesAreAlreadySaved_isRefusedAndKeepsTheFirstSet() {
        signIn.asConfirmed("owner@acme.test");

        assertThatThrownBy(() -> service.saveCodes(github, "99999-88888\n", Mismatch.ACCEPTED))
                .isInstanceOf(CodesAlreadySavedException.class);
        assertThat(service.revealCodes(github).codes()).hasSize(3);
    }
}
