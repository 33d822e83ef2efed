package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the format that reads a paste, with the real bundled plugins, and the limits every paste must meet. */
class CodeReaderTest {

    @TempDir
    static Path data;

    private static StandaloneFormats formats;
    private static CodeReader reader;

    @BeforeAll
    static void loadPlugins() {
        formats = StandaloneFormats.open(data, Duration.ofSeconds(5));
        reader = formats.reader();
    }

    @AfterAll
    static void closePlugins() {
        formats.close();
    }

    @Test
    void appHint_triesTheAppsFormatFirst() {
        ParsedCodes parsed = reader.read("1234 5678\n2345 6789", "slack");

        assertThat(parsed.formatId()).isEqualTo("slack");
        assertThat(parsed.codes()).containsExactly("12345678", "23456789");
    }

    @Test
    void withoutHint_theMostConfidentFormatWins() {
        ParsedCodes parsed = reader.read("GitHub recovery codes\n0a1b2-c3d4e\nf5a6b-7c8d9", null);

        assertThat(parsed.formatId()).isEqualTo("github");
        assertThat(parsed.formatName()).isEqualTo("GitHub");
        assertThat(parsed.unreadableLines()).containsExactly("GitHub recovery codes");
    }

    @Test
    void hintThatFindsNothing_fallsBackToTheMostConfidentFormat() {
        ParsedCodes parsed = reader.read("SAVE YOUR BACKUP CODES\n1. 1234 5678\n2. 2345 6789", "github");

        assertThat(parsed.formatId()).isEqualTo("google");
        assertThat(parsed.codes()).containsExactly("12345678", "23456789");
    }

    @Test
    void noFormatConfidentEnough_theGenericReaderAnswers() {
        ParsedCodes parsed = reader.read("codes for the shared login\nab12-cd34\nef56-gh78", null);

        assertThat(parsed.formatId()).isEqualTo("generic");
        assertThat(parsed.codes()).containsExactly("ab12-cd34", "ef56-gh78");
        assertThat(parsed.unreadableLines()).containsExactly("codes for the shared login");
        assertThat(parsed.notice()).isEmpty();
    }

    @Test
    void appsFormatThatReadsOnlyLetters_losesToMoreCodesWithDigitsOfAnotherShape() {
        ParsedCodes parsed = reader.read("title: Zoom\nQWZRTKPL\nab12c-d34ef\nk7m2p-q9x4z\nw3n8r-t5v1b", "zoom");

        assertThat(parsed.formatId()).isEqualTo(GenericFormat.ID);
        assertThat(parsed.codes()).containsExactly("ab12c-d34ef", "k7m2p-q9x4z", "w3n8r-t5v1b");
        assertThat(reader.read("QWZRTKPL\nVBNMXCLK", "zoom").codes())
                .as("letters only and nothing else: the app's format still reads them")
                .containsExactly("QWZRTKPL", "VBNMXCLK");
    }

    @Test
    void linkedInAtlassianAndRedditPlugins_areBundledAndServeTheirAppKeys() {
        ParsedCodes linkedIn = reader.read("9873 5086\n5360 6307", "linkedin");
        assertThat(linkedIn.formatId()).isEqualTo("linkedin");
        assertThat(linkedIn.codes()).containsExactly("98735086", "53606307");

        ParsedCodes jira = reader.read("Recovery key\nTS7H-2RI0-J1CA-884S-LR1X-MHKL", "jira");
        assertThat(jira.formatId()).isEqualTo("atlassian");
        assertThat(jira.codes()).containsExactly("TS7H2RI0J1CA884SLR1XMHKL");
        assertThat(reader.formatFor("confluence"))
                .hasValueSatisfying(format -> assertThat(format.settingsPage()).isPresent());

        ParsedCodes reddit = reader.read("674376\n589953\n986167", "reddit");
        assertThat(reddit.formatId()).isEqualTo("reddit");
        assertThat(reddit.codes()).containsExactly("674376", "589953", "986167");
    }

    @Test
    void appWithoutBackupCodes_saysSo_andTypedCodesStillRead() {
        assertThat(reader.formatFor("aws")).hasValueSatisfying(aws -> {
            assertThat(aws.supportsBackupCodes()).isFalse();
            assertThat(aws.settingsPage()).isPresent();
        });
        assertThat(reader.read("a1b2c3d4", "aws").formatId()).isEqualTo("generic");
    }

    @Test
    void display_usesTheFormatsOwnForm() {
        assertThat(reader.display("google", "12345678")).isEqualTo("1234 5678");
        assertThat(reader.display("generic", "abc-123")).isEqualTo("abc-123");
    }

    @Test
    void onlyWhiteSpaceOrInvisibleCharacters_isEmpty() {
        assertRejected("  \n\t ", PasteProblem.EMPTY);
        assertRejected("\u200B\u200B\n\u00AD", PasteProblem.EMPTY);
    }

