package dev.breakglass.plugins.apple;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AppleFormatTest {

    private final AppleFormat format = new AppleFormat();
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
        assertEquals("XQB0-L2Z2-6QLH-3SYH-WNF1-W4B4-K8AR", format.display("XQB0-L2Z2-6QLH-3SYH-WNF1-W4B4-K8AR"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
