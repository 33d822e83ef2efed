package dev.breakglass.backupcodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The service itself refuses a paste that does not look like the app's codes unless the caller accepted it. */
@SpringBootTest
class PasteMismatchServiceTest {

    private static final String GOOGLE_CODES =
            "SAVE YOUR BACKUP CODES\n6165 1728\n6233 5735\n9145 2230\n7702 3391\n2289 4410\n"
                    + "3720 7276\n3087 3821\n5528 1940\n1046 8873\n8831 0562\n";

    @Autowired
    BackupCodeService service;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    UUID github;

    @BeforeEach
    void signedInAsAlice() {
        fixtures.forgetAllCodes();
        github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
    }

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void save_anotherAppsCodes_withoutAcceptance_isRefused_andNothingIsSaved() {
        assertThatThrownBy(() -> service.saveCodes(github, GOOGLE_CODES))
                .isInstanceOf(PasteMismatchException.class)
                .hasMessageContaining("Google")
                .hasMessageNotContaining("6165");

        assertThat(service.overview(github).activeSet()).isEmpty();
    }

    @Test
    void replace_withTheWrongCount_withoutAcceptance_keepsTheSavedSet() {
        CodeSetSummary saved = service.saveCodes(github, sixteenGitHubCodes());

        assertThatThrownBy(() -> service.replaceCodes(github, saved.setId(), "4f2a1-9c3b7\n88e0d-1a2f4\n"))
                .isInstanceOf(PasteMismatchException.class)
                .hasMessageContaining("16");

        assertThat(service.overview(github).activeSet())
                .get()
                .extracting(CodeSetSummary::setId)
                .isEqualTo(saved.setId());
    }

    @Test
    void replace_withTheWrongCount_accepted_replaces() {
        CodeSetSummary saved = service.saveCodes(github, sixteenGitHubCodes());

        CodeSetSummary replaced =
                service.replaceCodes(github, saved.setId(), "4f2a1-9c3b7\n88e0d-1a2f4\n", Mismatch.ACCEPTED);

        assertThat(replaced.codeCount()).isEqualTo(2);
    }

    @Test
    void preview_ofTheAppsOwnCodes_hasNoMismatch() {
        assertThat(service.preview(github, sixteenGitHubCodes()).mismatch()).isEmpty();
        assertThat(service.preview(github, GOOGLE_CODES).mismatch()).isPresent();
    }

    private static String sixteenGitHubCodes() {
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            codes.append(String.format("%05x-%05x%n", 0x5a000 + i, 0xa5000 + i));
        }
        return codes.toString();
    }
}
