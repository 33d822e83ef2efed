package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The generic reader's own rules: where on a line each code starts, whatever was split off before it. */
class GenericFormatTest {

    private final GenericFormat format = new GenericFormat();

    @Test
    void codes_startWhereTheyAreOnTheLine_afterWideGapsSeparatorsAndLabels() {
        String text = "Code:   ab12-cd34,  ef56-gh78\tRecovery code: ij90-kl12 mn34-op56 | 1234 5678 2345 6789";

        List<FoundCode> found = format.read(paste(text)).codes();

        assertThat(found)
                .extracting(FoundCode::code)
                .containsExactly("ab12-cd34", "ef56-gh78", "ij90-kl12", "mn34-op56", "1234 5678", "2345 6789");
        for (FoundCode code : found) {
            assertThat(code.column()).as(code.code()).isEqualTo(text.indexOf(code.code()));
        }
    }

    private static Paste paste(String text) {
        return new Paste(List.of(new PasteLine(0, OptionalInt.empty(), text, text)));
    }
}
