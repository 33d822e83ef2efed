package dev.breakglass.plugins.atlassian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AtlassianFormatTest {

    private final AtlassianFormat format = new AtlassianFormat();
    private final FormatTestKit kit = FormatTestKit.of(format);

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
        assertEquals("TS7H2RI0J1CA884SLR1XMHKL", format.display("TS7H2RI0J1CA884SLR1XMHKL"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }

    @Test
    void groupedKey_isSavedWithoutSeparatorsAndCaseKept() {
        kit.assertReads("Atlassian key: ts7h-2ri0-j1ca-884s-lr1x-mhkl", "ts7h2ri0j1ca884slr1xmhkl");
    }

    @Test
    void sixWordsOfFourLetters_areNotAKey() {
        kit.assertReadsNothing("keep this safe when your team uses jira");
    }

    @Test
    void longerToken_isNotAKey() {
        kit.assertReadsNothing("session TS7H2RI0J1CA884SLR1XMHKLQ9");
    }
}
