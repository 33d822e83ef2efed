package dev.breakglass.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns single-sign-on-only settings without a break-glass admin into a start-up message an operator can act on. */
class SsoSettingsFailureAnalyzer extends AbstractFailureAnalyzer<SsoSettingsCheck.BreakGlassAdminMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SsoSettingsCheck.BreakGlassAdminMissingException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Set breakglass.sso.break-glass-admin to the e-mail address of a member of that workspace (or set "
                        + "breakglass.sso.sso-only to false), then start Breakglass again. See docs/sso.md.",
                cause);
    }
}
