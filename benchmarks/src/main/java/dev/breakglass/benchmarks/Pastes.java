package dev.breakglass.benchmarks;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The pastes the parse benchmarks read. */
final class Pastes {

    private Pastes() {}

    /** Google's download file: a header, ten codes in two numbered columns, a footer. */
    static String typical() {
        return """
                SAVE YOUR BACKUP CODES
                Keep these backup codes somewhere safe but accessible.

                1. 6165 1728    6. 4881 3465
                2. 6233 5735    7. 3359 7146
                3. 3720 7276    8. 7579 4750
                4. 3087 3821    9. 0271 3405
                5. 4241 0504    10. 2328 5554

                (alice@acme.test)
                * You can only use each backup code once.
                * These codes were generated on: Nov 28, 2026
                """;
    }

    /** A whole settings page copied from the browser: lines of text around the codes, just under 64 KiB. */
    static String large() {
        String text = IntStream.range(0, 900)
                .mapToObj(i ->
                        "Security settings line %03d: review your sign-in methods and recent activity.".formatted(i))
                .collect(Collectors.joining("\n"));
        return text.substring(0, 64 * 1024 - typical().length() - 2) + "\n" + typical();
    }
}
