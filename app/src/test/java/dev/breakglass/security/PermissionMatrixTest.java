package dev.breakglass.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.breakglass.account.AccountForm;
import dev.breakglass.account.AccountImport;
import dev.breakglass.account.AccountOwnership;
import dev.breakglass.account.AccountService;
import dev.breakglass.account.AllAccountsService;
import dev.breakglass.account.MfaState;
import dev.breakglass.account.SharingService;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.CodeRequestService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.testing.RequestFixtures;
import dev.breakglass.testing.RoleFixtures;
import dev.breakglass.testing.RoleFixtures.TestMember;
import dev.breakglass.testing.RoleFixtures.TestWorkspace;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.Member;
import dev.breakglass.workspace.MemberService;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The permission matrix of DESIGN.md, through the real services on a real PostgreSQL: every workspace role
 * times every account role (or none) times every account action, and every workspace role times every target
 * role times every member action, each allowed or denied. A denied call changes nothing and fails exactly like
 * a call about a record that does not exist. Each case runs in a fresh workspace of its own.
 */
@SpringBootTest
class PermissionMatrixTest {

    private static final String CODES = "11111-22222\n33333-44444\n";

    @Autowired
    RoleFixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    AccountService accounts;

    @Autowired
    BackupCodeService codes;

    @Autowired
    SharingService sharing;

    @Autowired
    AllAccountsService allAccounts;

    @Autowired
    MemberService members;

    @Autowired
    AccountImport accountImport;

    @Autowired
    CodeRequestService requests;

    @Autowired
    RequestFixtures requestFixtures;

    @Autowired
    SecondFactorService secondFactors;

    @Autowired
    SingleSignOn singleSignOn;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    /** The account role the actor holds, or no access at all. */
    enum Access {
        OWNER,
        COLLABORATOR,
        NONE
    }

    /** What an actor tries on one account; the fixture's keeper is an eligible Owner, the bystander has no access. */
    enum AccountAction {
        OPEN_DETAILS,
        SEE_CODES_EXIST,
        SEE_CODE_HISTORY,
        SAVE_CODES,
        REVEAL_CODES,
        USE_NEXT_CODE,
        MARK_CODE_USED,
        REPLACE_CODES,
        DELETE_CODES,
        LIST_PEOPLE,
        SHARE,
        CHANGE_ACCOUNT_ROLE,
        REMOVE_ACCESS,
        EDIT_ACCOUNT,
        REMOVE_ACCOUNT,
        REQUEST_CODE,
        ANSWER_REQUEST,
        USE_APPROVED_CODE
    }

    /** What an actor tries on a member of the given role, or on the workspace as a whole. */
    enum MemberAction {
        LIST_MEMBERS,
        ADD_MEMBER,
        GIVE_OWN_ROLE,
        LOWER_ROLE,
        DEACTIVATE,
        REACTIVATE,
        REMOVE,
        NEW_PASSWORD_LINK,
        TRANSFER_OWNERSHIP,
        LIST_ALL_ACCOUNTS,
        REASSIGN_OWNERS,
        ADD_ACCOUNT,
        PREVIEW_IMPORT,
        IMPORT_ACCOUNTS,
        RESET_SECOND_FACTOR,
        SET_FACTOR_POLICY,
        SEE_SSO_SETTINGS,
        CHANGE_SSO_SETTINGS;

        boolean targetsAMember() {
            return this != LIST_MEMBERS
                    && this != ADD_MEMBER
                    && this != LIST_ALL_ACCOUNTS
                    && this != REASSIGN_OWNERS
                    && this != ADD_ACCOUNT
                    && this != PREVIEW_IMPORT
                    && this != IMPORT_ACCOUNTS
                    && this != SET_FACTOR_POLICY
                    && this != SEE_SSO_SETTINGS
                    && this != CHANGE_SSO_SETTINGS;
        }
    }

