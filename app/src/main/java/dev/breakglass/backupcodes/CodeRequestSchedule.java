package dev.breakglass.backupcodes;

import dev.breakglass.backupcodes.CodeRequestChanged.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to requests without anyone acting: a waiting period ends with nobody's answer (the request is
 * approved by itself), an approval's window ends unused (it expires). Each batch claims its rows with
 * {@code FOR UPDATE SKIP LOCKED} in one transaction with its events, so several instances share the work and a
 * request being answered or taken at that moment is left to that answer.
 */
@Component
public class CodeRequestSchedule {

    private static final int BATCH = 100;

    private final CodeRequestRepository requests;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration approvalValidFor;

    CodeRequestSchedule(
            CodeRequestRepository requests,
            TransactionTemplate transaction,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${breakglass.requests.approval-valid-for:1h}") Duration approvalValidFor) {
        this.requests = requests;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.approvalValidFor = approvalValidFor;
    }

    /** Approves every pending request whose waiting period is over; returns how many. */
    public int approveOverdue() {
        int total = 0;
        int batch;
        do {
            batch = inTransaction(Change.AUTO_APPROVED);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    /** Expires every approval whose window is over; returns how many. */
    public int expireOverdue() {
        int total = 0;
        int batch;
        do {
            batch = inTransaction(Change.EXPIRED);
            total += batch;
        } while (batch == BATCH);
        return total;
    }

    private int inTransaction(Change change) {
        Integer done = transaction.execute(status -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            var due = change == Change.AUTO_APPROVED
                    ? requests.approveOverdue(now, approvalValidFor, BATCH)
                    : requests.expireOverdue(now, BATCH);
            due.forEach(request -> events.publishEvent(new CodeRequestChanged(
                    request.workspaceId(),
                    request.accountId(),
                    request.id(),
                    null,
                    request.requesterId(),
                    change,
                    null)));
            return due.size();
        });
        return done == null ? 0 : done;
    }
}
