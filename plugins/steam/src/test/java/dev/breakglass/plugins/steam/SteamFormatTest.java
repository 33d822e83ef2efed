package dev.breakglass.plugins.steam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SteamFormatTest {

    private final SteamFormat format = new SteamFormat();
    private final FormatTestKit kit = FormatTestKit.of(format);

    /** One test per src/test/resources/fixtures/NAME.* with its NAME.expected beside it. */
    @TestFactory
    Stream<DynamicTest> fixtures_readAsTheExpectedCodes() {
        return kit.fixtureTests();
    }

    @Test
    void facts_holdForEveryFormat() {
        kit.assertFacts();
    }

    @Test
    void display_showsTheCodeAsTheAppDoes() {
        assertEquals("R48213", format.display("R48213"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }

    @Test
    void backupCodesTypedInLowerCase_areSavedInCapitals() {
        assertEquals(List.of("HT4K9", "VB28M"), kit.codesIn("steam backup codes\nht4k9\nvb28m"));
    }

    @Test
    void codesTypedOutsideSteamsAlphabet_countOnLinesOfCodesOnly_andNeverAnEnglishWord() {
        assertEquals(
                List.of("EB36B", "EZH96", "LMBHG", "SUJ77"),
                kit.codesIn(
                        "STEAM GUARD BACKUP CODES\nEB36B        EZH96\nLMBHG        SUJ77\nEach code may be used once."));
        assertEquals(List.of("LF45Y", "N72AX", "QAZET"), kit.codesIn("# Steam\n- [ ] LF45Y\n- [ ] N72AX\n- [ ] QAZET"));
        assertEquals(List.of("YWX8V", "A6532"), kit.codesIn("Steam Guard backup codes\nY W X 8 V\nA 6 5 3 2"));
        assertEquals(
                List.of("E4UZV", "RGQFB"),
                kit.codesIn("steam backup codes, typed on the phone: e4uzv and more\ne4uzv\nrgqfb\nnever"),
                "a typed code among words counts only on a line of its own; 'never' is a word");
        kit.assertReadsNothing("Steam codes\nLMBHG\nQAZET");
    }

    @Test
    void loneCodeOfFiveCharacters_isASignInCode_notABackupCode() {
        kit.assertReadsNothing("Steam Guard\nHere is the code you need to sign in:\n4QK7D");
    }
}
