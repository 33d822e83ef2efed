package dev.breakglass.audit.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import dev.breakglass.audit.AuditEntry;
import dev.breakglass.audit.Choice;
import dev.breakglass.backupcodes.BackupCodeService;
import dev.breakglass.backupcodes.Mismatch;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Owners see an account's activity and hear about its codes; admins read and export the whole log. */
class AuditAndNotificationsUiTest extends KaribuTest {

    @Autowired
    BackupCodeService codes;

    @Autowired
    SignIn signIn;

    @Autowired
    MemberService members;

    UUID github;

    @BeforeEach
    void aliceSavesAndViewsGitHubCodes() {
        github = fixtures.accountId("GitHub");
        signIn.asConfirmed("alice@acme.test");
        codes.saveCodes(github, "11111-aaaaa\n22222-bbbbb\n", Mismatch.ACCEPTED);
        codes.revealCodes(github);
        codes.useNextCode(github);
    }

    @Test
    void activityTab_showsWhatHappened_toOwnersOnly() {
        loginConfirmedAs("owner@acme.test");
        openGitHub();
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("account-tabs"));
        tabs.setSelectedTab(_get(Tab.class, spec -> spec.withPredicate(tab -> "Activity".equals(tab.getLabel()))));

        Grid<AuditEntry> activity = _get(Grid.class, spec -> spec.withId("account-activity"));
        List<String> actions =
                GridKt._findAll(activity).stream().map(AuditEntry::actionLabel).toList();
        assertThat(actions).startsWith("Used the next code", "Viewed codes", "Saved codes");
        assertThat(GridKt._getFormatted(activity, 0, "action")).isEqualTo("Used the next code");

