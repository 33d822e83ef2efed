package dev.breakglass.plugins.gitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class GitLabFormatTest {

    private final GitLabFormat format = new GitLabFormat();
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
        assertEquals("d366a14b27040442", format.display("d366a14b27040442"));
    }

    @Test
    void textWithoutCodes_readsNothing() {
        kit.assertReadsNothing("Two-factor authentication is on.\nCall +1 415 555 0100 before 2026-12-01.");
    }
}