    /**
     * Who may do what to an account, written out from the design's table and not computed from the production
     * rules, so that widening a rule in the code fails here. One row per action and account role; a column per
     * workspace role of the actor; {@code y} allowed, {@code -} denied (and indistinguishable from "not found").
     * A Guest or Login-only member recorded as an account Owner (the services never do that) gets no Owner powers.
     * The workspace Owner and Super Admins may remove any account, through All accounts.
     */
    private static final Map<String, Boolean> ACCOUNT_TABLE = table("""
            # action            account role  OWNER  SUPER_ADMIN  ADMIN  USER  GUEST  LOGIN_ONLY
            OPEN_DETAILS        OWNER         y      y            y      y     y      y
            OPEN_DETAILS        COLLABORATOR  y      y            y      y     y      y
            OPEN_DETAILS        NONE          -      -            -      -     -      -
            SEE_CODES_EXIST     OWNER         y      y            y      y     y      y
            SEE_CODES_EXIST     COLLABORATOR  y      y            y      y     y      y
            SEE_CODES_EXIST     NONE          -      -            -      -     -      -
            SEE_CODE_HISTORY    OWNER         y      y            y      y     y      y
            SEE_CODE_HISTORY    COLLABORATOR  y      y            y      y     y      y
            SEE_CODE_HISTORY    NONE          -      -            -      -     -      -
            SAVE_CODES          OWNER         y      y            y      y     -      -
            SAVE_CODES          COLLABORATOR  -      -            -      -     -      -
            SAVE_CODES          NONE          -      -            -      -     -      -
            REVEAL_CODES        OWNER         y      y            y      y     -      -
            REVEAL_CODES        COLLABORATOR  -      -            -      -     -      -
            REVEAL_CODES        NONE          -      -            -      -     -      -
            USE_NEXT_CODE       OWNER         y      y            y      y     -      -
            USE_NEXT_CODE       COLLABORATOR  -      -            -      -     -      -
            USE_NEXT_CODE       NONE          -      -            -      -     -      -
            MARK_CODE_USED      OWNER         y      y            y      y     -      -
            MARK_CODE_USED      COLLABORATOR  -      -            -      -     -      -
            MARK_CODE_USED      NONE          -      -            -      -     -      -
            REPLACE_CODES       OWNER         y      y            y      y     -      -
            REPLACE_CODES       COLLABORATOR  -      -            -      -     -      -
            REPLACE_CODES       NONE          -      -            -      -     -      -
            DELETE_CODES        OWNER         y      y            y      y     -      -
            DELETE_CODES        COLLABORATOR  -      -            -      -     -      -
            DELETE_CODES        NONE          -      -            -      -     -      -
            LIST_PEOPLE         OWNER         y      y            y      y     y      y
            LIST_PEOPLE         COLLABORATOR  y      y            y      y     y      y
            LIST_PEOPLE         NONE          -      -            -      -     -      -
            SHARE               OWNER         y      y            y      y     -      -
            SHARE               COLLABORATOR  -      -            -      -     -      -
            SHARE               NONE          -      -            -      -     -      -
            CHANGE_ACCOUNT_ROLE OWNER         y      y            y      y     -      -
            CHANGE_ACCOUNT_ROLE COLLABORATOR  -      -            -      -     -      -
            CHANGE_ACCOUNT_ROLE NONE          -      -            -      -     -      -
            REMOVE_ACCESS       OWNER         y      y            y      y     -      -
            REMOVE_ACCESS       COLLABORATOR  -      -            -      -     -      -
            REMOVE_ACCESS       NONE          -      -            -      -     -      -
            EDIT_ACCOUNT        OWNER         y      y            y      y     -      -
            EDIT_ACCOUNT        COLLABORATOR  -      -            -      -     -      -
            EDIT_ACCOUNT        NONE          -      -            -      -     -      -
            REMOVE_ACCOUNT      OWNER         y      y            y      y     -      -
            REMOVE_ACCOUNT      COLLABORATOR  y      y            -      -     -      -
            REMOVE_ACCOUNT      NONE          y      y            -      -     -      -
            REQUEST_CODE        OWNER         -      -            -      -     -      -
            REQUEST_CODE        COLLABORATOR  y      y            y      y     -      -
            REQUEST_CODE        NONE          -      -            -      -     -      -
            ANSWER_REQUEST      OWNER         y      y            y      y     -      -
            ANSWER_REQUEST      COLLABORATOR  -      -            -      -     -      -
            ANSWER_REQUEST      NONE          -      -            -      -     -      -
            USE_APPROVED_CODE   OWNER         y      y            y      y     -      -
            USE_APPROVED_CODE   COLLABORATOR  y      y            y      y     -      -
            USE_APPROVED_CODE   NONE          -      -            -      -     -      -
            """);

