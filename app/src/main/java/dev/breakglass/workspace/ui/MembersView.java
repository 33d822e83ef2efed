package dev.breakglass.workspace.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.breakglass.password.ui.SetPasswordLinkDialog;
import dev.breakglass.security.BreakGlassAdminNeededException;
import dev.breakglass.security.Capability;
import dev.breakglass.security.SecondFactorService;
import dev.breakglass.security.WorkspaceRole;
import dev.breakglass.security.ui.ConfirmIdentityDialog;
import dev.breakglass.workspace.AccountLabel;
import dev.breakglass.workspace.InvalidMemberException;
import dev.breakglass.workspace.Member;
import dev.breakglass.workspace.MemberAlreadyExistsException;
import dev.breakglass.workspace.MemberFilter;
import dev.breakglass.workspace.MemberService;
import dev.breakglass.workspace.MemberStatus;
import dev.breakglass.workspace.NewMember;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;

/**
 * The workspace's members, searched and filtered by role and status, page by page from the database, and what
 * an admin may do with each.
 */
@Route("members")
@Menu(title = "Members", order = 1)
@PageTitle("Members · Breakglass")
@RolesAllowed(Capability.MANAGE_MEMBERS)
public class MembersView extends VerticalLayout {

    static final String MAKE_WORKSPACE_OWNER = "Make Workspace owner";

    private final MemberService members;
    private final SecondFactorService secondFactors;
    private final String publicUrl;
    private final TextField search = new TextField();
    private final Select<WorkspaceRole> roleFilter = new Select<>();
    private final Select<MemberStatus> statusFilter = new Select<>();
    private final Grid<Member> grid = new Grid<>(Member.class, false);
    private final List<WorkspaceRole> assignable;
    private Predicate<Member> transferTargets = member -> false;