        loginConfirmedAs("bob@acme.test");
        openGitHub();
        assertThat(_find(Grid.class, spec -> spec.withId("account-activity"))).isEmpty();
    }

    @Test
    void otherOwners_areNotified_andTheBellCountsUnread() {
        loginConfirmedAs("owner@acme.test");

        Span unread = _get(Span.class, spec -> spec.withId("unread-count"));
        assertThat(unread.getText()).isEqualTo("3");
        _click(_get(Button.class, spec -> spec.withId("notification-bell")));

        List<String> notices = _find(ListItem.class, spec -> spec.withClasses("unread")).stream()
                .map(item -> item.getElement().getTextRecursively())
                .toList();
        assertThat(notices).hasSize(3);
        assertThat(notices.get(0)).startsWith("Alice Example used a backup code of GitHub (1 left).");
        assertThat(notices.get(1)).startsWith("Alice Example viewed the backup codes of GitHub.");
        // The first save of an account's codes tells its other Owners too.
        assertThat(notices.get(2)).startsWith("Alice Example saved backup codes for GitHub.");
        assertThat(unread.isVisible()).isFalse();

        // Alice acted herself: she is not told about it.
        loginConfirmedAs("alice@acme.test");
        assertThat(_find(Span.class, spec -> spec.withId("unread-count"))).isEmpty();
    }

    @Test
    void notifications_linkToTheirAccount_andRepeatsInARowAreOneEntry() {
        codes.revealCodes(github);
        codes.revealCodes(github);
        loginConfirmedAs("owner@acme.test");
        _click(_get(Button.class, spec -> spec.withId("notification-bell")));

        List<ListItem> items = _find(ListItem.class, spec -> spec.withClasses("unread"));
        assertThat(items).hasSize(4);
        assertThat(items.get(0).getElement().getTextRecursively())
                .startsWith("Alice Example viewed the backup codes of GitHub.")
                .contains("(2 times, last ");
        assertThat(_find(Anchor.class, spec -> spec.withClasses("notification-link")))
                .hasSize(4)
                .allSatisfy(link -> assertThat(link.getHref()).isEqualTo("accounts/" + github));

        BasicUtilsKt._fireDomEvent(
                _find(Anchor.class, spec -> spec.withClasses("notification-link"))
                        .get(0),
                "click");
        assertThat(_find(Dialog.class, spec -> spec.withId("notifications-dialog")))
                .isEmpty();
    }

    @Test
    void auditLog_saysInWordsWhomAnEventWasAbout_andTheRawRecordIsOneClickAway() {
        signIn.asConfirmed("owner@acme.test");
        UUID rita = members.add("rita.removed@acme.test", "Rita Removed", WorkspaceRole.USER)
                .member()
                .userId();
        members.remove(rita);
        loginConfirmedAs("owner@acme.test");
        UI.getCurrent().navigate(AuditLogView.class);

        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        Select<String> action = _get(Select.class, spec -> spec.withId("audit-action"));
        _setValue(action, "MEMBER_REMOVED");
        assertThat(GridKt._getFormatted(grid, 0, "action")).isEqualTo("Removed a member");
        assertThat(GridKt._getFormatted(grid, 0, "summary"))
                .startsWith("Rita Removed")
                .doesNotContain(rita.toString());
        _setValue(action, "CODES_SAVED");
        assertThat(GridKt._getFormatted(grid, 0, "summary")).isEqualTo("2 codes");
        assertThat(grid.isDetailsVisibleOnClick()).isTrue();
    }

    @Test
    void auditLog_filtersByPersonActionAccountAndDate_andOffersExports() {
        loginConfirmedAs("admin@acme.test");
        UI.getCurrent().navigate(AuditLogView.class);

        assertThat(_get(Span.class, spec -> spec.withId("audit-chain-status")).getText())
                .startsWith("Audit chain intact");
        assertThat(_get(Span.class, spec -> spec.withId("audit-chain-head")).getText())
                .matches("Head: event \\d+, HMAC [0-9a-f]{64} \\(keyed since event 1\\)");
        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(3);

        Select<String> action = _get(Select.class, spec -> spec.withId("audit-action"));
        _setValue(action, "CODES_REVEALED");
        assertThat(GridKt._findAll(grid)).extracting(AuditEntry::action).containsOnly("CODES_REVEALED");

        ComboBox<Choice> person = _get(ComboBox.class, spec -> spec.withId("audit-person"));
        _setValue(person, choice(person, "Bob Example"));
        assertThat(GridKt._size(grid)).isZero();
        _setValue(person, choice(person, "Alice Example"));
        assertThat(GridKt._size(grid)).isEqualTo(1);

        _setValue(action, null);
        ComboBox<Choice> account = _get(ComboBox.class, spec -> spec.withId("audit-account"));
        _setValue(account, choice(account, "Slack"));
        assertThat(GridKt._size(grid)).isZero();
        _setValue(account, choice(account, "GitHub"));
        assertThat(GridKt._findAll(grid))
                .extracting(AuditEntry::action)
                .contains("CODES_SAVED", "CODES_REVEALED", "CODE_HANDED_OUT");

        _setValue(
                _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("audit-from")),
                java.time.LocalDate.now(clock).plusDays(1));
        assertThat(GridKt._size(grid)).isZero();

        assertThat(_get(Anchor.class, spec -> spec.withId("export-csv")).getHref())
                .isNotBlank();
        assertThat(_get(Anchor.class, spec -> spec.withId("export-jsonl")).getHref())
                .isNotBlank();
    }

    @Test
    void auditLog_filtersLiveInTheUrl_aLinkBringsThemBack_andAMistypedOneFiltersNothing() {
        loginConfirmedAs("admin@acme.test");
        UI.getCurrent()
                .navigate(
                        "admin/audit",
                        QueryParameters.simple(Map.of(
                                "action", "CODES_REVEALED", "account", github.toString(), "from", "2000-01-01")));

        Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-grid"));
        assertThat(_get(Select.class, spec -> spec.withId("audit-action")).getValue())
                .isEqualTo("CODES_REVEALED");
        ComboBox<Choice> account = _get(ComboBox.class, spec -> spec.withId("audit-account"));
        assertThat(account.getValue().label()).isEqualTo("GitHub");
        assertThat(_get(DatePicker.class, spec -> spec.withId("audit-from")).getValue())
                .isEqualTo(LocalDate.of(2000, 1, 1));
        assertThat(GridKt._findAll(grid))
                .extracting(AuditEntry::action)
                .isNotEmpty()
                .containsOnly("CODES_REVEALED");

        // Choosing a filter writes it into the URL as a new history entry (the browser's Back undoes it).
        UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        ComboBox<Choice> person = _get(ComboBox.class, spec -> spec.withId("audit-person"));
        Choice alice = choice(person, "Alice Example");
        _setValue(person, alice);
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                        .flatMap(pending -> pending.getInvocation().getParameters().stream())
                        .map(String::valueOf))
                .anyMatch(url -> url.startsWith("admin/audit?")
                        && url.contains("person=" + alice.id())
                        && url.contains("action=CODES_REVEALED")
                        && url.contains("account=" + github)
                        && url.contains("from=2000-01-01"));

        UI.getCurrent()
                .navigate(
                        "admin/audit",
                        QueryParameters.simple(
                                Map.of("action", "NO_SUCH_ACTION", "person", "not-an-id", "to", "yesterday")));
        assertThat(_get(Select.class, spec -> spec.withId("audit-action")).getValue())
                .isNull();
        assertThat(_get(ComboBox.class, spec -> spec.withId("audit-person")).getValue())
                .isNull();
        assertThat(_get(DatePicker.class, spec -> spec.withId("audit-to")).getValue())
                .isNull();
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withId("audit-grid"))))
                .isGreaterThanOrEqualTo(3);
    }

    @Test
    void auditLog_isNotOfferedToUsers() {
        loginConfirmedAs("alice@acme.test");

        assertThat(_find(com.vaadin.flow.component.sidenav.SideNavItem.class, spec -> spec.withLabel("Audit log")))
                .isEmpty();
        UI.getCurrent().navigate(AuditLogView.class);
        // Denied looks exactly like not found (the app's not-found page, no longer Vaadin's access-denied error).
        assertThat(_find(Grid.class, spec -> spec.withId("audit-grid"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("not-found")))
                .hasSize(1);
    }

    private static Choice choice(ComboBox<Choice> box, String label) {
        return box.getGenericDataView()
                .getItems()
                .filter(c -> c.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private static void openGitHub() {
        openAccount("GitHub");
    }
}
