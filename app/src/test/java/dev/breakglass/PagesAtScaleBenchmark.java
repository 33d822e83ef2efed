package dev.breakglass;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import dev.breakglass.demo.DemoGenerator;
import dev.breakglass.demo.DemoGenerator.GeneratedWorkspace;
import dev.breakglass.testing.KaribuTest;
import dev.breakglass.testing.QueryCounter;
import dev.breakglass.testing.QueryCounter.Cost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A benchmark, not a test (Surefire does not pick it by name): opens the Accounts page (first page of cards and the
 * overview), All accounts, Members and the Audit log in the real views, as the workspace Owner, in workspaces of
 * 100, 1,000 and 10,000 accounts made by {@code generate-demo}'s generator, and prints for each page the queries
 * it ran, their database time (jOOQ, from sending a statement to its last row) and the server time of the whole
 * page (view, layout and first data fetch), medians of {@value #RUNS} openings after {@value #WARM_UP}. Run with
 * {@code ./mvnw -pl app test -Dtest=PagesAtScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; see
 * docs/benchmarks.md.
 */
class PagesAtScaleBenchmark extends KaribuTest {

    private static final int WARM_UP = 5;
    private static final int RUNS = 15;
    private static final int[] SIZES = {100, 1_000, 10_000};

    @Autowired
    DemoGenerator generator;

    @Autowired
    QueryCounter queries;

    @Autowired
    DSLContext db;

    @Test
    void pagesAtScale() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("Accounts (cards + overview)", "");
        pages.put("All accounts", "all-accounts");
        pages.put("Members", "members");
        pages.put("Audit log", "admin/audit");
        StringBuilder plans = new StringBuilder();
        StringBuilder report = new StringBuilder(
                "%-28s %8s %8s %12s %12s%n".formatted("page", "accounts", "queries", "db ms", "server ms"));
        for (int size : SIZES) {
            long start = System.nanoTime();
            GeneratedWorkspace workspace = generator.generate("Scale " + size, size, Math.max(5, size / 10));
            System.out.printf(
                    "generated %d accounts, %d members in %.1f s%n",
                    size, workspace.members(), (System.nanoTime() - start) / 1e9);
            loginAs(workspace.ownerEmail());
            Map<String, List<Cost>> costs = new LinkedHashMap<>();
            Map<String, List<Long>> serverNanos = new LinkedHashMap<>();
            for (int run = 0; run < WARM_UP + RUNS; run++) {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    long opened = System.nanoTime();
                    Cost cost = queries.costOf(() -> {
                        UI.getCurrent().navigate(page.getValue());
                        MockVaadin.clientRoundtrip();
                    });
                    long server = System.nanoTime() - opened;
                    if (run >= WARM_UP) {
                        costs.computeIfAbsent(page.getKey(), key -> new ArrayList<>())
                                .add(cost);
                        serverNanos
                                .computeIfAbsent(page.getKey(), key -> new ArrayList<>())
                                .add(server);
                    }
                }
            }
            for (String page : pages.keySet()) {
                List<Cost> pageCosts = costs.get(page);
                if (size == SIZES[SIZES.length - 1]) {
                    plans.append("-- ").append(page).append('\n');
                    for (Query statement : pageCosts.get(pageCosts.size() - 1).statements()) {
                        plans.append("%8s ms  %s%n".formatted(executionTime(statement), abbreviated(statement)));
                    }
                }
                report.append("%-28s %8d %8d %12.1f %12.1f%n"
                        .formatted(
                                page,
                                size,
                                pageCosts.get(0).queries(),
                                median(pageCosts.stream()
                                        .mapToLong(Cost::databaseNanos)
                                        .toArray()),
                                median(serverNanos.get(page).stream()
                                        .mapToLong(Long::longValue)
                                        .toArray())));
            }
        }
        System.out.println("Pages at scale (medians of " + RUNS + " openings):\n" + report);
        System.out.println("Statements of each page at " + SIZES[SIZES.length - 1] + " accounts, with the time "
                + "PostgreSQL reports for each (EXPLAIN ANALYZE):\n" + plans);
    }

    /** PostgreSQL's own execution time of a read, or "-" for a statement that changes data. */
    private String executionTime(Query statement) {
        String sql = db.renderInlined(statement);
        if (!sql.stripLeading().toLowerCase(java.util.Locale.ROOT).startsWith("select")) {
            return "-";
        }
        return db.fetch("EXPLAIN ANALYZE " + sql).stream()
                .map(row -> row.get(0, String.class))
                .filter(line -> line.startsWith("Execution Time"))
                .map(line -> line.replaceAll("[^0-9.]", ""))
                .findFirst()
                .orElse("?");
    }

    private String abbreviated(Query statement) {
        String sql = db.renderInlined(statement).replaceAll("\\s+", " ");
        return sql.length() > 160 ? sql.substring(0, 160) + "..." : sql;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
