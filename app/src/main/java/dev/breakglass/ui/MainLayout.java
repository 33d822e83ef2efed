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
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.breakglass.crypto.CipherStatus;
import dev.breakglass.notifications.NotificationCenter;
import dev.breakglass.notifications.ui.NotificationBell;
import dev.breakglass.security.CurrentUser;
import dev.breakglass.security.SignedInUser;
import dev.breakglass.security.WorkspaceRole;
import jakarta.annotation.security.PermitAll;
import java.util.EnumSet;
import java.util.Set;

/**
 * The frame around every signed-in page: navigation, who is signed in, notifications, and a warning when the
 * cipher is not for production. Vaadin applies it to every route through {@code @Layout}, so feature views need
 * not name it and no feature depends on this package.
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    private static final Set<WorkspaceRole> ADMINS = EnumSet.of(WorkspaceRole.OWNER, WorkspaceRole.SUPER_ADMIN, WorkspaceRole.ADMIN);

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, CipherStatus cipher,
            NotificationCenter notifications) {
        Span title = new Span("Breakglass");
        title.addClassName("app-title");

        Div right = new Div();
        right.addClassName("navbar-right");
        if (!cipher.productionReady()) {
            Span warning = new Span(cipher.name() + ": not for production");
            warning.setId("cipher-warning");
            warning.getElement().getThemeList().add("badge error");
            warning.getElement().setAttribute("title",
                    "Codes are encrypted with a key file on this server. Use HashiCorp Vault in production.");
            right.add(warning);
        }
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

        // Routes by path: feature views use this layout, so the layout must not depend on them. Items mirror
        // the roles; the routes and services check them again.
        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Accounts", ""));
        currentUser.find().map(SignedInUser::role).ifPresent(role -> {
            if (role.mayManageMembers()) {
                nav.addItem(new SideNavItem("Members", "members"));
            }
            if (role.mayReachAllAccounts()) {
                nav.addItem(new SideNavItem("All accounts", "all-accounts"));
            }
        });
        currentUser.find().filter(user -> ADMINS.contains(user.role())).ifPresent(user -> {
            nav.addItem(new SideNavItem("Audit log", "admin/audit"));
            SideNavItem plugins = new SideNavItem("Plugins", "admin/plugins");
            plugins.setId("nav-plugins");
            nav.addItem(plugins);
        });
        currentUser.find().filter(user -> user.role() == WorkspaceRole.OWNER || user.role() == WorkspaceRole.SUPER_ADMIN)
                .ifPresent(user -> nav.addItem(new SideNavItem("Encryption", "admin/encryption")));
        nav.addItem(new SideNavItem("Change password", "password"));
        nav.setId("main-nav");
        addToDrawer(nav);
    }
}
