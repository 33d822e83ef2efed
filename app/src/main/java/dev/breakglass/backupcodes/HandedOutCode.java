package dev.breakglass.backupcodes;

/**
 * The code Use next code handed out, now marked used. {@link #toString()} hides it.
 *
 * @param shown the code as its app shows it
 */
public record HandedOutCode(int position, String value, String shown, int remaining) {

    @Override
    public String toString() {
        return "HandedOutCode[position=" + position + ", remaining=" + remaining + "]";
    }
}
