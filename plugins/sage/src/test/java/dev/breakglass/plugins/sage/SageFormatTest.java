package dev.breakglass.plugins.sage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SageFormatTest {

    private final SageFormat format = new SageFormat();
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
        assertEquals("JMDH-83FF-GPHE-JM24-CJ75-N4HM", format.display("JMDH83FFGPHEJM24CJ75N4HM"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
