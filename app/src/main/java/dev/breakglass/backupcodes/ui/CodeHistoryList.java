package dev.breakglass.backupcodes.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.breakglass.backupcodes.CodeSetHistory;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Every set of codes an account has had: when, by whom, how many, how many were used. */
class CodeHistoryList extends Div {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'");

    CodeHistoryList(List<CodeSetHistory> history) {
        setId("codes-history");
        addClassName("codes-history");
        if (history.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        history.forEach(set -> list.add(new ListItem(describe(set))));
        add(new Span("History"), list);
    }

    static String describe(CodeSetHistory set) {
        String saved = set.codeCount() + (set.codeCount() == 1 ? " code saved " : " codes saved ")
                + WHEN.format(set.savedAt()) + " by " + set.savedByName();
        String used = set.usedCount() + " used";
        return switch (set.state()) {
            case "REPLACED" ->
                saved + "; replaced " + WHEN.format(set.endedAt()) + " by " + set.endedByName() + "; " + used + ".";
            case "DELETED" ->
                saved + "; deleted " + WHEN.format(set.endedAt()) + " by " + set.endedByName() + "; " + used + ".";
            default -> saved + "; in use; " + used + ".";
        };
    }
}