    /**
     * Who may do what to a member, written out the same way: one row per action and workspace role of the actor, a
     * column per workspace role of the target (for ADD_MEMBER, the role the new member gets; for the workspace-wide
     * actions, adding an account and importing, the target does not matter). Nobody acts on themselves (the Owner's row and column cross there).
     */
    private static final Map<String, Boolean> MEMBER_TABLE = table("""
            # action            actor         OWNER  SUPER_ADMIN  ADMIN  USER  GUEST  LOGIN_ONLY
            LIST_MEMBERS        OWNER         y      y            y      y     y      y
            LIST_MEMBERS        SUPER_ADMIN   y      y            y      y     y      y
            LIST_MEMBERS        ADMIN         y      y            y      y     y      y
            LIST_MEMBERS        USER          -      -            -      -     -      -
            LIST_MEMBERS        GUEST         -      -            -      -     -      -
            LIST_MEMBERS        LOGIN_ONLY    -      -            -      -     -      -
            ADD_MEMBER          OWNER         -      y            y      y     y      y
            ADD_MEMBER          SUPER_ADMIN   -      y            y      y     y      y
            ADD_MEMBER          ADMIN         -      -            -      y     y      y
            ADD_MEMBER          USER          -      -            -      -     -      -
            ADD_MEMBER          GUEST         -      -            -      -     -      -
            ADD_MEMBER          LOGIN_ONLY    -      -            -      -     -      -
            GIVE_OWN_ROLE       OWNER         -      -            -      -     -      -
            GIVE_OWN_ROLE       SUPER_ADMIN   -      y            y      y     y      y
            GIVE_OWN_ROLE       ADMIN         -      -            -      -     -      -
            GIVE_OWN_ROLE       USER          -      -            -      -     -      -
            GIVE_OWN_ROLE       GUEST         -      -            -      -     -      -
            GIVE_OWN_ROLE       LOGIN_ONLY    -      -            -      -     -      -
            LOWER_ROLE          OWNER         -      y            y      y     y      y
            LOWER_ROLE          SUPER_ADMIN   -      y            y      y     y      y
            LOWER_ROLE          ADMIN         -      -            -      y     y      y
            LOWER_ROLE          USER          -      -            -      -     -      -
            LOWER_ROLE          GUEST         -      -            -      -     -      -
            LOWER_ROLE          LOGIN_ONLY    -      -            -      -     -      -
            DEACTIVATE          OWNER         -      y            y      y     y      y
            DEACTIVATE          SUPER_ADMIN   -      y            y      y     y      y
            DEACTIVATE          ADMIN         -      -            -      y     y      y
            DEACTIVATE          USER          -      -            -      -     -      -
            DEACTIVATE          GUEST         -      -            -      -     -      -
            DEACTIVATE          LOGIN_ONLY    -      -            -      -     -      -
            REACTIVATE          OWNER         -      y            y      y     y      y
            REACTIVATE          SUPER_ADMIN   -      y            y      y     y      y
            REACTIVATE          ADMIN         -      -            -      y     y      y
            REACTIVATE          USER          -      -            -      -     -      -
            REACTIVATE          GUEST         -      -            -      -     -      -
            REACTIVATE          LOGIN_ONLY    -      -            -      -     -      -
            REMOVE              OWNER         -      y            y      y     y      y
            REMOVE              SUPER_ADMIN   -      y            y      y     y      y
            REMOVE              ADMIN         -      -            -      y     y      y
            REMOVE              USER          -      -            -      -     -      -
            REMOVE              GUEST         -      -            -      -     -      -
            REMOVE              LOGIN_ONLY    -      -            -      -     -      -
            NEW_PASSWORD_LINK   OWNER         -      y            y      y     y      y
            NEW_PASSWORD_LINK   SUPER_ADMIN   -      y            y      y     y      y
            NEW_PASSWORD_LINK   ADMIN         -      -            -      y     y      y
            NEW_PASSWORD_LINK   USER          -      -            -      -     -      -
            NEW_PASSWORD_LINK   GUEST         -      -            -      -     -      -
            NEW_PASSWORD_LINK   LOGIN_ONLY    -      -            -      -     -      -
            TRANSFER_OWNERSHIP  OWNER         -      y            y      y     -      -
            TRANSFER_OWNERSHIP  SUPER_ADMIN   -      -            -      -     -      -
            TRANSFER_OWNERSHIP  ADMIN         -      -            -      -     -      -
            TRANSFER_OWNERSHIP  USER          -      -            -      -     -      -
            TRANSFER_OWNERSHIP  GUEST         -      -            -      -     -      -
            TRANSFER_OWNERSHIP  LOGIN_ONLY    -      -            -      -     -      -
            LIST_ALL_ACCOUNTS   OWNER         y      y            y      y     y      y
            LIST_ALL_ACCOUNTS   SUPER_ADMIN   y      y            y      y     y      y
            LIST_ALL_ACCOUNTS   ADMIN         -      -            -      -     -      -
            LIST_ALL_ACCOUNTS   USER          -      -            -      -     -      -
            LIST_ALL_ACCOUNTS   GUEST         -      -            -      -     -      -
            LIST_ALL_ACCOUNTS   LOGIN_ONLY    -      -            -      -     -      -
            REASSIGN_OWNERS     OWNER         y      y            y      y     y      y
            REASSIGN_OWNERS     SUPER_ADMIN   y      y            y      y     y      y
            REASSIGN_OWNERS     ADMIN         -      -            -      -     -      -
            REASSIGN_OWNERS     USER          -      -            -      -     -      -
            REASSIGN_OWNERS     GUEST         -      -            -      -     -      -
            REASSIGN_OWNERS     LOGIN_ONLY    -      -            -      -     -      -
            ADD_ACCOUNT         OWNER         y      y            y      y     y      y
            ADD_ACCOUNT         SUPER_ADMIN   y      y            y      y     y      y
            ADD_ACCOUNT         ADMIN         y      y            y      y     y      y
            ADD_ACCOUNT         USER          y      y            y      y     y      y
            ADD_ACCOUNT         GUEST         -      -            -      -     -      -
            ADD_ACCOUNT         LOGIN_ONLY    -      -            -      -     -      -
            PREVIEW_IMPORT      OWNER         y      y            y      y     y      y
            PREVIEW_IMPORT      SUPER_ADMIN   y      y            y      y     y      y
            PREVIEW_IMPORT      ADMIN         y      y            y      y     y      y
            PREVIEW_IMPORT      USER          -      -            -      -     -      -
            PREVIEW_IMPORT      GUEST         -      -            -      -     -      -
            PREVIEW_IMPORT      LOGIN_ONLY    -      -            -      -     -      -
            IMPORT_ACCOUNTS     OWNER         y      y            y      y     y      y
            IMPORT_ACCOUNTS     SUPER_ADMIN   y      y            y      y     y      y
            IMPORT_ACCOUNTS     ADMIN         y      y            y      y     y      y
            IMPORT_ACCOUNTS     USER          -      -            -      -     -      -
            IMPORT_ACCOUNTS     GUEST         -      -            -      -     -      -
            IMPORT_ACCOUNTS     LOGIN_ONLY    -      -            -      -     -      -
            RESET_SECOND_FACTOR OWNER         -      y            y      y     y      y
            RESET_SECOND_FACTOR SUPER_ADMIN   -      y            y      y     y      y
            RESET_SECOND_FACTOR ADMIN         -      -            -      y     y      y
            RESET_SECOND_FACTOR USER          -      -            -      -     -      -
            RESET_SECOND_FACTOR GUEST         -      -            -      -     -      -
            RESET_SECOND_FACTOR LOGIN_ONLY    -      -            -      -     -      -
            SET_FACTOR_POLICY   OWNER         y      y            y      y     y      y
            SET_FACTOR_POLICY   SUPER_ADMIN   y      y            y      y     y      y
            SET_FACTOR_POLICY   ADMIN         -      -            -      -     -      -
            SET_FACTOR_POLICY   USER          -      -            -      -     -      -
            SET_FACTOR_POLICY   GUEST         -      -            -      -     -      -
            SET_FACTOR_POLICY   LOGIN_ONLY    -      -            -      -     -      -
            SEE_SSO_SETTINGS    OWNER         y      y            y      y     y      y
            SEE_SSO_SETTINGS    SUPER_ADMIN   -      -            -      -     -      -
            SEE_SSO_SETTINGS    ADMIN         -      -            -      -     -      -
            SEE_SSO_SETTINGS    USER          -      -            -      -     -      -
            SEE_SSO_SETTINGS    GUEST         -      -            -      -     -      -
            SEE_SSO_SETTINGS    LOGIN_ONLY    -      -            -      -     -      -
            CHANGE_SSO_SETTINGS OWNER         y      y            y      y     y      y
            CHANGE_SSO_SETTINGS SUPER_ADMIN   -      -            -      -     -      -
            CHANGE_SSO_SETTINGS ADMIN         -      -            -      -     -      -
            CHANGE_SSO_SETTINGS USER          -      -            -      -     -      -
            CHANGE_SSO_SETTINGS GUEST         -      -            -      -     -      -
            CHANGE_SSO_SETTINGS LOGIN_ONLY    -      -            -      -     -      -
            """);

