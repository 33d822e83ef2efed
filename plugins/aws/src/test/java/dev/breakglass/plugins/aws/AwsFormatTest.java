package dev.breakglass.plugins.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.breakglass.plugin.testkit.FormatTestKit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AwsFormatTest {

    private final AwsFormat format = new AwsFormat();
    private final FormatTestKit kit = FormatTestKit.of(format);

    @TestFactory
    Stream<DynamicTest> fixtures_readNothing() {
        return kit.fixtureTests();
    }

    @Test
    void facts_sayTheAppHasNoBackupCodes() {
        kit.assertFacts();
        assertFalse(format.supportsBackupCodes());
        assertTrue(format.expectedCodeCount().isEmpty());
    }
}
