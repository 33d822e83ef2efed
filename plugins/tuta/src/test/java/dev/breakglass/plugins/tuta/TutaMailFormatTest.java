package dev.breakglass.plugins.tuta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class TutaMailFormatTest {

    private final TutaMailFormat format = new TutaMailFormat();
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
        assertEquals(
                "6e0f 9f17 8f4d 2598 150c 6ed9 6cde 7f9e 6246 1c5e 884c db44 308b 63b8 df30 ea5c",
                format.display("6e0f9f178f4d2598150c6ed96cde7f9e62461c5e884cdb44308b63b8df30ea5c"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
