package dev.breakglass.backupcodes;

/** The account already has a set of codes; a second one would hide the first. */
public class CodesAlreadySavedException extends RuntimeException {

    public CodesAlreadySavedException() {
        super("This account already has saved backup codes, possibly saved by another Owner a moment ago. "
                + "Close the dialog to see them.");
    }
}