    @Test
    void textWithoutCodes_isNoCodes() {
        assertRejected("Hello, these are not the codes you are looking for.", PasteProblem.NO_CODES);
    }

    @Test
    void pageWhoseOnlyTextIsInAScript_isNoCodes_notEmpty() {
        assertRejected("<html><script>var codes = ['4283f-efc63'];</script></html>", PasteProblem.NO_CODES);
    }

    @Test
    void lookAlikeSecrets_areRefusedAsNoCodes_sayingWhatTheyAre() {
        assertRejected("otpauth://totp/Acme:alice?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", PasteProblem.TOTP_SECRET);
        assertRejected("Setup key\njbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp", PasteProblem.TOTP_SECRET);
        assertRejected("ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", PasteProblem.API_TOKEN);
        assertRejected("xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", PasteProblem.API_TOKEN);
        assertRejected("AKIAIOSFODNN7EXAMPL3", PasteProblem.API_TOKEN);
        assertRejected("A3-ABC123-DEF456-GHJ78-KLM90-NPQ12-RST34", PasteProblem.PASSWORD_MANAGER_KEY);
        assertRejected(
                "abandon ability able about above absent absorb abstract absurd abuse access accident",
                PasteProblem.SEED_PHRASE);
        assertRejected("Licence key\nAB12-CD34-EF56-GH78", PasteProblem.LICENCE_KEY);
        assertRejected("Your Acme verification code is 482913.", PasteProblem.ONE_TIME_CODE);
        assertRejected(
                "Office Wi-Fi\nSSID: Guest\nPassword: z3ja-qns6-3d4d\nWPA2, changes every quarter",
                PasteProblem.PASSWORD);
        assertRejected(
                "client_id: user.2e99aa03-c52d-dba9-bf36-ec0a6df03663\nclient_secret: qnEtnh8ONL1QBoa6xerQ",
                PasteProblem.API_TOKEN);
        assertRejected("Steam key from the bundle: GKHW2-C4AYZ-TRXD0", PasteProblem.LICENCE_KEY);
        assertRejected("Identifier:\n\tFBB60099-E155-5C2F-F5E5-6B68789CC97B", PasteProblem.NO_CODES);
        assertThat(PasteProblem.API_TOKEN.code()).isEqualTo("no_codes");
    }

    @Test
    void appPassword_isRefusedAsAPassword_evenWithTheAppsHint_butNotWhenThePasteIsOfBackupCodes() {
        String apple = "App-Specific Password\n\nUse this password in Thunderbird:\n\nerv8-vnqy-77fe-8x33\n\nDone";
        assertRejected(apple, PasteProblem.PASSWORD);
        assertThatThrownBy(() -> reader.read(apple, "apple"))
                .isInstanceOfSatisfying(
                        PasteRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PasteProblem.PASSWORD));
        assertRejected("Generated app password\n\nwxyq abcd efgh ijkm", PasteProblem.PASSWORD);

