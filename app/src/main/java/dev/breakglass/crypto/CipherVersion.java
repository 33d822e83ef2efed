package dev.breakglass.crypto;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cipher and one of its key versions, as written at the start of every ciphertext ({@code vault:v3}).
 * Says nothing about the code itself.
 */
public record CipherVersion(String cipher, int version) implements Comparable<CipherVersion> {

    private static final Pattern LABEL = Pattern.compile("([a-z]+):v(\\d{1,9})(:.*)?", Pattern.DOTALL);

    /** Reads the cipher and version from a label such as {@code vault:v3} or a whole ciphertext. */
    public static Optional<CipherVersion> of(String labelOrCiphertext) {
        Matcher matcher = labelOrCiphertext == null ? null : LABEL.matcher(labelOrCiphertext);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new CipherVersion(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    /** The start every ciphertext of this version has, such as {@code vault:v3:}. */
    public String prefix() {
        return cipher + ":v" + version + ":";
    }

    @Override
    public int compareTo(CipherVersion other) {
        int byCipher = cipher.compareTo(other.cipher);
        return byCipher != 0 ? byCipher : Integer.compare(version, other.version);
    }

    @Override
    public String toString() {
        return cipher + ":v" + version;
    }
}
