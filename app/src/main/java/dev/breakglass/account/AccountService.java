package dev.breakglass.account;

import dev.breakglass.formats.CodeFormats;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.SignedInUser;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The accounts a member can reach. A member sees only the accounts shared with them. */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    private final CurrentUser currentUser;
    private final AccountRepository accounts;
    private final CodeFormats formats;

    AccountService(CurrentUser currentUser, AccountRepository accounts, CodeFormats formats) {
        this.currentUser = currentUser;
        this.accounts = accounts;
        this.formats = formats;
    }

    /** One page of the signed-in member's account cards, by label. */
    public List<AccountCard> listCards(int offset, int limit) {
        SignedInUser user = currentUser.require();
        return accounts.findCards(user.workspaceId(), user.userId(), offset, limit, formats::appName);
    }

    public int countCards() {
        SignedInUser user = currentUser.require();
        return accounts.countCards(user.workspaceId(), user.userId());
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
