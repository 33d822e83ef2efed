package dev.breakglass.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import dev.breakglass.audit.AuditEntry;
import dev.breakglass.audit.AuditLog;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** What happened to one account, newest first, fetched page by page: the account page's Activity tab. */
public class ActivityList extends Grid<AuditEntry> {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'");

    public ActivityList(AuditLog auditLog, UUID accountId) {
        setId("account-activity");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        addColumn(entry -> WHEN.format(entry.at()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(entry -> entry.actorName() == null ? "Breakglass" : entry.actorName())
                .setHeader("Who")
                .setAutoWidth(true);
        addColumn(AuditEntry::actionLabel).setHeader("What").setKey("action").setAutoWidth(true);
        addColumn(AuditEntry::summary)
                .setHeader(detailsHeader())
                .setKey("summary")
                .setFlexGrow(1);
        showRawDetailsOnClick(this);
        setItems(
                query -> auditLog.accountActivity(accountId, query.getOffset(), query.getLimit()).stream(),
                query -> auditLog.countAccountActivity(accountId));
        setHeight("24rem");
    }

    /** The Details header, with its hint on a line of its own: a narrow column must not cut the hint off. */
    static Span detailsHeader() {
        Span hint = new Span("Click a row for the raw record");
        hint.addClassName("audit-details-hint");
        Span header = new Span(new Span("Details"), hint);
        header.addClassName("audit-details-header");
        return header;
    }

    /** The words are what people read; the raw record (ids included) opens under a row that is clicked. */
    static void showRawDetailsOnClick(Grid<AuditEntry> grid) {
        grid.setItemDetailsRenderer(new ComponentRenderer<>(entry -> {
            Pre raw = new Pre(entry.action() + " " + entry.details());
            raw.addClassName("audit-raw-details");
            return raw;
        }));
        grid.setDetailsVisibleOnClick(true);
    }
}
