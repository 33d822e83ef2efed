package dev.breakglass.paste;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns pasted bytes (a file, standard input, a plugin's fixture) into text: UTF-8, or UTF-16 when a byte-order
 * mark says so. Bytes that are not valid in the encoding mean it is not text. The app's {@code parse} command and the
 * plugin test kit both read through here, so a fixture reads in a plugin's tests exactly as it does in Breakglass.
 */
public final class PasteBytes {

    /** The largest paste Breakglass reads, in bytes of UTF-8: far more than any set of backup codes. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Why bytes cannot be read as a paste. */
    public enum Problem {
        TOO_LARGE,
        NOT_TEXT
    }

    /** Thrown when bytes cannot be read as a paste; it names the problem and never carries the bytes. */
    public static final class UnreadablePasteException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final Problem problem;

        UnreadablePasteException(Problem problem) {
            super(problem == Problem.TOO_LARGE ? "more than " + MAX_BYTES + " bytes" : "not text");
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    private PasteBytes() {}

    /**
     * @throws UnreadablePasteException {@link Problem#TOO_LARGE} over 64 KiB, {@link Problem#NOT_TEXT} when the
     *     bytes are not valid in their encoding
     */
    public static String decode(byte[] bytes) {
        if (bytes.length > MAX_BYTES + 4) {
            throw new UnreadablePasteException(Problem.TOO_LARGE);
        }
        Charset charset = StandardCharsets.UTF_8;
        int offset = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            offset = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            offset = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            offset = 2;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadablePasteException(Problem.NOT_TEXT);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
