package dev.breakglass.formats;

import dev.breakglass.paste.PasteBytes;
import java.nio.charset.StandardCharsets;

/** The limits every paste must meet, whichever format reads it. */
final class PasteLimits {

    static final int MAX_BYTES = PasteBytes.MAX_BYTES;
    static final int MAX_CODES = 100;

    private PasteLimits() {}

    /** Refuses text that is too large, is not text, or holds nothing but white space. */
    static void check(String text) {
        if (text == null || text.isBlank()) {
            throw new PasteRejectedException(PasteProblem.EMPTY);
        }
        if (text.length() > MAX_BYTES || utf8Length(text) > MAX_BYTES) {
            throw new PasteRejectedException(PasteProblem.TOO_LARGE);
        }
        if (text.indexOf('\u0000') >= 0 || text.indexOf('\uFFFD') >= 0) {
            throw new PasteRejectedException(PasteProblem.NOT_TEXT);
        }
    }

    private static int utf8Length(String text) {
        String withoutBom = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return withoutBom.getBytes(StandardCharsets.UTF_8).length;
    }
}
