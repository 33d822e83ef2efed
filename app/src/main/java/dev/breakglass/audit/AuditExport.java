package dev.breakglass.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Service;

/** Writes the audit log as CSV or JSON Lines, one event a row, streamed. */
@Service
public class AuditExport {

    private static final String[] COLUMNS = {
        "seq", "at", "actor", "actor_id", "action", "account", "account_id", "details"
    };

    private final AuditLog log;
    private final ObjectMapper json = new ObjectMapper();

    AuditExport(AuditLog log) {
        this.log = log;
    }

    public void writeCsv(AuditFilter filter, OutputStream out) {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv =
                        CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(writer)) {
            int[] rows = {0};
            log.export(filter, entry -> {
                rows[0]++;
                try {
                    csv.printRecord(
                            entry.seq(),
                            entry.at(),
                            safe(entry.actorName()),
                            entry.actorId(),
                            entry.action(),
                            safe(entry.accountLabel()),
                            entry.accountId(),
                            entry.details());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            log.recordExport("csv", rows[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeJsonLines(AuditFilter filter, OutputStream out) {
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            int[] rows = {0};
            log.export(filter, entry -> {
                rows[0]++;
                try {
                    ObjectNode line = json.createObjectNode();
                    line.put("seq", entry.seq());
                    line.put("at", entry.at().toString());
                    line.put("actor", entry.actorName());
                    line.put(
                            "actorId",
                            entry.actorId() == null ? null : entry.actorId().toString());
                    line.put("action", entry.action());
                    line.put("account", entry.accountLabel());
                    line.put(
                            "accountId",
                            entry.accountId() == null ? null : entry.accountId().toString());
                    line.set("details", json.readTree(entry.details()));
                    writer.write(json.writeValueAsString(line));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            log.recordExport("jsonl", rows[0]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps a spreadsheet from reading a name such as "=cmd" as a formula. */
    static String safe(String cell) {
        if (cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
