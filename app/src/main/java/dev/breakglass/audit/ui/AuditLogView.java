package dev.breakglass.audit.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.streams.DownloadHandler;
import dev.breakglass.audit.AuditEntry;
import dev.breakglass.audit.AuditExport;
import dev.breakglass.audit.AuditFilter;
import dev.breakglass.audit.AuditLog;
import dev.breakglass.audit.ChainCheck;
import dev.breakglass.audit.Choice;
import dev.breakglass.security.Capability;
import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The workspace's audit log for admins: filter by person, action, account and dates; export; check the chain. */
@Route("admin/audit")
@Menu(title = "Audit log", order = 3)
@PageTitle("Audit log · Breakglass")
@RolesAllowed(Capability.READ_AUDIT_LOG)
public class AuditLogView extends VerticalLayout implements BeforeEnterObserver {

    /** The query parameters that keep the filters in the URL: a shareable link, and Back returns to the last one. */
    static final String PERSON = "person";

    static final String ACTION = "action";
    static final String ACCOUNT = "account";
    static final String FROM = "from";
    static final String TO = "to";

    private final AuditLog auditLog;
    private final AuditExport export;
    private final Grid<AuditEntry> grid = new Grid<>();
    private final ComboBox<Choice> person = new ComboBox<>("Person");
    private final Select<String> action = new Select<>();
    private final ComboBox<Choice> account = new ComboBox<>("Account");
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Anchor csv = new Anchor();
    private final Anchor jsonLines = new Anchor();
    private final Span chainStatus = new Span();
    private final Span chainHead = new Span();
    private final Button checkAll = new Button("Check every event");
    /** True while the filters take their values from the URL, so that they do not write it back. */
    private boolean applyingUrl;

