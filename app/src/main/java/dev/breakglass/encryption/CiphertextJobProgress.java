package dev.breakglass.encryption;

/**
 * How far a rewrap or cipher migration has come. Counts only; never a code, a secret or a ciphertext.
 *
 * @param job {@code rewrap} or {@code migrate-cipher}
 * @param setsToDo code sets that needed work when the run started
 * @param setsDone code sets handled so far
 * @param codesChanged codes given a new ciphertext so far
 * @param setsFailed code sets whose codes could not be handled (their ciphertexts stay as they were)
 * @param secretsChanged sign-in secrets (authenticator apps, single sign-on client secrets) given a new ciphertext
 * @param secretsFailed sign-in secrets that could not be handled (they stay as they were)
 * @param finished whether the run is over
 * @param codesRemaining when finished: codes still not where the job wanted them (0 means all done)
 * @param secretsRemaining when finished: sign-in secrets still not where the job wanted them
 * @param stoppedBecause when the cipher became unavailable and the run stopped early, why
 */
public record CiphertextJobProgress(
        String job,
        int setsToDo,
        int setsDone,
        int codesChanged,
        int setsFailed,
        int secretsChanged,
        int secretsFailed,
        boolean finished,
        int codesRemaining,
        int secretsRemaining,
        String stoppedBecause) {

    static CiphertextJobProgress starting(String job, int setsToDo) {
        return new CiphertextJobProgress(job, setsToDo, 0, 0, 0, 0, 0, false, -1, -1, null);
    }

    CiphertextJobProgress setDone(int codes) {
        return new CiphertextJobProgress(
                job,
                setsToDo,
                setsDone + 1,
                codesChanged + codes,
                setsFailed,
                secretsChanged,
                secretsFailed,
                false,
                -1,
                -1,
                null);
    }

    CiphertextJobProgress setFailed() {
        return new CiphertextJobProgress(
                job,
                setsToDo,
                setsDone,
                codesChanged,
                setsFailed + 1,
                secretsChanged,
                secretsFailed,
                false,
                -1,
                -1,
                null);
    }

    CiphertextJobProgress secretDone() {
        return new CiphertextJobProgress(
                job,
                setsToDo,
                setsDone,
                codesChanged,
                setsFailed,
                secretsChanged + 1,
                secretsFailed,
                false,
                -1,
                -1,
                null);
    }

    CiphertextJobProgress secretFailed() {
        return new CiphertextJobProgress(
                job,
                setsToDo,
                setsDone,
                codesChanged,
                setsFailed,
                secretsChanged,
                secretsFailed + 1,
                false,
                -1,
                -1,
                null);
    }

    CiphertextJobProgress finished(int codesLeft, int secretsLeft, String stoppedBecause) {
        return new CiphertextJobProgress(
                job,
                setsToDo,
                setsDone,
                codesChanged,
                setsFailed,
                secretsChanged,
                secretsFailed,
                true,
                codesLeft,
                secretsLeft,
                stoppedBecause);
    }

    /** Whether the run finished with every code and sign-in secret where the job wanted it. */
    public boolean complete() {
        return finished && codesRemaining == 0 && secretsRemaining == 0 && stoppedBecause == null;
    }

    /** One line for a person: what was done and what is left. */
    public String describe() {
        String line = job + ": " + setsDone + " of " + setsToDo + " code sets done, " + codesChanged
                + (codesChanged == 1 ? " code" : " codes") + " re-encrypted"
                + (setsFailed > 0
                        ? ", " + setsFailed + (setsFailed == 1 ? " code set" : " code sets") + " failed (see the log)"
                        : "")
                + (secretsChanged > 0 ? ", " + secrets(secretsChanged) + " re-encrypted" : "")
                + (secretsFailed > 0 ? ", " + secrets(secretsFailed) + " failed (see the log)" : "");
        if (!finished) {
            return line + "…";
        }
        if (stoppedBecause != null) {
            return line + ". Stopped: " + stoppedBecause;
        }
        if (codesRemaining == 0 && secretsRemaining == 0) {
            return line + ". Every code is done.";
        }
        String left = codesRemaining == 0
                ? secrets(secretsRemaining)
                : codesRemaining
                        + (codesRemaining == 1 ? " code" : " codes")
                        + (secretsRemaining > 0 ? " and " + secrets(secretsRemaining) : "");
        return line + ". " + left + " still to do.";
    }

    private static String secrets(int count) {
        return count + (count == 1 ? " sign-in secret" : " sign-in secrets");
    }
}
