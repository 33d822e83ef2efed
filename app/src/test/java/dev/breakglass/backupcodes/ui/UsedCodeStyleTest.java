package dev.breakglass.backupcodes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Used codes stay readable in the View codes dialog: the stylesheet the app serves gives them a text colour Lumo
 * keeps above 4.5:1 (not the disabled colour, about 1.6:1), and a code never wraps.
 */
class UsedCodeStyleTest {

    /** Lumo's text colours that meet 4.5:1 on its base colour, in light and dark mode. */
    private static final Pattern READABLE = Pattern.compile("var\\(--lumo-(body|secondary|header)-text-color\\)");

    @Test
    void usedCode_isStruckThroughInAReadableColour_andCodesDoNotWrap() throws IOException {
        String css = servedStylesheet();

        String used = rule(css, ".revealed-codes .code.used .code-value");
        assertThat(used).contains("line-through").doesNotContain("disabled-text-color");
        assertThat(READABLE.matcher(used).find())
                .as("a readable Lumo text colour in: %s", used)
                .isTrue();
        assertThat(rule(css, ".revealed-codes .code-value")).contains("white-space: nowrap");
    }

    private static String servedStylesheet() throws IOException {
        try (InputStream in =
                UsedCodeStyleTest.class.getResourceAsStream("/META-INF/resources/styles/breakglass.css")) {
            assertThat(in).as("the stylesheet served as styles/breakglass.css").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String rule(String css, String selector) {
        Matcher rule = Pattern.compile("(?m)^" + Pattern.quote(selector) + "\\s*\\{([^}]*)}")
                .matcher(css);
        assertThat(rule.find()).as("a rule for %s", selector).isTrue();
        return rule.group(1);
    }
}
