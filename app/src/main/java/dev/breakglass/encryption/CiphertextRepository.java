package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;

import dev.breakglass.crypto.CipherBinding;
import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CipherVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The stored ciphertexts as the maintenance jobs see them: which cipher and key version they were made
 * with, which sets still need work, and compare-and-set replacement. Ciphertexts never leave this feature.
 */
@Repository
class CiphertextRepository {

    private static final Field<String> CIPHER_VERSION = cipherVersionOf(BACKUP_CODE.CIPHERTEXT);

    private static final short CURRENT_BINDING = (short) CipherBinding.CURRENT.number();

    private final DSLContext db;

    CiphertextRepository(DSLContext db) {
        this.db = db;
    }

    /** How many of the workspace's stored codes sit on each cipher and key version; unreadable prefixes are left out. */
    Map<CipherVersion, Integer> countByCipherVersion(UUID workspaceId) {
        Map<CipherVersion, Integer> counts = new TreeMap<>();
        db.select(CIPHER_VERSION, count())
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .and(BACKUP_CODE.WORKSPACE_ID.eq(workspaceId))
                .groupBy(CIPHER_VERSION)
                .fetch()
                .forEach(row -> CipherVersion.of(row.value1()).ifPresent(version -> counts.put(version, row.value2())));
        return counts;
    }

    /** How many of the workspace's code sets still hold ciphertexts made with an older binding than the current one. */
    int countSetsWithOlderBinding(UUID workspaceId) {
        return db.fetchCount(
                BACKUP_CODE_SET,
                BACKUP_CODE_SET.WORKSPACE_ID.eq(workspaceId),
                BACKUP_CODE_SET.CIPHER_BINDING.ne(CURRENT_BINDING),
                DSL.exists(DSL.selectOne()
                        .from(BACKUP_CODE)
                        .where(BACKUP_CODE.SET_ID.eq(BACKUP_CODE_SET.ID))
                        .and(BACKUP_CODE.CIPHERTEXT.isNotNull())));
    }

    int countCodesNeedingWork(Wanted wanted) {
        return db.fetchCount(codesWithTheirSet(), needsWork(wanted));
    }

    int countSetsNeedingWork(Wanted wanted) {
        return db.select(countDistinct(BACKUP_CODE.SET_ID))
                .from(codesWithTheirSet())
                .where(needsWork(wanted))
                .fetchSingle()
                .value1();
    }

    /** The next sets, in id order after {@code after}, that hold a code that is not as wanted. */
    List<UUID> setsNeedingWork(Wanted wanted, UUID after, int limit) {
        return db.selectDistinct(BACKUP_CODE.SET_ID)
                .from(codesWithTheirSet())
                .where(needsWork(wanted))
                .and(after == null ? noCondition() : BACKUP_CODE.SET_ID.gt(after))
                .orderBy(BACKUP_CODE.SET_ID)
                .limit(limit)
                .fetch(BACKUP_CODE.SET_ID);
    }

    /**
     * Locks the set's row for this transaction and answers what its ciphertexts are bound to; empty when another
     * transaction holds it (another run of the same job) or the set is gone.
     */
    Optional<CipherContext> lockSet(UUID setId) {
        return db.select(BACKUP_CODE_SET.ACCOUNT_ID, BACKUP_CODE_SET.CIPHER_BINDING)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .forUpdate()
                .skipLocked()
                .fetchOptional(row -> new CipherContext(row.value1(), setId).boundAs(CipherBinding.of(row.value2())));
    }

    /** The set's codes that are not as wanted, in position order. */
    List<StoredCiphertext> ciphertextsNeedingWork(UUID setId, Wanted wanted) {
        return db.select(BACKUP_CODE.POSITION, BACKUP_CODE.CIPHERTEXT)
                .from(codesWithTheirSet())
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(needsWork(wanted))
                .orderBy(BACKUP_CODE.POSITION)
                .fetch(row -> new StoredCiphertext(row.value1(), row.value2()));
    }

    /** Records that the set's ciphertexts are now all made with {@code binding}. */
    void setBinding(UUID setId, CipherBinding binding) {
        db.update(BACKUP_CODE_SET)
                .set(BACKUP_CODE_SET.CIPHER_BINDING, (short) binding.number())
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .execute();
    }

    /**
     * Replaces each ciphertext only if it is still the one that was read, so a code replaced or deleted in
     * the meantime is left alone. Answers how many were replaced.
     */
    int replace(UUID setId, List<StoredCiphertext> old, List<String> replacements) {
        List<Query> updates = new ArrayList<>(old.size());
        for (int i = 0; i < old.size(); i++) {
            updates.add(db.update(BACKUP_CODE)
                    .set(BACKUP_CODE.CIPHERTEXT, replacements.get(i))
                    .where(BACKUP_CODE.SET_ID.eq(setId))
                    .and(BACKUP_CODE.POSITION.eq(old.get(i).position()))
                    .and(BACKUP_CODE.CIPHERTEXT.eq(old.get(i).ciphertext())));
        }
        int replaced = 0;
        for (int rows : db.batch(updates).execute()) {
            replaced += rows;
        }
        return replaced;
    }

    private static Table<?> codesWithTheirSet() {
        return BACKUP_CODE.join(BACKUP_CODE_SET).on(BACKUP_CODE_SET.ID.eq(BACKUP_CODE.SET_ID));
    }

    /** The cipher and version at the start of a ciphertext ({@code vault:v3}), or NULL for anything else. */
    static Field<String> cipherVersionOf(Field<String> ciphertext) {
        return field("substring({0} from '^[a-z]+:v[0-9]+')", String.class, ciphertext);
    }

    /** A ciphertext that starts with none of the wanted prefixes (none at all when nothing is wanted). */
    static Condition onNoWantedPrefix(Field<String> ciphertext, Wanted wanted) {
        if (wanted.prefixes().isEmpty()) {
            return falseCondition();
        }
        Condition otherPrefix = noCondition();
        for (String prefix : wanted.prefixes()) {
            otherPrefix = otherPrefix.and(ciphertext.notLike(prefix + "%"));
        }
        return otherPrefix;
    }

    /** A stored code needs work when it starts with none of the wanted prefixes, or its set's binding is not wanted. */
    private static Condition needsWork(Wanted wanted) {
        Condition condition = onNoWantedPrefix(BACKUP_CODE.CIPHERTEXT, wanted);
        if (wanted.currentBinding()) {
            condition = condition.or(BACKUP_CODE_SET.CIPHER_BINDING.ne(CURRENT_BINDING));
        }
        return BACKUP_CODE.CIPHERTEXT.isNotNull().and(condition);
    }

    /**
     * What a job wants every stored code to be.
     *
     * @param prefixes a code is as wanted when its ciphertext starts with one of these ({@code vault:v3:})
     * @param currentBinding whether its set must also be bound the current way ({@link CipherBinding#CURRENT})
     */
    record Wanted(List<String> prefixes, boolean currentBinding) {

        Wanted {
            prefixes = List.copyOf(prefixes);
        }
    }

    /** A code as the jobs see it: where it is and its ciphertext, never its value. */
    record StoredCiphertext(int position, String ciphertext) {}
}
