package dev.breakglass.encryption.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.breakglass.crypto.CipherException;
import dev.breakglass.crypto.CipherVersion;
import dev.breakglass.encryption.CiphertextJobProgress;
import dev.breakglass.encryption.CiphertextMaintenance;
import dev.breakglass.encryption.EncryptionOverview;
import dev.breakglass.security.Capability;
import jakarta.annotation.security.RolesAllowed;

/**
 * How the stored codes are encrypted, for the workspace Owner and Super Admins: the active cipher (with a
 * loud warning for the local keyring), how many codes sit on each key version, key rotation and the rewrap
 * job with its progress.
 */
@Route("admin/encryption")
@Menu(title = "Encryption", order = 5)
@PageTitle("Encryption · Breakglass")
@RolesAllowed(Capability.ADMINISTER_ENCRYPTION)
public class EncryptionAdminView extends VerticalLayout {

    private static final int POLL_MILLIS = 1000;

    private final CiphertextMaintenance maintenance;
    private final Div cipher = new Div();
    private final Paragraph problem = new Paragraph();
    private final Grid<EncryptionOverview.VersionCount> versions = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final Paragraph progress = new Paragraph();
    private final Paragraph olderBinding = new Paragraph();
    private final Button rewrap = new Button("Rewrap now", event -> startRewrap());
    private Registration polling;
    private boolean newestKnown = true;

    EncryptionAdminView(CiphertextMaintenance maintenance) {
        this.maintenance = maintenance;
        addClassName("encryption-admin-view");
        cipher.setId("active-cipher");
        problem.setId("cipher-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        summary.setId("rewrap-summary");
        progress.setId("rewrap-progress");
        olderBinding.setId("older-binding");

        versions.setId("key-versions");
        versions.setEmptyStateText("No codes are saved yet, so no key version is in use.");
        versions.addColumn(count -> count.version().cipher()).setHeader("Cipher");
        versions.addColumn(count -> "v" + count.version().version()).setHeader("Key version");
        versions.addColumn(EncryptionOverview.VersionCount::codes).setHeader("Codes");
        versions.addColumn(EncryptionOverview.VersionCount::secrets)
                .setHeader("Sign-in secrets")
                .setTooltipGenerator(count -> "Authenticator apps and the single sign-on client secret, encrypted with "
                        + "the same key as the codes and moved with them");
        versions.addColumn(count -> count.newest() ? "Newest" : newestKnown ? "To rewrap" : "Unknown")
                .setHeader("Status");
        versions.setAllRowsVisible(true);

        Button rotate = new Button("Rotate key", event -> confirmRotation());
        rotate.setId("rotate-key");
        rewrap.setId("rewrap-now");
        rewrap.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        add(
                new H1("Encryption"),
                cipher,
                problem,
                versions,
                summary,
                new HorizontalLayout(rotate, rewrap),
                progress,
                olderBinding);
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        maintenance.rewrapProgress().filter(run -> !run.finished()).ifPresent(run -> startPolling(event.getUI()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    private void refresh() {
        EncryptionOverview overview = maintenance.overview();
        cipher.removeAll();
        if (overview.cipher().productionReady()) {
            cipher.add(new Paragraph(
                    "New codes are encrypted with " + overview.cipher().name() + "."));
        } else {
            Paragraph warning = new Paragraph(
                    "Codes are encrypted with the " + overview.cipher().name().toLowerCase()
                            + ", a key file on this server. It is for development and evaluation only: whoever has a copy of "
                            + "the server's disk has the keys. Set VAULT_ADDR to encrypt through HashiCorp Vault.");
            warning.setId("local-keyring-warning");
            warning.getElement().getThemeList().add("badge error");
            warning.getStyle()
                    .set("font-size", "var(--lumo-font-size-m)")
                    .set("white-space", "normal")
                    .set("padding", "var(--lumo-space-m)");
            cipher.add(warning);
        }
        problem.setText(overview.problem()
                .map(reason -> "The newest key version could not be read: " + reason)
                .orElse(""));
        problem.setVisible(overview.problem().isPresent());
        newestKnown = overview.problem().isEmpty();
        versions.setItems(overview.versions());
        summary.setText(
                overview.versions().isEmpty()
                        ? "No codes are saved yet."
                        : !newestKnown ? "" : rewrapSummary(overview));
        showProgress(overview.rewrap().orElse(null));
        int older = overview.setsWithOlderBinding();
        olderBinding.setText(
                older == 0
                        ? ""
                        : older + (older == 1 ? " code set was" : " code sets were")
                                + " saved before each code was bound to its position. Run the migrate-cipher command once "
                                + "(see docs/vault.md) to bind them too; until then they stay readable.");
        olderBinding.setVisible(older > 0);
    }

    private static String rewrapSummary(EncryptionOverview overview) {
        int codes = overview.codesToRewrap();
        int secrets = overview.secretsToRewrap();
        String secretsLeft = secrets + (secrets == 1 ? " sign-in secret" : " sign-in secrets");
        if (codes == 0) {
            return secrets == 0
                    ? "Every code is on the newest key version."
                    : "Every code is on the newest key version, but " + secretsLeft + (secrets == 1 ? " is" : " are")
                            + " not: Rewrap now moves them.";
        }
        return codes + (codes == 1 ? " code" : " codes") + (secrets == 0 ? "" : " and " + secretsLeft)
                + (codes + secrets == 1 ? " is" : " are") + " not on the newest key version.";
    }

    private void showProgress(CiphertextJobProgress run) {
        progress.setText(run == null ? "" : run.describe());
        rewrap.setEnabled(run == null || run.finished());
    }

    private void confirmRotation() {
        ConfirmDialog confirm = new ConfirmDialog(
                "Rotate the encryption key?",
                "New codes will be encrypted with a new key version at once. Codes already saved keep working and "
                        + "move to the new version when the rewrap job runs.",
                "Rotate key",
                event -> rotate());
        confirm.setCancelable(true);
        confirm.open();
    }

    private void rotate() {
        try {
            CipherVersion rotated = maintenance.rotateKey();
            notify("The key was rotated: new codes now use " + rotated + ".", NotificationVariant.LUMO_SUCCESS);
        } catch (CipherException e) {
            notify("The key was not rotated: " + e.getMessage(), NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void startRewrap() {
        if (!maintenance.startRewrap()) {
            notify("The rewrap job is already running.", NotificationVariant.LUMO_CONTRAST);
        }
        rewrap.setEnabled(false);
        getUI().ifPresent(this::startPolling);
    }

    private void startPolling(UI ui) {
        if (polling == null) {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(event -> poll());
        }
    }

    private void poll() {
        CiphertextJobProgress run = maintenance.rewrapProgress().orElse(null);
        showProgress(run);
        if (run != null && run.finished()) {
            getUI().ifPresent(this::stopPolling);
            refresh();
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification notification = Notification.show(text, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
