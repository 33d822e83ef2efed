package dev.breakglass.plugins.microsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MicrosoftFormatTest {

    private final MicrosoftFormat format = new MicrosoftFormat();
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
        assertEquals("59XO3-283ZB-VE462-6FSV6-CO88D", format.display("59XO3-283ZB-VE462-6FSV6-CO88D"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
