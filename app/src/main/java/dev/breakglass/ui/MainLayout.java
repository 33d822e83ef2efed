package dev.breakglass.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.breakglass.crypto.CipherStatus;
import dev.breakglass.demo.DemoWorkspace;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.notifications.ui.NotificationBell;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.WorkspaceRole;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/**
 * The frame around every signed-in page: navigation, who is signed in, notifications, and a warning when the
 * cipher is not for production or the workspace is the demo one. Vaadin applies it to every route through {@code @Layout}, so feature views need
 * not name it and no feature depends on this package.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    static final String MAIN_ID = "main-content";
    static final String FOCUS_SCRIPT = "context://scripts/focus.js";

    private final Main main = new Main();

    public MainLayout(
            CurrentUser currentUser,
            AuthenticationContext authentication,
            CipherStatus cipher,
            NotificationCenter notifications,
            DemoWorkspace demo) {
        // The first stop of the Tab key: straight past the header and navigation to the page. The browser follows
        // the fragment itself (router-ignore), and the main region takes the focus (tabindex -1).
        Anchor skip = new Anchor("#" + MAIN_ID, "Skip to content");
        skip.setId("skip-to-content");
        skip.addClassName("skip-link");
        skip.getElement().setAttribute("router-ignore", true);
        main.setId(MAIN_ID);
        main.getElement().setAttribute("tabindex", "-1");
        main.addClassName("main-content");

        Span title = new Span("Breakglass");
        title.addClassName("app-title");

        Div right = new Div();
        right.addClassName("navbar-right");
        Div drawerFooter = new Div();
        drawerFooter.setId("drawer-account");
        drawerFooter.addClassName("drawer-account");
        if (!cipher.productionReady()) {
            right.add(warning(
                    "cipher-warning",
                    cipher.name() + ": not for production",
                    "Test key",
                    "Codes are encrypted with a key file on this server. Use HashiCorp Vault in production.",
                    "badge error"));
        }
        currentUser
                .find()
                .filter(user -> demo.isDemo(user.workspaceId()))
                .ifPresent(user -> right.add(warning(
                        "demo-warning",
                        "Demo workspace: never keep real codes here",
                        "Demo",
                        "This workspace was created by breakglass.demo and its members' password is published.",
                        "badge error primary")));
        currentUser.find().ifPresent(user -> {
            // "Owner" is also an account's role: the header names the workspace's in full.
            String who = user.displayName() + " · "
                    + (user.role() == WorkspaceRole.OWNER
                            ? "Workspace owner"
                            : user.role().label());
            Span name = new Span(who);
            name.setId("signed-in-user");
            name.addClassName("signed-in-user");
            right.add(new NotificationBell(notifications), name);
            Span drawerName = new Span(who);
            drawerName.setId("drawer-signed-in-user");
            drawerFooter.add(drawerName);
        });
        // On a phone the name gives way, but the bell and Sign out stay in the header; the drawer has both too.
        Button signOut = new Button("Sign out", event -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        right.add(signOut);
        Button drawerSignOut = new Button("Sign out", event -> authentication.logout());
        drawerSignOut.setId("drawer-sign-out");
        drawerSignOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        drawerFooter.add(drawerSignOut);

        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Menu");
        addToNavbar(skip, toggle, title, right);

        // The pages declare themselves with @Menu; Vaadin lists those this member's roles may open (their
        // capabilities at sign-in), so the layout names no page and no role. Routes and services check again.
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path().replaceFirst("^/", ""));
            item.setId("nav-" + entry.title().toLowerCase(Locale.ROOT).replace(' ', '-'));
            nav.addItem(item);
        }
        nav.setId("main-nav");
        nav.getElement().setAttribute("aria-label", "Pages");
        addToDrawer(nav, drawerFooter);
        super.setContent(main);
    }

    /** A warning badge whose long text gives way to a short one on a narrow screen; the title keeps the why. */
    private static Span warning(String id, String text, String shortText, String why, String theme) {
        Span warning = new Span(text);
        warning.setId(id);
        warning.addClassName("header-warning");
        warning.getElement().getThemeList().add(theme);
        warning.getElement().setAttribute("title", why);
        warning.getElement().setAttribute("data-short", shortText);
        return warning;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        // Focus goes back to what opened a dialog, and destructive dialogs open on Cancel (a static script).
        event.getUI().getPage().addJavaScript(FOCUS_SCRIPT);
    }

    /** Every page goes inside the one {@code <main>} landmark, which the skip link leads to. */
    @Override
    public void showRouterLayoutContent(HasElement content) {
        main.removeAll();
        if (content != null) {
            main.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        main.removeAll();
    }
}
