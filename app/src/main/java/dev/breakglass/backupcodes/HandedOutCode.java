package dev.breakglass.backupcodes;

import java.util.UUID;

/**
 * The code Use next code handed out, now marked used. {@link #toString()} hides it.
 *
 * @param setId the set it came from, for undoing the mark on exactly that set
 * @param shown the code as its app shows it
 */
public record HandedOutCode(UUID setId, int position, String value, String shown, int remaining) {

    @Override
    public String toString() {
        return "HandedOutCode[position=" + position + ", remaining=" + remaining + "]";
    }
}
