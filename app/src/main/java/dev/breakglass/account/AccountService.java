package dev.breakglass.account;

import dev.breakglass.backupcodes.CodeWarnings;
import dev.breakglass.formats.CodeFormats;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountAdded;
import dev.breakglass.security.AccountEdited;
import dev.breakglass.security.AccountGrant;
import dev.breakglass.security.AccountRemoved;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.MemberGrant;
import dev.breakglass.security.NotFoundException;
import dev.breakglass.security.SignedInUser;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts a member can reach, and their lifecycle. A member sees only the accounts shared with them; Owners,
 * Super Admins, Admins and Users add accounts; an account's Owners edit and remove it, and the workspace Owner and
 * Super Admins may remove any. Every change is audited through the events it publishes.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountService {

    private final CurrentUser currentUser;
    private final AccessPolicy access;
    private final AccountRepository accounts;
    private final CodeFormats formats;
    private final CodeWarnings warnings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            CurrentUser currentUser,
            AccessPolicy access,
            AccountRepository accounts,
            CodeFormats formats,
            CodeWarnings warnings,
            ApplicationEventPublisher events,
            Clock clock) {
        this.currentUser = currentUser;
        this.access = access;
        this.accounts = accounts;
        this.formats = formats;
        this.warnings = warnings;
        this.events = events;
        this.clock = clock;
    }

    /** One page of the signed-in member's account cards that match the filter, by label. */
    public List<AccountCard> listCards(CardFilter filter, int offset, int limit) {
        return listCards(filter, "", CardSort.LABEL, offset, limit);
    }

    /**
     * One page of the signed-in member's account cards that match the filter and whose label, app name or login
     * name contains the search text (any case), in the chosen order.
     */
    public List<AccountCard> listCards(CardFilter filter, String search, CardSort sort, int offset, int limit) {
        SignedInUser user = currentUser.require();
        Condition matching = search == null || search.isBlank()
                ? DSL.noCondition()
                : AccountRepository.matching(search, formats.appKeysNamedLike(search));
        return accounts.findCards(
                user.workspaceId(), user.userId(), condition(filter), matching, sort, offset, limit, formats::appName);
    }

    /** How the member's accounts are covered: counts for each filter. */
    public AccountsOverview overview() {
        SignedInUser user = currentUser.require();
        return accounts.overview(
                user.workspaceId(), user.userId(), warnings.lowAt(), oldBeforeDay(), warnings.staleAfterDays());
    }

    private Condition condition(CardFilter filter) {
        return switch (filter) {
            case ALL -> DSL.noCondition();
            case MFA_ON_NO_CODES -> AccountRepository.mfaOnWithoutCodes();
            case LOW_CODES -> AccountRepository.lowOnCodes(warnings.lowAt());
            case OLD_CODES -> AccountRepository.codesSavedBefore(oldBeforeDay());
        };
    }

    /** Codes saved before this day (UTC) are old: whole days, so that the overview can count them by day. */
    private LocalDate oldBeforeDay() {
        return OffsetDateTime.now(clock)
                .withOffsetSameInstant(ZoneOffset.UTC)
                .toLocalDate()
                .minusDays(warnings.staleAfterDays());
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

    /** Whether the signed-in member may add accounts (to show the button; {@link #addAccount} checks again). */
    public boolean mayAddAccounts() {
        try {
            return access.requireMember().role().mayOwnAccounts();
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The apps an account can be for: those the format plugins serve, by name, then "Other app". */
    public List<AppChoice> apps() {
        return Stream.concat(
                        formats.apps().stream().map(app -> new AppChoice(app.key(), app.name())),
                        Stream.of(AppChoice.other()))
                .toList();
    }

    /**
     * Adds an account with the signed-in member as its Owner.
     *
     * @return the new account's id
     * @throws InvalidAccountException when a field breaks a rule (each problem named for its field); nothing is saved
     */
    @Transactional
    public UUID addAccount(AccountForm typed) {
        MemberGrant grant = access.requireMember();
        if (!grant.role().mayOwnAccounts()) {
            throw new NotFoundException("The workspace");
        }
        UUID workspaceId = grant.user().workspaceId();
        UUID userId = grant.user().userId();
        AccountForm form = AccountRules.clean(typed);
        validate(workspaceId, form, null);
        UUID accountId = UUID.randomUUID();
        try {
            accounts.insert(workspaceId, accountId, form, userId);
        } catch (DuplicateKeyException e) {
            throw clash(form.label());
        }
        accounts.insertAccess(
                workspaceId, List.of(new AccountRepository.Grant(accountId, userId, AccountRole.OWNER)), userId);
        events.publishEvent(new AccountAdded(
                workspaceId,
                userId,
                accountId,
                form.label(),
                form.appKey(),
                appName(form),
                form.mfaState().name(),
                List.of(userId),
                List.of(),
                false));
        return accountId;
    }

    /**
     * Saves an Owner's changes to the account's settings. Codes already saved keep their format whatever the app.
     *
     * @param expectedVersion the version the Owner started from
     * @throws AccountChangedException when someone else saved it since; nothing is saved
     * @throws InvalidAccountException when a field breaks a rule; nothing is saved
     */
    @Transactional
    public void editAccount(UUID accountId, int expectedVersion, AccountForm typed) {
        AccountGrant grant = access.requireAccountOwner(accountId);
        UUID workspaceId = grant.user().workspaceId();
        AccountRepository.Saved saved =
                accounts.lock(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        AccountForm form = AccountRules.clean(typed);
        if (saved.version() != expectedVersion) {
            throw new AccountChangedException(
                    accounts.findDisplayName(saved.updatedBy()).orElse(null), saved.version());
        }
        validate(workspaceId, form, accountId);
        List<AccountEdited.Change> changes = changes(saved.form(), form);
        boolean notesChanged = !Objects.equals(saved.form().notes(), form.notes());
        if (changes.isEmpty() && !notesChanged) {
            return;
        }
        try {
            accounts.update(accountId, form, grant.user().userId(), now());
        } catch (DuplicateKeyException e) {
            throw clash(form.label());
        }
        events.publishEvent(new AccountEdited(workspaceId, grant.user().userId(), accountId, changes, notesChanged));
    }

    /**
     * Removes the account: its codes are destroyed, its history and audit trail stay, and it leaves every list.
     * Its Owners may remove it, and so may the workspace Owner and Super Admins.
     *
     * @param typedLabel the label as the user typed it to confirm
     * @throws AccountRefusedException when the typed label is not the account's
     */
    @Transactional
    public void removeAccount(UUID accountId, String typedLabel) {
        MemberGrant grant = access.requireAccountRemover(accountId);
        UUID workspaceId = grant.user().workspaceId();
        AccountRepository.Saved saved =
                accounts.lock(workspaceId, accountId).orElseThrow(() -> new NotFoundException("The account"));
        String label = saved.form().label();
        if (typedLabel == null || !typedLabel.strip().equals(label)) {
            throw new AccountRefusedException(
                    "Type the label \u201c" + label + "\u201d exactly to remove the account.");
        }
        UUID setId = accounts.findActiveSetId(accountId).orElse(null);
        accounts.markRemoved(accountId, grant.user().userId(), now());
        events.publishEvent(new AccountRemoved(workspaceId, grant.user().userId(), accountId, label, setId));
    }

    private void validate(UUID workspaceId, AccountForm form, UUID accountId) {
        Map<AccountField, String> problems = AccountRules.problems(form);
        if (!problems.containsKey(AccountField.LABEL)) {
            accounts.findLabelClash(workspaceId, form.label(), accountId)
                    .ifPresent(existing -> problems.put(AccountField.LABEL, AccountRules.labelClash(existing)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidAccountException(problems);
        }
    }

    private static InvalidAccountException clash(String label) {
        return new InvalidAccountException(Map.of(AccountField.LABEL, AccountRules.labelClash(label)));
    }

    private List<AccountEdited.Change> changes(AccountForm before, AccountForm after) {
        List<AccountEdited.Change> changes = new ArrayList<>();
        change(changes, "label", before.label(), after.label());
        change(changes, "app", appName(before), appName(after));
        change(changes, "loginName", before.loginName(), after.loginName());
        change(changes, "mfa", before.mfaState().name(), after.mfaState().name());
        change(changes, "signInUrl", before.signInUrl(), after.signInUrl());
        return changes;
    }

    private static void change(List<AccountEdited.Change> changes, String setting, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(new AccountEdited.Change(setting, before, after));
        }
    }

    private String appName(AccountForm form) {
        return form.otherAppName() != null ? form.otherAppName() : formats.appName(form.appKey());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
