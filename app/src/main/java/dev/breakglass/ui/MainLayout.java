package dev.breakglass.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
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

    public MainLayout(
            CurrentUser currentUser,
            AuthenticationContext authentication,
            CipherStatus cipher,
            NotificationCenter notifications,
            DemoWorkspace demo) {
        Span title = new Span("Breakglass");
        title.addClassName("app-title");

        Div right = new Div();
        right.addClassName("navbar-right");
        if (!cipher.productionReady()) {
            Span warning = new Span(cipher.name() + ": not for production");
            warning.setId("cipher-warning");
            warning.getElement().getThemeList().add("badge error");
            warning.getElement()
                    .setAttribute(
                            "title",
                            "Codes are encrypted with a key file on this server. Use HashiCorp Vault in production.");
            right.add(warning);
        }
        currentUser.find().filter(user -> demo.isDemo(user.workspaceId())).ifPresent(user -> {
            Span warning = new Span("Demo workspace: never keep real codes here");
            warning.setId("demo-warning");
            warning.getElement().getThemeList().add("badge error primary");
            warning.getElement()
                    .setAttribute(
                            "title",
                            "This workspace was created by breakglass.demo and its members' password is published.");
            right.add(warning);
        });
        currentUser.find().ifPresent(user -> {
            Span name = new Span(user.displayName() + " · " + user.role().label());
            name.setId("signed-in-user");
            right.add(new NotificationBell(notifications), name);
        });
        Button signOut = new Button("Sign out", event -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        right.add(signOut);

        addToNavbar(new DrawerToggle(), title, right);

        // The pages declare themselves with @Menu; Vaadin lists those this member's roles may open (their
        // capabilities at sign-in), so the layout names no page and no role. Routes and services check again.
        SideNav nav = new SideNav();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(entry.title(), entry.path().replaceFirst("^/", ""));
            item.setId("nav-" + entry.title().toLowerCase(Locale.ROOT).replace(' ', '-'));
            nav.addItem(item);
        }
        nav.setId("main-nav");
        addToDrawer(nav);
    }
}
