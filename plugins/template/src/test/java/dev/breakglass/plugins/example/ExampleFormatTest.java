package dev.breakglass.plugins.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ExampleFormatTest {

    private final ExampleFormat format = new ExampleFormat();
    private final FormatTestKit kit = FormatTestKit.of(format);

    /** One test per src/test/resources/fixtures/NAME.txt with a NAME.expected beside it. */
    @TestFactory
    Stream<DynamicTest> fixtures_readAsTheExpectedCodes() {
        return kit.fixtureTests();
    }

    @Test
    void facts_holdForEveryFormat() {
        kit.assertFacts();
    }

    @Test
    void codeTypedWithoutDashesOrInCapitals_isTheSameCode() {
        kit.assertReads("K3F92M7XP0Q4\nk3f9-2m7x-p0q4", "k3f92m7xp0q4");
    }

    @Test
    void display_putsTheDashesBack() {
        assertEquals("k3f9-2m7x-p0q4", format.display("k3f92m7xp0q4"));
    }
}
