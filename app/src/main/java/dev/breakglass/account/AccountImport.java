package dev.breakglass.account;

import dev.breakglass.formats.CodeFormats;
import dev.breakglass.security.AccessPolicy;
import dev.breakglass.security.AccountAdded;
import dev.breakglass.security.AccountRole;
import dev.breakglass.security.MemberGrant;
import dev.breakglass.security.NotFoundException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports accounts from a CSV file for the workspace Owner, Super Admins and Admins: a preview of every row first,
 * then one transaction that creates every valid row or nothing. Codes are never imported. Each account created is
 * audited on its own, as an added account marked imported.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class AccountImport {

    /** The largest file accepted. */
    public static final int MAX_BYTES = 1024 * 1024;

    static final int MAX_ROWS = 5000;
    static final List<String> COLUMNS = List.of("label", "app", "login name", "MFA", "owners", "collaborators");

    private static final CSVFormat CSV =
            CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get();

    private final AccessPolicy access;
    private final AccountRepository accounts;
    private final CodeFormats formats;
    private final ApplicationEventPublisher events;

    AccountImport(
            AccessPolicy access, AccountRepository accounts, CodeFormats formats, ApplicationEventPublisher events) {
        this.access = access;
        this.accounts = accounts;
        this.formats = formats;
        this.events = events;
    }

    /** Whether the signed-in member may import accounts (to show the button; the other methods check again). */
    public boolean mayImport() {
        try {
            return access.requireMember().role().mayImportAccounts();
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** A file to fill in: the columns and two example rows. */
    public String template() {
        requireImporter();
        return String.join(",", COLUMNS) + "\r\n"
                + "Acme GitHub,GitHub,acme-admin,On,alice@example.com,bob@example.com; carol@example.com\r\n"
                + "Payroll portal,Payroll Co,payroll@example.com,Unknown,,\r\n";
    }

    /**
     * What importing the file would do, row by row. Saves nothing.
     *
     * @throws AccountRefusedException when the file is too large, not UTF-8 text or not CSV
     */
    public ImportPreview preview(byte[] file) {
        MemberGrant grant = requireImporter();
        return check(grant.user().workspaceId(), read(file));
    }

    /**
     * Creates an account for every valid row of the file, in one transaction: either all of them or none. The person
     * importing is the Owner of rows that name no Owner.
     *
     * @return what was created and what was left out
     * @throws AccountRefusedException when the file cannot be read, no row is valid, or a label was taken meanwhile
     */
    @Transactional
    public ImportPreview importAccounts(byte[] file) {
        MemberGrant grant = requireImporter();
        UUID workspaceId = grant.user().workspaceId();
        UUID userId = grant.user().userId();
        List<Parsed> rows = read(file);
        Map<String, AccountRepository.Member> people = accounts.findMembersByEmail(workspaceId, emails(rows));
        ImportPreview preview = check(workspaceId, rows, people);
        if (preview.toCreate() == 0) {
            throw new AccountRefusedException(
                    "No row of this file can be imported. Fix the rows the preview lists and upload it again.");
        }
        List<AccountRepository.Grant> grants = new ArrayList<>();
        List<AccountAdded> added = new ArrayList<>();
        try {
            for (ImportRow row : preview.rows()) {
                if (!row.valid()) {
                    continue;
                }
                UUID accountId = UUID.randomUUID();
                String appKey = row.otherApp()
                        ? AppChoice.OTHER
                        : formats.appKeyOf(row.appName()).orElseThrow();
                AccountForm form = new AccountForm(
                        appKey,
                        row.otherApp() ? row.appName() : null,
                        row.label(),
                        row.loginName(),
                        row.mfaState(),
                        null,
                        null);
                accounts.insert(workspaceId, accountId, form, userId);
                List<UUID> owners = row.owners().isEmpty()
                        ? List.of(userId)
                        : row.owners().stream()
                                .map(email -> people.get(email).person().userId())
                                .toList();
                List<UUID> collaborators = row.collaborators().stream()
                        .map(email -> people.get(email).person().userId())
                        .toList();
                owners.forEach(owner -> grants.add(new AccountRepository.Grant(accountId, owner, AccountRole.OWNER)));
                collaborators.forEach(
                        c -> grants.add(new AccountRepository.Grant(accountId, c, AccountRole.COLLABORATOR)));
                added.add(new AccountAdded(
                        workspaceId,
                        userId,
                        accountId,
                        row.label(),
                        appKey,
                        row.appName(),
                        row.mfaState().name(),
                        owners,
                        collaborators,
                        true));
            }
        } catch (DuplicateKeyException e) {
            throw new AccountRefusedException(
                    "Someone added an account with one of these labels while you were importing, "
                            + "so nothing was imported. Upload the file again to see the rows as they are now.");
        }
        accounts.insertAccess(workspaceId, grants, userId);
        added.forEach(events::publishEvent);
        return preview;
    }

    private MemberGrant requireImporter() {
        MemberGrant grant = access.requireMember();
        if (!grant.role().mayImportAccounts()) {
            throw new NotFoundException("The workspace");
        }
        return grant;
    }

    /** A row as read from the file: its line and its cells, at least six, blanks as empty strings. */
    private record Parsed(int line, List<String> cells) {

        String cell(int column) {
            return cells.get(column);
        }
    }

    private static List<Parsed> read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new AccountRefusedException("The file is empty. Fill in the template and upload it again.");
        }
        if (file.length > MAX_BYTES) {
            throw new AccountRefusedException(
                    "The file is larger than 1 MB. Split it into smaller files and import them one by one.");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AccountRefusedException(
                    "The file is not UTF-8 text. Save it as \u201cCSV UTF-8\u201d and upload it again.");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Parsed> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSV)) {
            for (CSVRecord record : parser) {
                List<String> cells = new ArrayList<>(record.toList());
                while (cells.size() < COLUMNS.size()) {
                    cells.add("");
                }
                int line = (int) record.getRecordNumber();
                if (line == 1 && cells.get(0).equalsIgnoreCase(COLUMNS.get(0))) {
                    continue;
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                rows.add(new Parsed(line, cells));
                if (rows.size() > MAX_ROWS) {
                    throw new AccountRefusedException("The file has more than " + MAX_ROWS
                            + " accounts. Split it into smaller files and import them one by one.");
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new AccountRefusedException(
                    "The file is not valid CSV (check its quotes). Save it as CSV and upload it again.");
        }
        if (rows.isEmpty()) {
            throw new AccountRefusedException("The file holds no accounts. Fill in the template and upload it again.");
        }
        return rows;
    }

    private ImportPreview check(UUID workspaceId, List<Parsed> rows) {
        return check(workspaceId, rows, accounts.findMembersByEmail(workspaceId, emails(rows)));
    }

    /** The rows checked against the workspace, with its members already looked up by e-mail address. */
    private ImportPreview check(UUID workspaceId, List<Parsed> rows, Map<String, AccountRepository.Member> people) {
        Set<String> labels = new LinkedHashSet<>();
        rows.forEach(row -> labels.add(row.cell(0).toLowerCase(Locale.ROOT)));
        Set<String> taken = accounts.findTakenLabels(workspaceId, labels);
        Map<String, Integer> firstLine = new HashMap<>();
        List<ImportRow> checked = new ArrayList<>(rows.size());
        for (Parsed row : rows) {
            checked.add(check(row, taken, people, firstLine));
        }
        return new ImportPreview(checked);
    }

    private ImportRow check(
            Parsed row,
            Set<String> taken,
            Map<String, AccountRepository.Member> people,
            Map<String, Integer> firstLine) {
        String label = row.cell(0);
        String appText = row.cell(1);
        Optional<String> appKey = formats.appKeyOf(appText);
        String appName = appKey.map(formats::appName).orElse(appText);
        String loginName = row.cell(2).isEmpty() ? null : row.cell(2);
        Optional<MfaState> mfa = mfa(row.cell(3));
        List<String> owners = addresses(row.cell(4));
        List<String> collaborators = addresses(row.cell(5));
        List<String> problems = new ArrayList<>();
        AccountRules.labelProblem(label).ifPresent(problems::add);
        String key = label.toLowerCase(Locale.ROOT);
        Integer earlier = label.isEmpty() ? null : firstLine.putIfAbsent(key, row.line());
        if (earlier != null) {
            problems.add("Line " + earlier + " already has the label \u201c" + label + "\u201d.");
        } else if (taken.contains(key)) {
            problems.add(AccountRules.labelClash(label));
        }
        if (appText.isEmpty()) {
            problems.add("The app is missing: name it, such as GitHub.");
        } else if (appKey.isEmpty() && appText.length() > AccountRules.APP_NAME_MAX) {
            problems.add("The app's name is too long: keep it to " + AccountRules.APP_NAME_MAX + " characters.");
        }
        if (loginName != null && loginName.length() > AccountRules.LOGIN_NAME_MAX) {
            problems.add("The login name is too long: keep it to " + AccountRules.LOGIN_NAME_MAX + " characters.");
        }
        if (mfa.isEmpty()) {
            problems.add("\u201c" + row.cell(3) + "\u201d is not an MFA value: use On, Off or Unknown.");
        }
        for (String email : owners) {
            AccountRepository.Member member = people.get(email);
            if (member == null || !member.active()) {
                problems.add(unknown(email));
            } else if (!member.person().mayOwn()) {
                problems.add(member.person().displayName() + " (" + email + ") is a "
                        + member.person().workspaceRole().label() + " and can only be a Collaborator.");
            }
        }
        for (String email : collaborators) {
            AccountRepository.Member member = people.get(email);
            if (member == null || !member.active()) {
                problems.add(unknown(email));
            } else if (owners.contains(email)) {
                problems.add(email + " is listed as both Owner and Collaborator: keep one.");
            }
        }
        return new ImportRow(
                row.line(),
                label,
                appName,
                appKey.isEmpty(),
                loginName,
                mfa.orElse(MfaState.UNKNOWN),
                owners,
                collaborators,
                problems.isEmpty() ? null : String.join(" ", problems));
    }

    private static String unknown(String email) {
        return "No active member has the e-mail address " + email + ".";
    }

    private static Optional<MfaState> mfa(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "unknown", "mfa unknown" -> Optional.of(MfaState.UNKNOWN);
            case "on", "mfa on" -> Optional.of(MfaState.ON);
            case "off", "mfa off" -> Optional.of(MfaState.OFF);
            default -> Optional.empty();
        };
    }

    /** The e-mail addresses in a cell, separated by spaces, commas or semicolons, lower case, each once. */
    private static List<String> addresses(String cell) {
        return Arrays.stream(cell.split("[\\s;,]+"))
                .filter(part -> !part.isBlank())
                .map(part -> part.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }

    private static Set<String> emails(List<Parsed> rows) {
        Set<String> emails = new LinkedHashSet<>();
        rows.forEach(row -> {
            emails.addAll(addresses(row.cell(4)));
            emails.addAll(addresses(row.cell(5)));
        });
        return emails;
    }
}
