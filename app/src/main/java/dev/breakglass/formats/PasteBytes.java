package dev.breakglass.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns pasted bytes (a file, standard input) into text: UTF-8, or UTF-16 when a byte-order mark says so. Bytes
 * that are not valid in the encoding, or NUL bytes, mean it is not text.
 */
final class PasteBytes {

    private PasteBytes() {
    }

    /**
     * @throws PasteRejectedException {@code too_large} over 64 KiB, {@code not_text} when undecodable
     */
    static String decode(byte[] bytes) {
        if (bytes.length > PasteLimits.MAX_BYTES + 4) {
            throw new PasteRejectedException(PasteProblem.TOO_LARGE);
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
            throw new PasteRejectedException(PasteProblem.NOT_TEXT);
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
