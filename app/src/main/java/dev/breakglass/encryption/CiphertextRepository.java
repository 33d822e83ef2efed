package dev.breakglass.encryption;

import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.noCondition;

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
import org.springframework.stereotype.Repository;

/**
 * The stored ciphertexts as the maintenance jobs see them: which cipher and key version they were made
 * with, which sets still need work, and compare-and-set replacement. Ciphertexts never leave this feature.
 */
@Repository
class CiphertextRepository {

    /** The cipher and version at the start of a ciphertext ({@code vault:v3}), or NULL for anything else. */
    private static final Field<String> CIPHER_VERSION =
            field("substring({0} from '^[a-z]+:v[0-9]+')", String.class, BACKUP_CODE.CIPHERTEXT);

    private final DSLContext db;

    CiphertextRepository(DSLContext db) {
        this.db = db;
    }

    /** How many stored codes sit on each cipher and key version; unreadable prefixes are left out. */
    Map<CipherVersion, Integer> countByCipherVersion() {
        Map<CipherVersion, Integer> counts = new TreeMap<>();
        db.select(CIPHER_VERSION, count())
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.CIPHERTEXT.isNotNull())
                .groupBy(CIPHER_VERSION)
                .fetch()
                .forEach(row -> CipherVersion.of(row.value1()).ifPresent(version -> counts.put(version, row.value2())));
        return counts;
    }

    int countCodesNeedingWork(List<String> wantedPrefixes) {
        return db.fetchCount(BACKUP_CODE, needsWork(wantedPrefixes));
    }

    int countSetsNeedingWork(List<String> wantedPrefixes) {
        return db.select(countDistinct(BACKUP_CODE.SET_ID))
                .from(BACKUP_CODE)
                .where(needsWork(wantedPrefixes))
                .fetchSingle()
                .value1();
    }

    /** The next sets, in id order after {@code after}, that hold a ciphertext not starting with a wanted prefix. */
    List<UUID> setsNeedingWork(List<String> wantedPrefixes, UUID after, int limit) {
        return db.selectDistinct(BACKUP_CODE.SET_ID)
                .from(BACKUP_CODE)
                .where(needsWork(wantedPrefixes))
                .and(after == null ? noCondition() : BACKUP_CODE.SET_ID.gt(after))
                .orderBy(BACKUP_CODE.SET_ID)
                .limit(limit)
                .fetch(BACKUP_CODE.SET_ID);
    }

    /**
     * Locks the set's row for this transaction and answers its account; empty when another transaction holds
     * it (another run of the same job) or the set is gone.
     */
    Optional<UUID> lockSet(UUID setId) {
        return db.select(BACKUP_CODE_SET.ACCOUNT_ID)
                .from(BACKUP_CODE_SET)
                .where(BACKUP_CODE_SET.ID.eq(setId))
                .forUpdate()
                .skipLocked()
                .fetchOptional(BACKUP_CODE_SET.ACCOUNT_ID);
    }

    /** The set's ciphertexts that do not start with a wanted prefix, in position order. */
    List<StoredCiphertext> ciphertextsNeedingWork(UUID setId, List<String> wantedPrefixes) {
        return db.select(BACKUP_CODE.POSITION, BACKUP_CODE.CIPHERTEXT)
                .from(BACKUP_CODE)
                .where(BACKUP_CODE.SET_ID.eq(setId))
                .and(needsWork(wantedPrefixes))
                .orderBy(BACKUP_CODE.POSITION)
                .fetch(row -> new StoredCiphertext(row.value1(), row.value2()));
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

    private static Condition needsWork(List<String> wantedPrefixes) {
        Condition condition = BACKUP_CODE.CIPHERTEXT.isNotNull();
        for (String prefix : wantedPrefixes) {
            condition = condition.and(BACKUP_CODE.CIPHERTEXT.notLike(prefix + "%"));
        }
        return condition;
    }

    /** A code as the jobs see it: where it is and its ciphertext, never its value. */
    record StoredCiphertext(int position, String ciphertext) {}
}
