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
    void loneCodeOfFiveCharacters_isASignInCode_notABackupCode() {
        kit.assertReadsNothing("Steam Guard\nHere is the code you need to sign in:\n4QK7D");
    }
}
