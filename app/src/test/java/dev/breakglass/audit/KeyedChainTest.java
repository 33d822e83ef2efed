package dev.breakglass.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.RoleFixtures;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The keyed chain: whoever owns the tables (the test's database role does) can rewrite an event and rebuild the
 * unkeyed hash chain so that the database's own digest agrees, but not the HMACs, whose key is outside the database.
 */
@SpringBootTest
class KeyedChainTest {

    @Autowired
    DSLContext db;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditChain chain;

    @Autowired
    AuditChainEndpoint endpoint;

    @Autowired
    RoleFixtures fixtures;

    @Test
    void rewrittenEvent_withARebuiltUnkeyedChain_isFoundBroken() {
        UUID workspace = fixtures.newWorkspace().id();
        long first = head(workspace);
        for (int i = 0; i < 4; i++) {
            auditLog.append(workspace, null, "TEST_EVENT", null, details -> details.put("n", 1));
        }
        long rewritten = first + 2;
        assertThat(chain.checkAll(workspace).intact()).isTrue();

        rewriteAndRebuild(workspace, rewritten, "{\"n\": 2}");
        try {
            assertThat(unkeyedCheckInTheDatabaseFindsNothing(workspace)).isTrue();
            ChainCheck check = chain.checkAll(workspace);
            assertThat(check.intact()).isFalse();
            assertThat(check.firstBrokenSeq()).isEqualTo(rewritten);
        } finally {
            rewriteAndRebuild(workspace, rewritten, "{\"n\": 1}");
        }
        assertThat(chain.checkAll(workspace).intact()).isTrue();
    }

    @Test
    void eventsFromBeforeTheKeyedChain_areAnchoredByItsFirstHmac() {
        // A workspace whose events an older version wrote: chained by the database, without an HMAC.
        UUID old = UUID.randomUUID();
        db.execute("insert into workspace (id, name) values (?, 'Older')", old);
        db.execute("insert into audit_event (workspace_id, action) values (?, 'OLD_EVENT')", old);
        db.execute("insert into audit_event (workspace_id, action) values (?, 'OLD_EVENT')", old);
        assertThat(chain.checkAll(old).intact()).isTrue();
        assertThat(chain.checkAll(old).keyedSince()).isZero();

        auditLog.append(old, null, "NEW_EVENT", null, details -> {});
        ChainCheck check = chain.checkAll(old);
        assertThat(check.intact()).isTrue();
        assertThat(check.keyedSince()).isEqualTo(3);
        assertThat(check.headSeq()).isEqualTo(3);

        // The first old event rewritten and every later hash rebuilt: the first HMAC covers them through the links.
        rewriteAndRebuild(old, 1, "{\"rewritten\": true}");
        assertThat(unkeyedCheckInTheDatabaseFindsNothing(old)).isTrue();
        assertThat(chain.checkAll(old).firstBrokenSeq()).isEqualTo(3);
    }

    @Test
    void head_isExposedToAMonitor_withCountAndHmac() {
        UUID workspace = fixtures.newWorkspace().id();
        auditLog.append(workspace, null, "TEST_EVENT", null, details -> {});
        long count = head(workspace);

        var head = endpoint.heads(true).stream()
                .filter(h -> h.workspace().equals(workspace))
                .findFirst()
                .orElseThrow();
        assertThat(head.intact()).isTrue();
        assertThat(head.count()).isEqualTo(count);
        assertThat(head.headHmac()).matches("[0-9a-f]{64}");

        auditLog.append(workspace, null, "TEST_EVENT", null, details -> {});
        var next = endpoint.heads(false).stream()
                .filter(h -> h.workspace().equals(workspace))
                .findFirst()
                .orElseThrow();
        assertThat(next.count()).isEqualTo(count + 1);
        assertThat(next.headHmac()).isNotEqualTo(head.headHmac());
    }

    private long head(UUID workspace) {
        Object seq = db.fetchValue("select coalesce(max(seq), 0) from audit_event where workspace_id = ?", workspace);
        return ((Number) seq).longValue();
    }

    /** What the owner role can do: switch the guard off, rewrite an event, rebuild every later hash and link. */
    private void rewriteAndRebuild(UUID workspace, long seq, String details) {
        db.transaction(tx -> {
            tx.dsl().execute("alter table audit_event disable trigger audit_event_append_only");
            tx.dsl()
                    .execute(
                            "update audit_event set details = ?::jsonb where workspace_id = ? and seq = ?",
                            details,
                            workspace,
                            seq);
            tx.dsl()
                    .execute("do $$ declare r record; prev bytea; begin "
                            + "select hash into prev from audit_event where workspace_id = '" + workspace
                            + "' and seq = "
                            + (seq - 1) + "; "
                            + "for r in select id from audit_event where workspace_id = '" + workspace + "' and seq >= "
                            + seq
                            + " order by seq loop "
                            + "update audit_event set prev_hash = prev, hash = audit_event_digest(prev, workspace_id, seq, "
                            + "actor_id, action, account_id, at, details) where id = r.id returning hash into prev; "
                            + "end loop; end $$");
            tx.dsl().execute("alter table audit_event enable trigger audit_event_append_only");
        });
    }

    /** The check the database alone can make (every hash recomputed and linked) finds nothing wrong. */
    private boolean unkeyedCheckInTheDatabaseFindsNothing(UUID workspace) {
        return db.fetchValue(
                        "select count(*) = 0 from (select hash, prev_hash, lag(hash) over (order by seq) as before, "
                                + "audit_event_digest(prev_hash, workspace_id, seq, actor_id, action, account_id, at, "
                                + "details) as expected from audit_event where workspace_id = ?) e "
                                + "where hash <> expected or prev_hash is distinct from before",
                        workspace)
                .equals(Boolean.TRUE);
    }
}
