package dev.breakglass.backupcodes;

import java.util.Optional;

/**
 * The Emergency controls of one account as the signed-in user may see them.
 *
 * @param activeSet the saved codes, if any
 * @param mayKeepCodes whether this user may add and view the codes (an eligible account Owner)
 * @param lowOnCodes whether so few unused codes are left that new ones should be generated
 * @param newCodesPage the app's page where new backup codes are generated, when its format plugin knows it
 */
public record CodesOverview(
        Optional<CodeSetSummary> activeSet, boolean mayKeepCodes, boolean lowOnCodes, Optional<String> newCodesPage) {}