        // A page of backup codes that also mentions app passwords is still a page of backup codes.
        ParsedCodes parsed =
                reader.read("Backup codes (app passwords are under Security)\n4821-7730\n5519-0246\n9034-1178", null);
        assertThat(parsed.codes()).containsExactly("4821-7730", "5519-0246", "9034-1178");
    }

    @Test
    void appsFormatThatReadOneCodeOfAList_givesWayToTheList() {
        ParsedCodes parsed = reader.read(
                "Proton\nSave your backup codes\n65213c25\nca2712fb\n95afef68\n6affd412\ne4412e06\n26779294\n"
                        + "Copy codes",
                null);
        assertThat(parsed.codes()).hasSize(6).contains("65213c25", "26779294");
        assertThat(reader.read("Namecheap backup codes\nJ96IN8JR\nZVAZ90P7\nE08XIFD5\n\u00A9 2000-2026 Namecheap", null)
                        .codes())
                .as("a copyright's years are no code")
                .containsExactly("J96IN8JR", "ZVAZ90P7", "E08XIFD5");
    }

    @Test
    void tailscaleDisablementSecret_isKept_butOtherSecretsInAConfigAreNot() {
        ParsedCodes parsed = reader.read(
                "1 disablement secrets have been generated and are printed below.\n"
                        + "\tdisablement-secret:1C44527DF016A9C9CC297AD01B99DB8C606BEE3AB95A6339A0B41638DDAD8F08",
                "tailscale");
        assertThat(parsed.codes()).containsExactly("1C44527DF016A9C9CC297AD01B99DB8C606BEE3AB95A6339A0B41638DDAD8F08");
        assertRejected(
                "client-secret: 1C44527DF016A9C9CC297AD01B99DB8C606BEE3AB95A6339A0B41638DDAD8F08",
                PasteProblem.API_TOKEN);
    }

    @Test
    void bareTotpSecret_thatNoFormatOfTheAppClaims_isRefusedAsATotpSecret() {
        assertRejected("JBSW Y3DP EHPK 3PXP", PasteProblem.TOTP_SECRET);
        assertRejected("KRSXG5CTMVRXEZLUKN2XAZLSKNSWC4TF", PasteProblem.TOTP_SECRET);
        assertThatThrownBy(() -> reader.read("jbsw y3dp ehpk 3pxp krsx g5ct mvrx ezlu", null))
                .isInstanceOfSatisfying(
                        PasteRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PasteProblem.TOTP_SECRET));
        // Bitwarden's recovery code is 32 of a-z and 0-9; a 16-character secret is not its shape either.
        assertThatThrownBy(() -> reader.read("JBSW Y3DP EHPK 3PXP", "bitwarden"))
                .isInstanceOfSatisfying(
                        PasteRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(PasteProblem.TOTP_SECRET));
    }

    @Test
    void base32Code_thatThePasteLabelsARecoveryCode_isKept_butABackupKeyIsASecret() {
        ParsedCodes parsed = reader.read("Acme recovery code \u2192 KRSXG5CTMVRXEZLUKN2XAZLSKNSWC4TF", null);
        assertThat(parsed.codes()).containsExactly("KRSXG5CTMVRXEZLUKN2XAZLSKNSWC4TF");

        assertRejected("Acme Authenticator\nBackup Key\nKRSXG5CTMVRXEZLU", PasteProblem.TOTP_SECRET);
    }

    @Test
    void bitwardenRecoveryCodeThatHappensToBeBase32_withTheBitwardenHint_isKept() {
        ParsedCodes parsed = reader.read("Recovery code\nJBSW Y3DP EHPK 3PXP KRSX G5CT MVRX EZLU", "bitwarden");

        assertThat(parsed.formatId()).isEqualTo("bitwarden");
        assertThat(parsed.codes()).containsExactly("JBSWY3DPEHPK3PXPKRSXG5CTMVRXEZLU");
    }

    @Test
    void recoveryKeyWithDigitsOutsideBase32_withoutHint_isStillRead() {
        assertThat(reader.read("IEQH 524Y NG5B Y1A2 ROGU BBB8 AYN1 B7O2", null).codes())
                .containsExactly("IEQH524YNG5BY1A2ROGUBBB8AYN1B7O2");
    }

    @Test
    void mixedSeparatorsOnOneLine_loseNoCode() {
        ParsedCodes parsed = reader.read("1234 5678, 2345 6789;3456 7890 | 4567 8901\t5678 9012", "google");

        assertThat(parsed.codes()).containsExactly("12345678", "23456789", "34567890", "45678901", "56789012");
    }

    @Test
    void withoutAPlugin_a64HexCodeAndAnEmergencyKeyInBlocks_areRead() {
        String hex = "4283fefc63f0cd0e873a0000c6d07ef7b77e90d3593ad699fc1f7cd5bb2e35cb";
        assertThat(reader.read("Recovery code: " + hex, "acme-vpn").codes()).containsExactly(hex);
        assertThat(reader.read("Your key\nIEQH 524Y NG5B Y1A2 ROGU BBB8", "acme-vpn")
                        .codes())
                .containsExactly("IEQH524YNG5BY1A2ROGUBBB8");
    }

    @Test
    void over64KiB_isTooLarge() {
        assertRejected("1234 5678\n".repeat(7000), PasteProblem.TOO_LARGE);
    }

    @Test
    void nulBytesOrUndecodableCharacters_areNotText() {
        assertRejected("1234 5678\u0000", PasteProblem.NOT_TEXT);
        assertRejected("1234 5678\uFFFD", PasteProblem.NOT_TEXT);
    }

    @Test
    void moreThan100Codes_isTooMany() {
        String codes =
                IntStream.range(0, 101).mapToObj(i -> "code-%04d".formatted(i)).collect(Collectors.joining("\n"));
        assertRejected(codes, PasteProblem.TOO_MANY);
    }

    @Test
    void aFull64KiBPaste_isRead() {
        String filler = "This line is a long header that holds no code at all, repeated to fill the paste.\n";
        String paste = filler.repeat(700) + "1234 5678\n";
        assertThat(paste.length()).isLessThanOrEqualTo(64 * 1024);

        assertThat(reader.read(paste, "google").codes()).containsExactly("12345678");
    }

    private static void assertRejected(String text, PasteProblem problem) {
        assertThatThrownBy(() -> reader.read(text, "google"))
                .isInstanceOfSatisfying(
                        PasteRejectedException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem));
    }
}