    private static Map<String, Boolean> table(String text) {
        Map<String, Boolean> table = new HashMap<>();
        for (String line : text.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            if (cells[0].startsWith("#")) {
                continue;
            }
            for (int column = 0; column < WorkspaceRole.values().length; column++) {
                String key = cells[0] + " " + cells[1] + " " + WorkspaceRole.values()[column];
                if (table.put(key, "y".equals(cells[column + 2])) != null) {
                    throw new IllegalStateException("Two rows for " + key);
                }
            }
        }
        return table;
    }

    private static boolean expected(Map<String, Boolean> table, Enum<?> action, Enum<?> row, WorkspaceRole column) {
        Boolean allowed = table.get(action.name() + " " + row.name() + " " + column.name());
        if (allowed == null) {
            throw new IllegalStateException("The permission table has no row for " + action + " " + row);
        }
        return allowed;
    }

    @Test
    void tables_haveOneRowForEveryCase() {
        assertThat(ACCOUNT_TABLE)
                .hasSize(AccountAction.values().length * Access.values().length * WorkspaceRole.values().length);
        assertThat(MEMBER_TABLE)
                .hasSize(MemberAction.values().length * WorkspaceRole.values().length * WorkspaceRole.values().length);
    }

    static Stream<Arguments> accountCases() {
        return Stream.of(WorkspaceRole.values())
                .flatMap(role -> Stream.of(Access.values())
                        .flatMap(access ->
                                Stream.of(AccountAction.values()).map(action -> Arguments.of(role, access, action))));
    }

