package dev.breakglass.backupcodes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The decrypted codes of an account, for the View codes dialog only. {@link #toString()} hides them.
 *
 * @param viewerName the display name of the member they were revealed to, for the marks they make meanwhile (a mark
 *     reads "by" a name, the same for one's own marks as for others')
 */
public record RevealedCodes(UUID setId, List<Code> codes, String viewerName) {

    public RevealedCodes {
        codes = List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "RevealedCodes[set=" + setId + ", codes=" + codes.size() + "]";
    }

    /**
     * One code and whether, when and by whom it was used.
     *
     * @param shown the code as its app shows it, such as {@code 1234 5678} for a Google code
     */
    public record Code(int position, String value, String shown, OffsetDateTime usedAt, String usedByName) {

        public boolean used() {
            return usedAt != null;
        }

        /** The same code, now marked used (at {@code at}, by {@code by}) or unused. */
        public Code marked(boolean used, OffsetDateTime at, String by) {
            return new Code(position, value, shown, used ? at : null, used ? by : null);
        }

        @Override
        public String toString() {
            return "Code[position=" + position + ", used=" + (usedAt != null) + "]";
        }
    }
}
