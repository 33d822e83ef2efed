package dev.breakglass.account;

/**
 * How well the accounts a member can see are covered by saved codes.
 *
 * @param staleAfterDays codes saved longer ago than this count as old
 */
public record AccountsOverview(int total, int mfaOnNoCodes, int lowCodes, int oldCodes, int staleAfterDays) {

    public int count(CardFilter filter) {
        return switch (filter) {
            case ALL -> total;
            case MFA_ON_NO_CODES -> mfaOnNoCodes;
            case LOW_CODES -> lowCodes;
            case OLD_CODES -> oldCodes;
        };
    }
}
