package dev.breakglass.account;

import dev.breakglass.backupcodes.CodeWarnings;
import dev.breakglass.formats.CodeFormats;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.SignedInUser;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The accounts a member can reach. A member sees only the accounts shared with them. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    private final CurrentUser currentUser;
    private final AccountRepository accounts;
    private final CodeFormats formats;
    private final CodeWarnings warnings;
    private final Clock clock;

    AccountService(CurrentUser currentUser, AccountRepository accounts, CodeFormats formats, CodeWarnings warnings,
            Clock clock) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.formats = formats;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** One page of the signed-in member's account cards that match the filter, by label. */
    public List<AccountCard> listCards(CardFilter filter, int offset, int limit) {
        SignedInUser user = currentUser.require();
        return accounts.findCards(user.workspaceId(), user.userId(), condition(filter), offset, limit, formats::appName);
    }

    /** How the member's accounts are covered: counts for each filter. */
    public AccountsOverview overview() {
        SignedInUser user = currentUser.require();
        return accounts.overview(user.workspaceId(), user.userId(), condition(CardFilter.MFA_ON_NO_CODES),
                condition(CardFilter.LOW_CODES), condition(CardFilter.OLD_CODES), warnings.staleAfterDays());
    }

    private Condition condition(CardFilter filter) {
        return switch (filter) {
            case ALL -> DSL.noCondition();
            case MFA_ON_NO_CODES -> AccountRepository.mfaOnWithoutCodes();
            case LOW_CODES -> AccountRepository.lowOnCodes(warnings.lowAt());
            case OLD_CODES -> AccountRepository.codesSavedBefore(
                    OffsetDateTime.now(clock).minusDays(warnings.staleAfterDays()));
        };
    }

    /**
     * An account shared with the signed-in member.
     *
     * @throws NotFoundException when there is no such account or it is not shared with them
     */
    public AccountDetails details(UUID accountId) {
        SignedInUser user = currentUser.require();
        return accounts.findDetails(user.workspaceId(), user.userId(), accountId, formats::appName)
                .orElseThrow(() -> new NotFoundException("The account"));
    }
}
