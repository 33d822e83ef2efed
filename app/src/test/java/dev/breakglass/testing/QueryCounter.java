package dev.breakglass.testing;

import java.util.ArrayList;
import java.util.List;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.Query;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.springframework.stereotype.Component;

/**
 * Counts the SQL statements jOOQ runs on the calling thread while a piece of code runs. Part of the shared test
 * context (Spring Boot hands every {@link ExecuteListenerProvider} bean to jOOQ), so a test that counts queries
 * costs no context start of its own; other threads' queries (a background job, another test) are not counted.
 */
@Component
public class QueryCounter implements ExecuteListenerProvider {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
    private static final ThreadLocal<Query> LAST = new ThreadLocal<>();

    private static final ThreadLocal<long[]> TIMING = new ThreadLocal<>();
    private static final ThreadLocal<List<Query>> STATEMENTS = new ThreadLocal<>();

    private final ExecuteListenerProvider listener = new DefaultExecuteListenerProvider(new ExecuteListener() {
        @Override
        public void executeStart(ExecuteContext context) {
            int[] count = COUNTING.get();
            if (count != null) {
                count[0]++;
                LAST.set(context.query());
            }
            long[] timing = TIMING.get();
            if (timing != null) {
                timing[1] = System.nanoTime();
                STATEMENTS.get().add(context.query());
            }
        }

        @Override
        public void end(ExecuteContext context) {
            long[] timing = TIMING.get();
            if (timing != null && timing[1] != 0) {
                timing[0] += System.nanoTime() - timing[1];
                timing[1] = 0;
            }
        }
    });

    /** What a call cost: statements run on this thread, and the time from sending each to its last row read. */
    public record Cost(int queries, long databaseNanos, List<Query> statements) {}

    /** How many statements the call ran on this thread, and how long they took (the benchmarks' measure). */
    public Cost costOf(Runnable call) {
        long[] timing = new long[2];
        List<Query> statements = new ArrayList<>();
        TIMING.set(timing);
        STATEMENTS.set(statements);
        try {
            int queries = during(call);
            return new Cost(queries, timing[0], statements);
        } finally {
            TIMING.remove();
            STATEMENTS.remove();
        }
    }

    @Override
    public ExecuteListener provide() {
        return listener.provide();
    }

    /** The last statement counted on this thread (for an EXPLAIN of what a call ran). */
    public Query last() {
        return LAST.get();
    }

    /** How many statements the call ran on this thread. */
    public int during(Runnable call) {
        int[] count = new int[1];
        COUNTING.set(count);
        try {
            call.run();
        } finally {
            COUNTING.remove();
        }
        return count[0];
    }
}
