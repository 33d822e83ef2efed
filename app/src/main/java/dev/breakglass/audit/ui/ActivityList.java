package dev.breakglass.audit.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
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
        addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
        setItems(
                query -> auditLog.accountActivity(accountId, query.getOffset(), query.getLimit()).stream(),
                query -> auditLog.countAccountActivity(accountId));
        setHeight("24rem");
    }
}