    static Stream<Arguments> memberCases() {
        return Stream.of(WorkspaceRole.values())
                .flatMap(actor -> Stream.of(WorkspaceRole.values())
                        .flatMap(target ->
                                Stream.of(MemberAction.values()).map(action -> Arguments.of(actor, target, action))));
    }

    @ParameterizedTest(name = "{0} with account access {1}: {2}")
    @MethodSource("accountCases")
    void accountAction(WorkspaceRole role, Access access, AccountAction action) {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember actor = workspace.member(role);
        TestMember keeper = workspace.addMember("keeper", WorkspaceRole.USER);
        TestMember bystander = workspace.addMember("bystander", WorkspaceRole.USER);
        Map<UUID, AccountRole> grants = new HashMap<>();
        grants.put(keeper.userId(), AccountRole.OWNER);
        if (access != Access.NONE) {
            grants.put(actor.userId(), AccountRole.valueOf(access.name()));
        }
        UUID account = workspace.addAccount("Matrix account", grants);
        UUID setId = null;
        if (action != AccountAction.SAVE_CODES) {
            signIn.asConfirmed(keeper.email());
            setId = codes.saveCodes(account, CODES, Mismatch.ACCEPTED).setId();
        }
        if (action == AccountAction.ANSWER_REQUEST) { // a Collaborator's pending request
            TestMember requester = workspace.addMember("requester", WorkspaceRole.USER);
            fixtures.grant(workspace, account, requester.userId(), AccountRole.COLLABORATOR);
            signIn.as(requester.email());
            requests.request(account, "Locked out");
        }
        if (action == AccountAction.USE_APPROVED_CODE) { // the actor's own approved request
            requestFixtures.approvedRequest(workspace.id(), account, actor.userId());
        }
        signIn.asConfirmed(actor.email());
        UUID savedSet = setId;

        expect(
                expected(ACCOUNT_TABLE, action, access, role),
                () -> run(action, account, savedSet, keeper, bystander),
                () -> run(action, UUID.randomUUID(), savedSet, keeper, bystander),
                workspace.id());
    }

