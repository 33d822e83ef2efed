package dev.breakglass.plugin;

/**
 * A code a format found, and where: Breakglass orders codes by the list's numbering, or else by where they appear.
 * Holds a plaintext code: {@link #toString()} never shows it.
 *
 * @param code the code as it should be saved, such as {@code 12345678}
 * @param line the {@link PasteLine#index()} of the line it was found on
 * @param column where on that line it starts, from 0
 */
public record FoundCode(String code, int line, int column) {

    public FoundCode {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("A found code must not be blank");
        }
    }

    @Override
    public String toString() {
        return "FoundCode[line=" + line + ", column=" + column + "]";
    }
}
