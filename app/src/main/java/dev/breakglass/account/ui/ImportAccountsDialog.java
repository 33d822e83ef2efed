package dev.breakglass.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import dev.breakglass.account.AccountImport;
import dev.breakglass.account.AccountRefusedException;
import dev.breakglass.account.ImportPreview;
import dev.breakglass.account.ImportRow;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Import accounts: upload a CSV file (kept in memory, at most 1 MB), see what each row would do, then import the
 * valid rows in one go. The template is downloadable here.
 */
class ImportAccountsDialog extends Dialog {

    private final AccountImport importer;
    private final Runnable imported;
    private final Paragraph message = new Paragraph();
    private final Grid<ImportRow> preview = new Grid<>(ImportRow.class, false);
    private final Button importButton = new Button("Import");
    private byte[] file;

    ImportAccountsDialog(AccountImport importer, Runnable imported) {
        this.importer = importer;
        this.imported = imported;
        setHeaderTitle("Import accounts");
        setId("import-accounts-dialog");
        setWidth("min(72rem, 95vw)");

        byte[] template = importer.template().getBytes(StandardCharsets.UTF_8);
        Anchor download = new Anchor(
                DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(template), "breakglass-accounts.csv", "text/csv", template.length)),
                "Download the template");
        download.setId("import-template");
        download.getElement().setAttribute("download", true);

        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> show(data)));
        upload.setId("import-file");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(AccountImport.MAX_BYTES);
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.addFileRejectedListener(
                event -> error("The file was not uploaded: it must be a .csv file of at most 1 MB. "
                        + "Split a larger file and import the parts one by one."));

        message.setId("import-message");
        preview.setId("import-preview");
        preview.setAllRowsVisible(true);
        preview.addColumn(ImportRow::line)
                .setHeader("Line")
                .setKey("line")
                .setAutoWidth(true)
                .setFlexGrow(0);
        preview.addColumn(ImportRow::label).setHeader("Label").setKey("label").setAutoWidth(true);
        preview.addColumn(row -> row.otherApp() ? "Other app: " + row.appName() : row.appName())
                .setHeader("App")
                .setKey("app");
        preview.addColumn(row -> row.loginName() == null ? "" : row.loginName())
                .setHeader("Login name")
                .setKey("login");
        preview.addColumn(row -> row.mfaState().label()).setHeader("MFA").setKey("mfa");
        preview.addColumn(row -> row.owners().isEmpty() ? "You" : String.join(", ", row.owners()))
                .setHeader("Owners")
                .setKey("owners");
        preview.addColumn(row -> String.join(", ", row.collaborators()))
                .setHeader("Collaborators")
                .setKey("collaborators");
        preview.addColumn(row -> row.valid() ? "Will be created" : row.problem())
                .setHeader("Result")
                .setKey("result")
                .setFlexGrow(2);
        preview.setPartNameGenerator(row -> row.valid() ? null : "import-refused");
        preview.setVisible(false);

        add(
                new Paragraph(
                        "One account per row, in these columns: label, app, login name, MFA (On, Off or Unknown), "
                                + "Owners' e-mail addresses, Collaborators' e-mail addresses. Separate several addresses with spaces or "
                                + "semicolons. Rows without Owners get you as their Owner. Codes are never imported: add them on each "
                                + "account afterwards."),
                download,
                upload,
                message,
                preview);

        importButton.setId("confirm-import");
        importButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        importButton.setEnabled(false);
        importButton.addClickListener(event -> importFile());
        getFooter().add(new Button("Cancel", event -> close()), importButton);
    }

    private void show(byte[] data) {
        file = null;
        importButton.setEnabled(false);
        ImportPreview result;
        try {
            result = importer.preview(data);
        } catch (AccountRefusedException e) {
            error(e.getMessage());
            preview.setVisible(false);
            return;
        }
        file = data;
        preview.setItems(result.rows());
        preview.setVisible(true);
        message.removeClassName("import-error");
        message.setText(
                result.toCreate() + (result.toCreate() == 1 ? " account" : " accounts") + " will be created"
                        + (result.refused() == 0
                                ? "."
                                : "; " + result.refused() + (result.refused() == 1 ? " row cannot" : " rows cannot")
                                        + " be imported: see why below, fix the file and upload it again, or import the others now."));
        importButton.setText(result.toCreate() == 1 ? "Import 1 account" : "Import " + result.toCreate() + " accounts");
        importButton.setEnabled(result.toCreate() > 0);
    }

    private void importFile() {
        try {
            ImportPreview done = importer.importAccounts(file);
            close();
            Notification.show(
                            done.toCreate() + (done.toCreate() == 1 ? " account imported." : " accounts imported."),
                            5000,
                            Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            imported.run();
        } catch (AccountRefusedException e) {
            error(e.getMessage());
        }
    }

    private void error(String text) {
        message.setText(text);
        message.addClassName("import-error");
    }
}
