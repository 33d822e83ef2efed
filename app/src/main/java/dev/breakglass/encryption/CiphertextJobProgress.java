package dev.breakglass.encryption;

/**
 * How far a rewrap or cipher migration has come. Counts only; never a code or a ciphertext.
 *
 * @param job {@code rewrap} or {@code migrate-cipher}
 * @param setsToDo code sets that needed work when the run started
 * @param setsDone code sets handled so far
 * @param codesChanged codes given a new ciphertext so far
 * @param setsFailed code sets whose codes could not be handled (their ciphertexts stay as they were)
 * @param finished whether the run is over
 * @param codesRemaining when finished: codes still not where the job wanted them (0 means all done)
 * @param stoppedBecause when the cipher became unavailable and the run stopped early, why
 */
public record CiphertextJobProgress(
        String job,
        int setsToDo,
        int setsDone,
        int codesChanged,
        int setsFailed,
        boolean finished,
        int codesRemaining,
        String stoppedBecause) {

    static CiphertextJobProgress starting(String job, int setsToDo) {
        return new CiphertextJobProgress(job, setsToDo, 0, 0, 0, false, -1, null);
    }

    CiphertextJobProgress setDone(int codes) {
        return new CiphertextJobProgress(
                job, setsToDo, setsDone + 1, codesChanged + codes, setsFailed, false, -1, null);
    }

    CiphertextJobProgress setFailed() {
        return new CiphertextJobProgress(job, setsToDo, setsDone, codesChanged, setsFailed + 1, false, -1, null);
    }

    CiphertextJobProgress finished(int remaining, String stoppedBecause) {
        return new CiphertextJobProgress(
                job, setsToDo, setsDone, codesChanged, setsFailed, true, remaining, stoppedBecause);
    }

    /** Whether the run finished with every code where the job wanted it. */
    public boolean complete() {
        return finished && codesRemaining == 0 && stoppedBecause == null;
    }

    /** One line for a person: what was done and what is left. */
    public String describe() {
        String line = job + ": " + setsDone + " of " + setsToDo + " code sets done, " + codesChanged
                + (codesChanged == 1 ? " code" : " codes") + " re-encrypted"
                + (setsFailed > 0
                        ? ", " + setsFailed + (setsFailed == 1 ? " code set" : " code sets") + " failed (see the log)"
                        : "");
        if (!finished) {
            return line + "…";
        }
        if (stoppedBecause != null) {
            return line + ". Stopped: " + stoppedBecause;
        }
        return line
                + (codesRemaining == 0
                        ? ". Every code is done."
                        : ". " + codesRemaining + (codesRemaining == 1 ? " code" : " codes") + " still to do.");
    }
}