    @ParameterizedTest(name = "{0} on a {1}: {2}")
    @MethodSource("memberCases")
    void memberAction(WorkspaceRole actorRole, WorkspaceRole targetRole, MemberAction action) {
        TestWorkspace workspace = fixtures.newWorkspace();
        TestMember actor = workspace.member(actorRole);
        // The Owner is unique; a target of any other role is a second member, so nobody acts on themselves by accident.
        TestMember target = targetRole == WorkspaceRole.OWNER
                ? workspace.member(WorkspaceRole.OWNER)
                : workspace.addMember("target", targetRole);
        if (action == MemberAction.REACTIVATE && !target.equals(actor)) {
            fixtures.deactivate(workspace.id(), target.userId());
        }
        UUID account = workspace.addAccount("Shared account", Map.of(target.userId(), AccountRole.COLLABORATOR));
        signIn.asConfirmed(actor.email());

        boolean allowed = expected(MEMBER_TABLE, action, actorRole, targetRole);
        Runnable onMissingRecord = action.targetsAMember()
                ? () -> run(action, workspace, actorRole, targetRole, UUID.randomUUID(), account)
                : action == MemberAction.REASSIGN_OWNERS
                        ? () -> run(action, workspace, actorRole, targetRole, target.userId(), UUID.randomUUID())
                        : null;
        expect(
                allowed,
                () -> run(action, workspace, actorRole, targetRole, target.userId(), account),
                onMissingRecord,
                workspace.id());
    }

    @Test
    void everyAction_withIdsFromAnotherWorkspace_looksLikeAMissingRecord() {
        TestWorkspace mine = fixtures.newWorkspace();
        TestWorkspace theirs = fixtures.newWorkspace();
        TestMember me = mine.member(WorkspaceRole.OWNER);
        TestMember stranger = theirs.member(WorkspaceRole.OWNER);
        UUID theirAccount = theirs.addAccount("Their account", Map.of(stranger.userId(), AccountRole.OWNER));
        UUID myAccount = mine.addAccount("My account", Map.of(me.userId(), AccountRole.OWNER));
        signIn.asConfirmed(stranger.email());
        UUID theirSet = codes.saveCodes(theirAccount, CODES, Mismatch.ACCEPTED).setId();
        signIn.asConfirmed(me.email());

        for (AccountAction action : AccountAction.values()) {
            expect(
                    false,
                    () -> run(action, theirAccount, theirSet, stranger, stranger),
                    () -> run(action, UUID.randomUUID(), theirSet, stranger, stranger),
                    mine.id(),
                    theirs.id());
        }
        // Their member is nobody here: not to share with, not to make Owner, not to manage.
        expect(
                false,
                () -> sharing.share(myAccount, stranger.userId(), AccountRole.COLLABORATOR),
                () -> sharing.share(myAccount, UUID.randomUUID(), AccountRole.COLLABORATOR),
                mine.id(),
                theirs.id());
        expect(
                false,
                () -> allAccounts.reassignOwners(myAccount, Set.of(stranger.userId())),
                () -> allAccounts.reassignOwners(myAccount, Set.of(UUID.randomUUID())),
                mine.id(),
                theirs.id());
        expect(
                false,
                () -> allAccounts.reassignOwners(theirAccount, Set.of(me.userId())),
                () -> allAccounts.reassignOwners(UUID.randomUUID(), Set.of(me.userId())),
                mine.id(),
                theirs.id());
        for (MemberAction action : MemberAction.values()) {
            if (action.targetsAMember()) {
                expect(
                        false,
                        () -> run(action, mine, WorkspaceRole.OWNER, WorkspaceRole.USER, stranger.userId(), myAccount),
                        () -> run(action, mine, WorkspaceRole.OWNER, WorkspaceRole.USER, UUID.randomUUID(), myAccount),
                        mine.id(),
                        theirs.id());
            }
        }
        assertThat(allAccounts.list(false, "", 0, 100))
                .extracting(AccountOwnership::id)
                .containsExactly(myAccount);
        assertThat(members.list("", 0, 100)).extracting(Member::userId).doesNotContain(stranger.userId());
    }

