package dev.breakglass.crypto;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a key file that does not fit the stored codes into a start-up message an operator can act on. */
class KeyFileFailureAnalyzer extends AbstractFailureAnalyzer<LocalKeyCheck.KeyFileMismatchException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, LocalKeyCheck.KeyFileMismatchException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Put this installation's key file back (see breakglass.crypto.local.key-file in the README), then "
                        + "start Breakglass again.",
                cause);
    }
}
