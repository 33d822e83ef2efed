package dev.breakglass.plugins.snapchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class SnapchatFormatTest {

    private final SnapchatFormat format = new SnapchatFormat();
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
        assertEquals("bvjdzt70mo2b3jk6", format.display("bvjdzt70mo2b3jk6"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