    public AuditLogView(AuditLog auditLog, AuditExport export) {
        this.auditLog = auditLog;
        this.export = export;
        addClassName("audit-log-view");
        setSizeFull();

        person.setId("audit-person");
        person.setItems(auditLog.people());
        person.setItemLabelGenerator(Choice::label);
        account.setId("audit-account");
        // Fetched a page at a time as the admin types: a workspace may hold thousands of accounts.
        account.setItems(
                query -> auditLog.accounts(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream());
        account.setItemLabelGenerator(Choice::label);
        action.setId("audit-action");
        action.setLabel("Action");
        action.setItems(auditLog.actions());
        action.setEmptySelectionAllowed(true);
        action.setEmptySelectionCaption("Any action");
        action.setItemLabelGenerator(code -> code == null ? "Any action" : AuditEntry.labelOf(code));
        from.setId("audit-from");
        to.setId("audit-to");
        person.addValueChangeListener(event -> showInUrl());
        account.addValueChangeListener(event -> showInUrl());
        action.addValueChangeListener(event -> showInUrl());
        from.addValueChangeListener(event -> showInUrl());
        to.addValueChangeListener(event -> showInUrl());

        csv.setText("Export CSV");
        csv.setId("export-csv");
        jsonLines.setText("Export JSON Lines");
        jsonLines.setId("export-jsonl");
        for (Anchor anchor : new Anchor[] {csv, jsonLines}) {
            anchor.getElement().setAttribute("download", true);
        }

        HorizontalLayout filters = new HorizontalLayout(person, action, account, from, to, csv, jsonLines);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);

        grid.setId("audit-grid");
        grid.setEmptyStateText("No events match these filters.");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(entry -> ActivityList.WHEN.format(entry.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(entry -> entry.actorName() == null ? "Breakglass" : entry.actorName())
                .setHeader("Who")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::actionLabel)
                .setHeader("What")
                .setKey("action")
                .setAutoWidth(true);
        grid.addColumn(entry -> entry.accountLabel() == null ? "" : entry.accountLabel())
                .setHeader("Account")
                .setAutoWidth(true);
        grid.addColumn(AuditEntry::summary)
                .setHeader(ActivityList.detailsHeader())
                .setKey("summary")
                .setFlexGrow(1);
        ActivityList.showRawDetailsOnClick(grid);

        // On opening, only what came since this instance last checked; the button checks every event again.
        showChain(auditLog.chainHead());
        checkAll.setId("audit-check-all");
        checkAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        checkAll.addClickListener(event -> showChain(auditLog.verifyChain()));
        HorizontalLayout chain = new HorizontalLayout(chainStatus, chainHead, checkAll);
        chain.setAlignItems(FlexComponent.Alignment.BASELINE);
        chain.setWrap(true);
        add(new H1("Audit log"), chain, filters, grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        applyingUrl = true;
        try {
            person.setValue(choice(person, query.getSingleParameter(PERSON)));
            account.setValue(query.getSingleParameter(ACCOUNT)
                    .flatMap(AuditLogView::uuid)
                    .flatMap(auditLog::account)
                    .orElse(null));
            action.setValue(query.getSingleParameter(ACTION)
                    .filter(code -> auditLog.actions().contains(code))
                    .orElse(null));
            from.setValue(date(query.getSingleParameter(FROM)));
            to.setValue(date(query.getSingleParameter(TO)));
        } finally {
            applyingUrl = false;
        }
        refresh();
    }

    /** The choice a URL names by id; an unknown or mistyped one filters nothing rather than failing. */
    private static Choice choice(ComboBox<Choice> box, Optional<String> id) {
        return id.flatMap(wanted -> box.getListDataView()
                        .getItems()
                        .filter(choice -> choice.id().toString().equals(wanted))
                        .findFirst())
                .orElse(null);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static LocalDate date(Optional<String> text) {
        try {
            return text.map(LocalDate::parse).orElse(null);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Each filter change is a new history entry: the URL can be shared, and Back undoes the change. */
    private void showInUrl() {
        if (applyingUrl) {
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        if (person.getValue() != null) {
            query.put(PERSON, person.getValue().id().toString());
        }
        if (action.getValue() != null) {
            query.put(ACTION, action.getValue());
        }
        if (account.getValue() != null) {
            query.put(ACCOUNT, account.getValue().id().toString());
        }
        if (from.getValue() != null) {
            query.put(FROM, from.getValue().toString());
        }
        if (to.getValue() != null) {
            query.put(TO, to.getValue().toString());
        }
        getUI().ifPresent(ui -> ui.getPage()
                .getHistory()
                .pushState(
                        null,
                        new Location(
                                RouteConfiguration.forSessionScope().getUrl(AuditLogView.class),
                                QueryParameters.simple(query))));
        refresh();
    }

    AuditFilter filter() {
        return new AuditFilter(
                person.getValue() == null ? null : person.getValue().id(),
                action.getValue(),
                account.getValue() == null ? null : account.getValue().id(),
                from.getValue(),
                to.getValue());
    }

    private void refresh() {
        AuditFilter filter = filter();
        grid.setItems(
                query -> auditLog.search(filter, query.getOffset(), query.getLimit()).stream(),
                query -> auditLog.count(filter));
        csv.setHref(download("breakglass-audit.csv", "text/csv", filter, export::writeCsv));
        jsonLines.setHref(download("breakglass-audit.jsonl", "application/x-ndjson", filter, export::writeJsonLines));
    }

    private static DownloadHandler download(
            String name, String type, AuditFilter filter, BiConsumer<AuditFilter, OutputStream> writer) {
        // Streams straight to the response: a large log is never held in memory.
        return event -> {
            event.setFileName(name);
            event.setContentType(type);
            event.getResponse().setHeader("Cache-Control", "no-store");
            try (OutputStream out = event.getOutputStream()) {
                writer.accept(filter, out);
            }
        };
    }

    private void showChain(ChainCheck check) {
        chainStatus.setText(
                check.intact()
                        ? "Audit chain intact: " + check.eventsChecked()
                                + (check.eventsChecked() == 1 ? " event" : " events") + " checked."
                        : "Audit chain BROKEN at event " + check.firstBrokenSeq()
                                + ": an event was changed or removed.");
        chainStatus.setId("audit-chain-status");
        chainStatus.getElement().getThemeList().clear();
        chainStatus.getElement().getThemeList().add(check.intact() ? "badge success" : "badge error");
        // The head an external monitor compares with what it saw before (docs/deployment.md).
        chainHead.setId("audit-chain-head");
        chainHead.setText(
                check.intact() && !check.headMac().isEmpty()
                        ? "Head: event " + check.headSeq() + ", HMAC " + check.headMac() + " (keyed since event "
                                + check.keyedSince() + ")"
                        : "");
    }
}
