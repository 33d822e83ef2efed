package dev.breakglass.backupcodes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The decrypted codes of an account, for the View codes dialog only. {@link #toString()} hides them.
 */
public record RevealedCodes(UUID setId, List<Code> codes) {

    public RevealedCodes {
        codes = List.copyOf(codes);
    }

    @Override
    public String toString() {
        return "RevealedCodes[set=" + setId + ", codes=" + codes.size() + "]";
    }

    /** One code and whether, when and by whom it was used. */
    public record Code(int position, String value, OffsetDateTime usedAt, String usedByName) {

        public boolean used() {
            return usedAt != null;
        }

        @Override
        public String toString() {
            return "Code[position=" + position + ", used=" + (usedAt != null) + "]";
        }
    }
}
