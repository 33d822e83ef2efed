package dev.breakglass.formats.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import dev.breakglass.formats.FormatPluginService;
import dev.breakglass.formats.PluginStatus;
import dev.breakglass.testing.KaribuTest;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** What the format plugins show in the UI: the Add codes dialog's live reading, and the admins' Plugins page. */
class FormatsUiTest extends KaribuTest {

    @Autowired
    DSLContext db;

    @Autowired
    FormatPluginService plugins;

    @Test
    void addCodesDialog_showsTheFormatTheCountTheUnreadableLinesAndTheAppsPage_andSavingStoresTheFormat() {
        loginAs("alice@acme.test");
        openAddCodes("Google Workspace");

        Anchor settings = _get(Anchor.class, spec -> spec.withId("app-settings-link"));
        assertThat(settings.getHref()).isEqualTo("https://myaccount.google.com/two-step-verification/backup-codes");
        assertThat(_find(Paragraph.class, spec -> spec.withId("app-has-no-codes")))
                .isEmpty();

        _setValue(_get(TextArea.class, spec -> spec.withLabel("MFA Backup Codes")), """
                SAVE YOUR BACKUP CODES
                1. 1234 5678    3. 3456 7890
                2. 2345 6789    4. 4567 8901 \u2713
                Generated on Nov 28, 2026
                """);

        assertThat(_get(Span.class, spec -> spec.withId("codes-found")).getText())
                .isEqualTo("3 Google codes, 2 other lines ignored.");
        assertThat(_get(Div.class, spec -> spec.withId("unreadable-lines"))
                                .getElement()
                                .getText()
                        + unreadableItems())
                .contains("SAVE YOUR BACKUP CODES", "Generated on Nov 28, 2026");

        _click(_get(Button.class, spec -> spec.withText("Save Codes")));
        // Three codes where Google issues ten: saved only after an explicit second click.
        _click(_get(Button.class, spec -> spec.withText("Save anyway")));

        assertThat(db.select(BACKUP_CODE_SET.FORMAT_ID)
                        .from(BACKUP_CODE_SET)
                        .where(BACKUP_CODE_SET.ACCOUNT_ID.eq(fixtures.accountId("Google Workspace")))
                        .fetchSingle(BACKUP_CODE_SET.FORMAT_ID))
                .isEqualTo("google");
    }

    @Test
    void addCodesDialog_forAnAppWithoutBackupCodes_saysSo() {
        loginAs("owner@acme.test");
        openAddCodes("AWS root");

        assertThat(_get(Paragraph.class, spec -> spec.withId("app-has-no-codes"))
                        .getText())
                .startsWith("Amazon Web Services has no backup codes");
        assertThat(_get(Anchor.class, spec -> spec.withId("app-settings-link")).getHref())
                .startsWith("https://console.aws.amazon.com/");
    }

    @Test
    void pluginsPage_listsEveryPluginWithVersionFormatsAndState_forAdmins() {
        loginAs("admin@acme.test");
        assertThat(_find(SideNavItem.class, spec -> spec.withId("nav-plugins"))).hasSize(1);

        UI.getCurrent().navigate("admin/plugins");

        @SuppressWarnings("unchecked")
        Grid<PluginStatus> grid = _get(Grid.class, spec -> spec.withId("plugins-grid"));
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(20);
        PluginStatus github = java.util.stream.IntStream.range(0, GridKt._size(grid))
                .mapToObj(row -> GridKt._get(grid, row))
                .filter(plugin -> plugin.pluginId().equals("github"))
                .findFirst()
                .orElseThrow();
        assertThat(github.state()).isEqualTo(PluginStatus.State.STARTED);
        assertThat(github.formats()).containsExactly("GitHub");
        assertThat(github.version()).isNotBlank();
        assertThat(github.origin()).isEqualTo("bundled");
        assertThat(github.sha256()).matches("[0-9a-f]{64}");
        com.vaadin.flow.component.Component hashCell = GridKt._getCellComponent(grid, 0, "sha256");
        assertThat(hashCell.getElement().getAttribute("data-sha256"))
                .isEqualTo(GridKt._get(grid, 0).sha256());
        assertThat(hashCell.getElement().getText()).hasSize(17).endsWith("…");
        assertThat(_get(Paragraph.class, spec -> spec.withId("plugins-summary")).getText())
                .contains("plugins running")
                .contains("breakglass.plugins.trusted-sha256")
                .contains("runs with all of Breakglass's rights");
    }

    @Test
    void pluginsPage_isNotForUsers_neitherTheLinkNorThePageNorTheService() {
        loginAs("alice@acme.test");
        assertThat(_find(SideNavItem.class, spec -> spec.withId("nav-plugins"))).isEmpty();

        UI.getCurrent().navigate("admin/plugins");
        // Denied looks exactly like not found (the app's not-found page, no longer Vaadin's access-denied error).
        assertThat(_find(Grid.class, spec -> spec.withId("plugins-grid"))).isEmpty();
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("not-found")))
                .hasSize(1);

        assertThatThrownBy(plugins::plugins).isInstanceOf(AccessDeniedException.class);
    }

    private static String unreadableItems() {
        return String.join(
                "\n", _find(ListItem.class).stream().map(ListItem::getText).toList());
    }

    private static void openAddCodes(String accountLabel) {
        openEmergencyControls(accountLabel);
        _click(_get(Button.class, spec -> spec.withId("add-codes")));
    }
}
