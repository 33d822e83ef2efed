package dev.breakglass.backupcodes;

import dev.breakglass.security.AccountRemoved;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Destroys the codes of a removed account, in the transaction that removes it, as Delete codes does: the
 * ciphertexts are gone, the history lines stay.
 */
@Component
class CodesOfRemovedAccounts {

    private final BackupCodeRepository codes;
    private final Clock clock;

    CodesOfRemovedAccounts(BackupCodeRepository codes, Clock clock) {
        this.codes = codes;
        this.clock = clock;
    }

    @EventListener
    void on(AccountRemoved event) {
        codes.endAllSets(
                event.accountId(), event.actorId(), OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
    }
}
