package dev.breakglass.account;

import java.util.List;

/** What an import file would create, row by row, and every row that cannot be imported with the reason. */
public record ImportPreview(List<ImportRow> rows) {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public long toCreate() {
        return rows.stream().filter(ImportRow::valid).count();
    }

    public long refused() {
        return rows.size() - toCreate();
    }
}