    private void run(AccountAction action, UUID account, UUID setId, TestMember keeper, TestMember bystander) {
        switch (action) {
            case OPEN_DETAILS -> accounts.details(account);
            case SEE_CODES_EXIST -> codes.overview(account);
            case SEE_CODE_HISTORY -> codes.history(account);
            case SAVE_CODES -> codes.saveCodes(account, CODES, Mismatch.ACCEPTED);
            case REVEAL_CODES -> codes.revealCodes(account);
            case USE_NEXT_CODE -> codes.useNextCode(account);
            case MARK_CODE_USED -> codes.markCode(account, setId, 2, true);
            case REPLACE_CODES -> codes.replaceCodes(account, setId, "55555-66666\n77777-88888\n", Mismatch.ACCEPTED);
            case DELETE_CODES -> codes.deleteCodes(account, setId);
            case LIST_PEOPLE -> sharing.people(account);
            case SHARE -> sharing.share(account, bystander.userId(), AccountRole.COLLABORATOR);
            case CHANGE_ACCOUNT_ROLE -> sharing.changeRole(account, keeper.userId(), AccountRole.COLLABORATOR);
            case REMOVE_ACCESS -> sharing.remove(account, keeper.userId());
            case EDIT_ACCOUNT ->
                accounts.editAccount(
                        account, 0, new AccountForm("github", null, "Renamed account", null, MfaState.ON, null, null));
            case REMOVE_ACCOUNT -> accounts.removeAccount(account, "Matrix account");
            case REQUEST_CODE -> requests.request(account, "Locked out");
            case ANSWER_REQUEST -> requests.approve(requestFixtures.openRequestOf(account), null);
            case USE_APPROVED_CODE -> requests.useApprovedCode(requestFixtures.openRequestOf(account));
        }
    }

    private void run(
            MemberAction action,
            TestWorkspace workspace,
            WorkspaceRole actorRole,
            WorkspaceRole targetRole,
            UUID target,
            UUID account) {
        switch (action) {
            case LIST_MEMBERS -> members.list("", 0, 50);
            case ADD_MEMBER ->
                members.add(
                        "new-" + UUID.randomUUID() + "@ws" + workspace.number() + ".test", "New person", targetRole);
            case GIVE_OWN_ROLE -> members.changeRole(target, actorRole);
            case LOWER_ROLE -> members.changeRole(target, WorkspaceRole.LOGIN_ONLY);
            case DEACTIVATE -> members.deactivate(target);
            case REACTIVATE -> members.reactivate(target);
            case REMOVE -> members.remove(target);
            case NEW_PASSWORD_LINK -> members.newSetPasswordLink(target);
            case TRANSFER_OWNERSHIP -> members.transferOwnership(target);
            case LIST_ALL_ACCOUNTS -> allAccounts.list(false, "", 0, 50);
            case REASSIGN_OWNERS ->
                allAccounts.reassignOwners(
                        account, Set.of(workspace.member(WorkspaceRole.USER).userId()));
            case ADD_ACCOUNT ->
                accounts.addAccount(new AccountForm("github", null, "New account", null, MfaState.ON, null, null));
            case PREVIEW_IMPORT ->
                accountImport.preview("label,app\nImported,GitHub\n".getBytes(StandardCharsets.UTF_8));
            case IMPORT_ACCOUNTS ->
                accountImport.importAccounts("label,app\nImported,GitHub\n".getBytes(StandardCharsets.UTF_8));
            case RESET_SECOND_FACTOR -> secondFactors.resetFactorsOf(target);
            case SET_FACTOR_POLICY -> secondFactors.changePolicy(SecondFactorPolicy.EVERYONE);
            case SEE_SSO_SETTINGS -> {
                singleSignOn.settings("http://localhost");
                singleSignOn.members();
            }
            case CHANGE_SSO_SETTINGS ->
                singleSignOn.save(new SsoChange(
                        "Company IdP",
                        "https://idp.example.test",
                        "breakglass",
                        "client-secret",
                        false,
                        "ws" + workspace.number() + ".test",
                        true,
                        true,
                        workspace.member(WorkspaceRole.OWNER).userId()));
        }
    }

    /**
     * Allowed: the call goes through. Denied: it throws {@link NotFoundException} with the very message that the
     * same call about a missing record gives (when there is a record to miss), and nothing in the database changes.
     */
    private void expect(boolean allowed, Runnable call, Runnable sameCallOnMissingRecord, UUID... workspaces) {
        if (allowed) {
            assertThatCode(call::run).doesNotThrowAnyException();
            return;
        }
        String before = fixtures.snapshot(workspaces);
        Throwable denied = catchThrowable(call::run);
        assertThat(denied).isInstanceOf(NotFoundException.class);
        assertThat(fixtures.snapshot(workspaces)).isEqualTo(before);
        if (sameCallOnMissingRecord != null) {
            Throwable missing = catchThrowable(sameCallOnMissingRecord::run);
            assertThat(missing).isInstanceOf(NotFoundException.class);
            assertThat(denied).hasMessage(missing.getMessage());
        }
    }
}
