package dev.breakglass.plugins.nintendo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class NintendoAccountFormatTest {

    private final NintendoAccountFormat format = new NintendoAccountFormat();
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
        assertEquals("841kq1a8", format.display("841kq1a8"));
    }

    @Test
    void theAppsOwnName_isNotACode_butACodeOfLettersOnlyIs() {
        kit.assertReadsNothing("Nintendo\nNINTENDO\nNintendo Account");
        kit.assertReads("Nintendo\nkqfbmxzt\n841KQ1A8", "kqfbmxzt", "841kq1a8");
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
