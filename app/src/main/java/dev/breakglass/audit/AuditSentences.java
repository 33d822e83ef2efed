package dev.breakglass.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.WorkspaceRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An audit event's details in words, for the Audit log and an account's Activity: whom it was about and the counts
 * that matter ("Gina Guest, now Admin (was User)", "16 new codes replace 14 (2 used)"). Ids stay out of the words;
 * the raw details are one click away in the views.
 */
final class AuditSentences {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditSentences() {}

    static String summary(AuditEntry entry) {
        JsonNode details;
        try {
            details = JSON.readTree(entry.details() == null ? "{}" : entry.details());
        } catch (JsonProcessingException e) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        boolean aboutSomeoneElse =
                entry.subjectName() != null && !entry.subjectName().equals(entry.actorName());
        if (aboutSomeoneElse) {
            parts.add(entry.subjectName() + roles(entry.action(), details));
        } else {
            String roles = roles(entry.action(), details);
            if (!roles.isEmpty()) {
                parts.add(roles.replaceFirst("^, ", ""));
            }
        }
        codes(details, parts);
        if (details.hasNonNull("position")) {
            parts.add("code " + details.get("position").asInt()
                    + (details.hasNonNull("remaining")
                            ? ", " + details.get("remaining").asInt() + " unused left"
                            : ""));
        }
        if (details.hasNonNull("while")) {
            parts.add("while " + details.get("while").asText());
        }
        text(details, "reason", "reason: ", parts);
        text(details, "note", "note: ", parts);
        text(details, "label", "", parts);
        if (details.hasNonNull("previousName") && details.hasNonNull("name")) {
            parts.add("renamed from “" + details.get("previousName").asText() + "” to “"
                    + details.get("name").asText() + "”");
        } else {
            text(details, "name", "", parts);
        }
        if (details.hasNonNull("count")) {
            int count = details.get("count").asInt();
            parts.add(count + (count == 1 ? " failure" : " failures") + " in a row");
        }
        if (details.has("changes") && details.get("changes").isObject()) {
            List<String> changes = new ArrayList<>();
            for (Map.Entry<String, JsonNode> change : details.get("changes").properties()) {
                changes.add(change.getKey() + " “"
                        + change.getValue().path("before").asText("") + "” → “"
                        + change.getValue().path("after").asText("") + "”");
            }
            if (!changes.isEmpty()) {
                parts.add(String.join(", ", changes));
            }
        }
        if (details.has("notes")) {
            parts.add("notes changed");
        }
        if (details.has("orphanedAccounts") && details.get("orphanedAccounts").size() > 0) {
            int orphaned = details.get("orphanedAccounts").size();
            parts.add(orphaned + (orphaned == 1 ? " account" : " accounts") + " left without an Account owner");
        }
        text(details, "error", "error: ", parts);
        return String.join("; ", parts);
    }

    private static void codes(JsonNode details, List<String> parts) {
        if (!details.hasNonNull("codes")) {
            return;
        }
        int codes = details.get("codes").asInt();
        if (details.hasNonNull("oldCodes")) {
            int old = details.get("oldCodes").asInt();
            int used = details.path("oldUsed").asInt(0);
            parts.add(codes + " new " + plural(codes, "code") + " replace " + old
                    + (used > 0 ? " (" + used + " used)" : ""));
        } else if (details.hasNonNull("used")) {
            int used = details.get("used").asInt();
            parts.add(codes + " " + plural(codes, "code") + (used > 0 ? ", " + used + " of them used" : ""));
        } else {
            parts.add(codes + " " + plural(codes, "code"));
        }
    }

    /** ", now Admin (was User)": workspace roles for members, account roles for access. */
    private static String roles(String action, JsonNode details) {
        if (!details.hasNonNull("role")) {
            return "";
        }
        boolean account = action.startsWith("ACCESS_");
        String now = roleName(details.get("role").asText(), account);
        if (details.hasNonNull("previousRole")) {
            return ", now " + now + " (was "
                    + roleName(details.get("previousRole").asText(), account) + ")";
        }
        return ", as " + now;
    }

    private static String roleName(String name, boolean account) {
        try {
            if (account) {
                AccountRole role = AccountRole.valueOf(name);
                return role == AccountRole.OWNER ? "Account owner" : role.label();
            }
            WorkspaceRole role = WorkspaceRole.valueOf(name);
            return role == WorkspaceRole.OWNER ? "Workspace owner" : role.label();
        } catch (IllegalArgumentException e) {
            return name.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static void text(JsonNode details, String key, String prefix, List<String> parts) {
        if (details.hasNonNull(key)
                && !details.get(key).asText().isBlank()
                && !details.get(key).isContainerNode()) {
            parts.add(prefix
                    + (prefix.isEmpty()
                            ? details.get(key).asText()
                            : "“" + details.get(key).asText() + "”"));
        }
    }

    private static String plural(int count, String word) {
        return count == 1 ? word : word + "s";
    }
}
