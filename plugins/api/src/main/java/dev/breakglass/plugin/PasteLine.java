package dev.breakglass.plugin;

import java.util.OptionalInt;

/**
 * One line of a {@link Paste}, or one numbered item when a line held several (two numbered columns).
 *
 * @param index the position of this line in the paste, from 0
 * @param number the list number the paste gave this item ({@code 3} for {@code "3. 1234 5678"}), if any
 * @param text the text to read codes from: numbering and bullets removed, non-codes such as dates blanked, a tab
 *     between cells (columns split by tabs or wide gaps)
 * @param original the text as the user will recognise it, shown when the line could not be read
 */
public record PasteLine(int index, OptionalInt number, String text, String original) {

    /** Whether the line says anything at all, so that leaving it unread is worth telling the user. */
    public boolean hasContent() {
        return original.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    @Override
    public String toString() {
        return "PasteLine[index=" + index + ", number=" + number + "]";
    }
}
