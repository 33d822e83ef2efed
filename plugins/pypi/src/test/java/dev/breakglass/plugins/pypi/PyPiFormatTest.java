package dev.breakglass.plugins.pypi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PyPiFormatTest {

    private final PyPiFormat format = new PyPiFormat();
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
        assertEquals("a54c60b8d64ed0ce", format.display("a54c60b8d64ed0ce"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
