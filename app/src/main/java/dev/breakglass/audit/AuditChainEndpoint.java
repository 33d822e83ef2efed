package dev.breakglass.audit;

import dev.breakglass.security.InstallationOperators;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/auditchain}: every workspace's audit chain head, for an external monitor that records it and
 * raises the alarm when a head it saw disappears, the count falls, the HMAC at a count it saw changes, or a chain is
 * broken (docs/deployment.md). {@code ?full=true} checks every event again instead of only what came since this
 * instance's last check. Ids, counts and HMACs only: nothing an event says.
 */
@Component
@Endpoint(id = "auditchain")
class AuditChainEndpoint {

    private final AuditChain chain;
    private final InstallationOperators installation;

    AuditChainEndpoint(AuditChain chain, InstallationOperators installation) {
        this.chain = chain;
        this.installation = installation;
    }

    @ReadOperation
    List<Head> heads(@Nullable Boolean full) {
        return installation.allWorkspaces().stream()
                .map(workspaceId -> head(workspaceId, Boolean.TRUE.equals(full)))
                .toList();
    }

    private Head head(UUID workspaceId, boolean full) {
        ChainCheck check = full ? chain.checkAll(workspaceId) : chain.checkSinceLast(workspaceId);
        return new Head(
                workspaceId,
                check.intact(),
                check.headSeq(),
                check.headMac(),
                check.keyedSince(),
                check.firstBrokenSeq());
    }

    /** One workspace's chain head, as the endpoint answers it. */
    record Head(UUID workspace, boolean intact, long count, String headHmac, long keyedSince, long firstBrokenSeq) {}
}
