package dev.breakglass.backupcodes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When saved codes need attention.
 *
 * @param lowAt warn when this many unused codes or fewer are left ({@code breakglass.codes.low-at})
 * @param staleAfterDays codes saved longer ago than this count as old ({@code breakglass.codes.stale-after-days})
 */
@ConfigurationProperties("breakglass.codes")
public record CodeWarnings(
        @DefaultValue("2") int lowAt, @DefaultValue("180") int staleAfterDays) {

    public boolean isLow(int remaining) {
        return remaining <= lowAt;
    }

    /**
     * Whether a set is low by its own facts: only once a code of it is used, so a one-code app's recovery code
     * (Microsoft, Apple, Bitwarden) is not "low" right after it is saved. The account cards' filter says the same.
     *
     * @param saved how many codes the set held when it was saved, as the app issued them
     */
    public boolean isLow(int remaining, int saved) {
        return remaining <= Math.min(lowAt, saved - 1);
    }
}
