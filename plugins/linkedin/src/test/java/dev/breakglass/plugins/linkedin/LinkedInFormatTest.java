package dev.breakglass.plugins.linkedin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LinkedInFormatTest {

    private final LinkedInFormat format = new LinkedInFormat();
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
        assertEquals("98735086", format.display("98735086"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }

    @Test
    void groupedCode_isSavedAsEightDigits() {
        kit.assertReads("LinkedIn recovery code: 9873 5086", "98735086");
    }

    @Test
    void longerNumber_isNotACode() {
        kit.assertReadsNothing("Order 123456789012 shipped");
    }
}