    MembersView(
            MemberService members,
            SecondFactorService secondFactors,
            @Value("${breakglass.public-url:}") String publicUrl) {
        this.members = members;
        this.secondFactors = secondFactors;
        this.publicUrl = publicUrl;
        this.assignable = members.assignableRoles();
        addClassName("members-view");
        setSizeFull();

        search.setId("member-search");
        search.setLabel("Search members");
        search.setPlaceholder("Name or e-mail");
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        roleFilter.setId("member-role-filter");
        roleFilter.setLabel("Role");
        roleFilter.setItems(WorkspaceRole.values());
        roleFilter.setItemLabelGenerator(role -> role == null ? "Any role" : roleLabel(role));
        roleFilter.setEmptySelectionAllowed(true);
        roleFilter.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        statusFilter.setId("member-status-filter");
        statusFilter.setLabel("Status");
        statusFilter.setItems(MemberStatus.values());
        statusFilter.setItemLabelGenerator(status -> status == null ? "Any status" : status.label());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.addValueChangeListener(event -> grid.getDataProvider().refreshAll());
        Button add = new Button("Add member", event -> openAddDialog());
        add.setId("add-member");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("members");
        grid.setEmptyStateText("No members match these filters.");
        // At 1280 px the actions of a row wrap onto a second line instead of being clipped off the grid's edge.
        grid.addThemeName("wrap-cell-content");
        grid.addColumn(Member::displayName)
                .setHeader("Name")
                .setKey("name")
                .setWidth("9rem")
                .setFlexGrow(1);
        grid.addColumn(Member::email)
                .setHeader("E-mail")
                .setKey("email")
                .setWidth("13rem")
                .setFlexGrow(1);
        grid.addColumn(member -> roleLabel(member.role()))
                .setHeader("Role")
                .setKey("role")
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addColumn(member -> member.status().label() + (member.passwordSet() ? "" : ", no password yet"))
                .setHeader("Status")
                .setKey("status")
                .setWidth("9rem")
                .setFlexGrow(0);
        grid.addComponentColumn(this::actions)
                .setHeader("Actions")
                .setKey("actions")
                .setWidth("20rem")
                .setFlexGrow(2);
        grid.setItems(
                query -> {
                    // one permission check per page of rows, not one per row's buttons
                    transferTargets = members.ownershipTransferTargets();
                    return members.list(filter(), query.getOffset(), query.getLimit()).stream();
                },
                query -> members.count(filter()));
        HorizontalLayout finding = new HorizontalLayout(search, roleFilter, statusFilter, add);
        finding.setWrap(true);
        finding.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H1("Members"), finding, grid);
    }

    /** "Owner" is also an account's role: on this page the workspace's is named in full. */
    static String roleLabel(WorkspaceRole role) {
        return role == WorkspaceRole.OWNER ? "Workspace owner" : role.label();
    }

    private MemberFilter filter() {
        return new MemberFilter(search.getValue(), roleFilter.getValue(), statusFilter.getValue());
    }

    private HorizontalLayout actions(Member member) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.setSpacing(false);
        actions.addClassName("member-actions");
        actions.getElement().setAttribute("data-member", member.email());
        if (member.manageable()) {
            actions.add(action("Change role", member, () -> openRoleDialog(member)));
            if (member.active()) {
                actions.add(action(
                        "Deactivate",
                        member,
                        () -> confirm(
                                member,
                                "Deactivate",
                                "can no longer sign in; their sessions end now",
                                () -> members.deactivate(member.userId()))));
            } else {
                actions.add(action("Reactivate", member, () -> {
                    members.reactivate(member.userId());
                    done(member.displayName() + " can sign in again.");
                }));
            }
            actions.add(action(
                    "Remove",
                    member,
                    () -> confirm(
                            member,
                            "Remove",
                            "loses all account access and leaves the workspace",
                            () -> members.remove(member.userId()))));
            if (member.active()) {
                actions.add(action(
                        "New password link",
                        member,
                        () -> ConfirmIdentityDialog.confirmThen(() -> new SetPasswordLinkDialog(
                                        member.displayName(), members.newSetPasswordLink(member.userId()), publicUrl)
                                .open())));
                actions.add(action("Reset second factor", member, () -> confirmReset(member)));
            }
        }
        if (transferTargets.test(member)) {
            actions.add(action(MAKE_WORKSPACE_OWNER, member, () -> confirmTransfer(member)));
        }
        return actions;
    }

    /** A row's action, named for a screen reader with whom it acts on ("Remove Gina Guest"). */
    private static Button action(String text, Member member, Runnable onClick) {
        Button button = new Button(text, event -> onClick.run());
        button.getElement().setAttribute("aria-label", text + " " + member.displayName());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void openAddDialog() {
        AddMemberDialog dialog = new AddMemberDialog(assignable);
        dialog.addSaveListener(event -> {
            try {
                NewMember added = members.add(dialog.email(), dialog.name(), dialog.role());
                dialog.close();
                grid.getDataProvider().refreshAll();
                new SetPasswordLinkDialog(added.member().displayName(), added.link(), publicUrl).open();
            } catch (InvalidMemberException e) {
                if ("email".equals(e.field())) {
                    dialog.showEmailError(e.getMessage());
                } else {
                    dialog.showNameError(e.getMessage());
                }
            } catch (MemberAlreadyExistsException e) {
                dialog.showEmailError(e.getMessage());
            }
        });
        dialog.open();
    }

    private void openRoleDialog(Member member) {
        ChangeRoleDialog dialog =
                new ChangeRoleDialog(member, assignable, members.accountsOnlyOwnedBy(member.userId()));
        dialog.addSaveListener(event -> ConfirmIdentityDialog.confirmThen(() -> {
            List<AccountLabel> orphaned = members.changeRole(member.userId(), dialog.role());
            dialog.close();
            done(member.displayName() + " is now " + dialog.role().label() + "." + orphanNote(orphaned));
        }));
        dialog.open();
    }

    private void confirm(Member member, String verb, String consequence, Supplier<List<AccountLabel>> change) {
        List<AccountLabel> onlyOwned = members.accountsOnlyOwnedBy(member.userId());
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-member-change");
        dialog.setHeader(verb + " " + member.displayName() + "?");
        dialog.setText(member.displayName() + " " + consequence + "."
                + (onlyOwned.isEmpty()
                        ? ""
                        : " These accounts will have no active Account owner and are listed as orphaned: "
                                + labels(onlyOwned) + "."));
        dialog.setCancelable(true);
        dialog.setConfirmText(verb);
        dialog.setConfirmButtonTheme("error primary");
        focusCancel(dialog);
        dialog.addConfirmListener(event -> {
            try {
                done(member.displayName() + ": " + verb.toLowerCase() + "d." + orphanNote(change.get()));
            } catch (BreakGlassAdminNeededException e) {
                Notification.show(e.getMessage(), 10000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.open();
    }

    private void confirmReset(Member member) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-reset-factors");
        dialog.setHeader("Reset the second factor of " + member.displayName() + "?");
        dialog.setText("Their authenticator app and recovery codes stop working and their sessions end now. They sign "
                + "in with their password and set up a second factor again.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Reset");
        dialog.setConfirmButtonTheme("error primary");
        focusCancel(dialog);
        dialog.addConfirmListener(event -> {
            secondFactors.resetFactorsOf(member.userId());
            done(member.displayName() + "'s second factor is reset.");
        });
        dialog.open();
    }

    private void confirmTransfer(Member member) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-transfer");
        dialog.setHeader("Make " + member.displayName() + " the Workspace owner?");
        dialog.setText("This hands the whole workspace to " + member.displayName()
                + ": they can then do everything you can now, including choosing who must use a second factor. You"
                + " become a Super Admin at once, and only " + member.displayName()
                + " can hand the workspace on again. The accounts you are an Account owner of stay yours.");
        dialog.setCancelable(true);
        dialog.setConfirmText(MAKE_WORKSPACE_OWNER);
        dialog.setConfirmButtonTheme("error primary");
        focusCancel(dialog);
        dialog.addConfirmListener(event -> ConfirmIdentityDialog.confirmThen(() -> {
            members.transferOwnership(member.userId());
            done(member.displayName() + " is now the Workspace owner. Sign in again to work as a Super Admin.");
        }));
        dialog.open();
    }

    /** A destructive dialog opens with the focus on Cancel (scripts/focus.js does it in the browser). */
    static void focusCancel(ConfirmDialog dialog) {
        Button cancel = new Button("Cancel", event -> dialog.close());
        cancel.setId("cancel-member-change");
        cancel.addClassName("dialog-cancel");
        dialog.setCancelable(true);
        dialog.setCancelButton(cancel);
        dialog.getElement().setAttribute("data-focus-cancel", true);
    }

    private void done(String message) {
        grid.getDataProvider().refreshAll();
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static String orphanNote(List<AccountLabel> orphaned) {
        return orphaned.isEmpty() ? "" : " Orphaned accounts (see All accounts): " + labels(orphaned) + ".";
    }

    private static String labels(List<AccountLabel> accounts) {
        return accounts.stream().map(AccountLabel::label).collect(Collectors.joining(", "));
    }
}
