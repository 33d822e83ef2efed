package dev.breakglass.paste;

import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prepares pasted text for the formats, the same way for all of them: one kind of line break; ANSI colour escapes,
 * zero-width, bidi and soft-hyphen characters gone; NFKC (full-width digits, non-breaking spaces); HTML, JSON and
 * quoted CSV reduced to their text; codes marked as used left out; list numbering split off (two numbered columns
 * become one line per item); dates, phone numbers and other non-codes blanked. Nothing in the text is executed.
 */
public final class PasteReader {

    private static final Pattern ANSI =
            Pattern.compile("\u001B(?:\\[[0-?]*[ -/]*[@-~]|\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?|[@-Z\\\\-_])");
    private static final Pattern STRUCK_RUN = Pattern.compile("(?:[^\u0335\u0336\u0338\\n]?[\u0335\u0336\u0338])+");
    private static final Pattern INVISIBLE = Pattern.compile(
            "[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n?|[\u0085\u2028\u2029\u000B\u000C]");
    private static final Pattern CELL_BREAK = Pattern.compile("\\t|\\s{2,}|\\s+\\|\\s+");
    /** Commas or semicolons between the items of a row. */
    private static final Pattern LISTED = Pattern.compile("\\s*[,;]\\s*");

    private static final Pattern STRUCK_MARKDOWN = Pattern.compile("~~.*?~~");
    private static final Pattern USED_MARK = Pattern.compile(
            "(?i)[\u2611\u2612\u2713\u2714\u2705\u2716\u2717\u2718]|\\[[xX\u2713]\\]|[(\\[]\\s*used\\b[^)\\]]{0,40}[)\\]]");
    private static final Pattern UNUSED_MARK = Pattern.compile("[\u2610\u25A1\u25FB\u25FD\u2B1C]|\\[\\s\\]");
    /** A note that the code before it was used: {@code # used 2026-07-14}, {@code used on 3 March}, {@code - used}. */
    private static final Pattern USED_NOTE = Pattern.compile("(?i)^[^\\p{L}\\p{N}]*used\\b");
    /** The gap before a used note that follows a code after a dash or a hash on the same line. */
    private static final Pattern DASHED_USED_NOTE = Pattern.compile(
            "(?i)(?<!\\s)\\s++(?=(?:[-\u2013\u2014]{1,2}|#)\\s*used\\b(?!\\s+(?:once|only|to|for|with|in\\s+place)\\b))");
    /** Dates, removed before asking whether a marked cell also holds a code. */
    private static final Pattern DATE =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[T ][\\d:.]+Z?)?|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}");
    /** A run of 4 or more letters and digits with a digit in it: something that may be a code or part of one. */
    private static final Pattern CODE_LIKE = Pattern.compile("(?=[\\p{L}\\p{N}]*\\p{N})[\\p{L}\\p{N}]{4,}");
    /** A short heading over codes that are no longer valid ("OLD SET (regenerated 12 Nov, no longer valid):"). */
    private static final Pattern RETIRED_HEADING = Pattern.compile(
            "(?i)\\b(?:no longer valid|invalid(?:ated)?|expired|revoked|superseded|old (?:set|codes)|previous (?:set|codes))"
                    + "\\b.*:\\s*$");

    /**
     * A remark that other codes than those under the heading were retired ("recovery code (new; old one invalid
     * now):"): it does not retire the heading's own codes.
     */
    private static final Pattern OTHERS_RETIRED = Pattern.compile(
            "(?i)\\b(?:old|previous|earlier|former)\\s+ones?\\b(?:\\s+(?:is|are|was|were|now|been|has|have|all))*"
                    + "\\s+(?:no longer valid|invalid(?:ated)?|expired|revoked|superseded)\\b");

    /**
     * A code followed on its line by a note that it was used: {@code ab12cd34 — used (2026-10-20)},
     * {@code ab12cd34 - used on 3 May}, {@code ab12cd34 # used}; not "used once" or "used to sign in".
     */
    private static final Pattern TRAILING_USED = Pattern.compile(
            "(?i)\\s(?:[-\u2013\u2014#|:]+|//)\\s*(?:already\\s+)?used\\b(?!\\s+(?:once|only|to|for|with|in\\s+place)\\b)");

    /**
     * A line that says codes were used: "used the last one (91230183)", "Used so far: 06123yuf", "ab12cd34 was used
     * on Monday". The codes it names are left out wherever they appear in the paste; as a heading ("Used so far:"),
     * the codes under it up to a blank line are.
     */
    private static final Pattern USED_LINE = Pattern.compile(
            "(?i)^[^\\p{L}\\p{N}]*(?:already\\s+)?used\\b|\\b(?:was|were|been|got|already)\\s+used\\b(?!\\s+(?:to|for)\\b)");

    /** A code a used note names: letters and digits with a digit, dashes inside, 6 or more characters. */
    private static final Pattern NAMED_CODE = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");

    private static final int MIN_NAMED_CODE = 6;

    /**
     * The armour around a key, certificate, signature or licence ({@code -----BEGIN LICENSE-----} ...
     * {@code -----END LICENSE-----}): nothing between the two lines is a backup code. A signed message's own text is
     * read.
     */
    private static final Pattern ARMOUR_BEGIN = Pattern.compile("^\\s*-{3,}\\s*BEGIN\\b[^\\n]*?-{3,}\\s*$");

    private static final Pattern ARMOUR_END = Pattern.compile("^\\s*-{3,}\\s*END\\b[^\\n]*?-{3,}\\s*$");

    private static final int MAX_ARMOUR = 120;

    /** Words that say codes are still good. */
    private static final Pattern CURRENT =
            Pattern.compile("(?i)\\b(?:new|current|valid|active|unused|remaining|fresh|latest|replacement)\\b");

    private static final int MAX_HEADING = 80;

    /** A line that is only a wiki macro around a block ({@code {noformat}}, {@code {code:none}}): markup, no code. */
    private static final Pattern WIKI_MACRO = Pattern.compile("\\s*\\{[A-Za-z][\\w:=|. -]{0,60}}\\s*");

    /**
     * A list number: {@code 1.}, {@code (2)}, {@code 3:}, {@code #4}, or a bare {@code 5} followed by a wide gap (a
     * PDF's numbered columns, {@code 1  JFIH...    6  GYBM...}) or by one space and a word of 4 or more characters
     * with a letter in it ({@code 1 JFIH...}); a bare number before one space and digits is part of a code.
     */
    /** A list number and a dash at the start of a line: {@code 1- 70648968}, {@code 02 - qr5619o8}. */
    private static final Pattern DASHED_NUMBER = Pattern.compile("\\s*(\\d{1,3}) ?[-\u2013] (?=\\S)");

    private static final Pattern ITEM_NUMBER = Pattern.compile(
            "(?:^|(?<=\\s))(?:\\(?(\\d{1,3})[.):]|#(\\d{1,3})[.:]?|([1-9]\\d?)(?=  |\\t| (?=\\S{0,40}?[A-Za-z])\\S{4}))(?=\\s)");
    /** A quoted line's markers: a mail reply's or a Markdown blockquote's {@code >}, {@code > >}, {@code >>}. */
    private static final Pattern QUOTE_MARKS = Pattern.compile("^[ \\t]*>[> \\t]*");

    private static final Pattern SPACES = Pattern.compile("[\\t ]{2,}|\\t");
    private static final Pattern BULLET =
            Pattern.compile("^\\s*[-*+\u2022\u00B7\u25AA\u25AB\u25E6\u2023\u2043\u25CF\u25CB>]\\s+");

    /**
     * What a chat export puts before each message: {@code [03/12/2026, 18:22:10] Ayo: } (WhatsApp on iOS),
     * {@code 03/12/2026, 18:22 - Ayo: } (on Android), {@code [2026-12-03 18:22] Ayo: }.
     */
    private static final Pattern CHAT_PREFIX =
            Pattern.compile("\\[?\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4},?\\s+\\d{1,2}:\\d{2}"
                    + "(?::\\d{2})?(?:\\s*[AaPp]\\.?[Mm]\\.?)?\\]?\\s*(?:[-\u2013]\\s*)?[^:\\[\\]\\t]{1,40}?:\\s+");

    private PasteReader() {}

    /**
     * Prepares a paste. The caller has already checked the paste's size and that it is text.
     *
     * @param text the text as pasted or decoded
     */
    public static Paste read(String text) {
        String clean = clean(text);
        if (MarkupText.looksLikeHtml(clean)) {
            clean = MarkupText.of(clean);
        } else if (MarkupText.looksLikeXml(clean)) {
            clean = MarkupText.ofXml(clean);
        } else if (DataText.looksLikeJson(clean)) {
            clean = DataText.jsonValues(clean);
        }
        List<PasteLine> lines = new ArrayList<>();
        UsedColumn usedColumn = UsedColumn.NONE;
        boolean retired = false;
        boolean armoured = false;
        RangeColumns ranges = new RangeColumns();
        String[] raws = clean.split("\n", -1);
        Set<String> usedElsewhere = usedCodesNamed(raws);
        Set<Integer> afterABlankLine = new HashSet<>();
        for (String raw : raws) {
            if (raw.isBlank()) {
                afterABlankLine.add(lines.size());
            }
            String line = DataText.looksLikeQuotedCsv(raw) ? DataText.csvFields(raw) : raw;
            if (line.isBlank() || (retired && isCurrentHeading(line))) {
                // A blank line or a heading of current codes ("NEW SET:") ends the codes a heading retired.
                retired = false;
            }
            if (armoured || isArmour(line, ARMOUR_BEGIN)) {
                // A key, certificate or licence between its armour lines holds no code.
                armoured = !(armoured && isArmour(line, ARMOUR_END))
                        && !line.contains("SIGNED MESSAGE")
                        && !line.contains("FORWARDED");
                continue;
            }
            if (ranges.read(line, lines)) {
                continue;
            }
            if (retired || usedColumn.marksUsed(line) || isUsedLine(line)) {
                // A code of a set that is no longer valid, a row ticked in a "used" column, a note that names used
                // codes: not saved.
                continue;
            }
            if (line.indexOf('{') >= 0 && WIKI_MACRO.matcher(line).matches()) {
                continue;
            }
            addItems(withoutUsedCodes(usedElsewhere.isEmpty() ? line : withoutNamed(line, usedElsewhere)), lines);
            usedColumn = UsedColumn.of(line).orElse(usedColumn);
            retired = line.length() <= MAX_HEADING
                    && line.stripTrailing().endsWith(":")
                    && (RETIRED_HEADING
                                    .matcher(OTHERS_RETIRED.matcher(line).replaceAll(" "))
                                    .find()
                            || isUsedHeading(line));
        }
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (NotCodes.labelsTheNextLine(lines.get(i).original())) {
                // A heading of several keys ("Licence keys (Office 2021)") labels every line up to a blank one.
                boolean several = NotCodes.labelsSeveral(lines.get(i).original());
                for (int next = i + 1; next < lines.size(); next++) {
                    PasteLine key = lines.get(next);
                    if (next > i + 1 && (!several || afterABlankLine.contains(next))) {
                        break;
                    }
                    lines.set(next, new PasteLine(key.index(), key.number(), "", key.original()));
                }
            }
        }
        return new Paste(lines);
    }

    /** Whether a line holds "used" in any case: only then can it list used codes. */
    private static boolean mentionsUsed(String line) {
        for (int at = 1; at + 3 <= line.length(); at++) {
            char c = line.charAt(at);
            if ((c == 's' || c == 'S') && line.regionMatches(true, at - 1, "used", 0, 4)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The codes that the paste's used notes name, in lower case: those on a line that says they were used, and those
     * under a heading such as "Used so far:" up to a blank line.
     */
    private static Set<String> usedCodesNamed(String[] lines) {
        Set<String> used = new HashSet<>();
        boolean underHeading = false;
        for (String line : lines) {
            if (line.isBlank() || (underHeading && isCurrentHeading(line))) {
                underHeading = false;
            } else if (underHeading || isUsedLine(line)) {
                Matcher code = NAMED_CODE.matcher(DATE.matcher(line).replaceAll(" "));
                while (code.find()) {
                    if (code.group().length() >= MIN_NAMED_CODE
                            && code.group().chars().anyMatch(Character::isDigit)) {
                        used.add(code.group().toLowerCase(Locale.ROOT));
                    }
                }
                // A code printed in groups ("Used so far: 2222 2222, 3333-3333"): each listed item, as one code.
                String listed = REMARK_IN_BRACKETS
                        .matcher(DATE.matcher(line).replaceAll(" "))
                        .replaceAll(" ");
                for (String item : USED_ITEMS.split(listed)) {
                    String bare = canonical(item.substring(Math.max(item.lastIndexOf(':') + 1, 0)));
                    if (bare.length() >= MIN_NAMED_CODE
                            && bare.chars().allMatch(Character::isLetterOrDigit)
                            && bare.chars().anyMatch(Character::isDigit)) {
                        used.add(bare);
                    }
                }
            }
            underHeading |= isUsedHeading(line);
        }
        return used;
    }

    /** An armour line: short, and starting with dashes. */
    private static boolean isArmour(String line, Pattern armour) {
        return line.length() <= MAX_ARMOUR
                && line.stripLeading().startsWith("---")
                && armour.matcher(line).matches();
    }

    /** A short line that says it names used codes. */
    private static boolean isUsedLine(String line) {
        return line.length() <= MAX_HEADING
                && containsIgnoringCase(line, "used")
                && USED_LINE.matcher(line).find()
                && !UsedColumn.of(line).isPresent();
    }

    /**
     * A heading of codes still good: a short line that ends in a colon, holds nothing like a code, and says the codes
     * under it are new, current, unused or remaining ("NEW SET:", "Unused:"); a sub-heading such as "Personal:" under
     * retired codes does not end them.
     */
    private static boolean isCurrentHeading(String line) {
        return line.length() <= MAX_HEADING
                && line.stripTrailing().endsWith(":")
                && !CODE_LIKE.matcher(line).find()
                && CURRENT.matcher(line).find()
                && !RETIRED_HEADING.matcher(line).find()
                && !isUsedHeading(line);
    }

    /** A heading of used codes: "Used so far:", "Already used:". */
    private static boolean isUsedHeading(String line) {
        return line.length() <= MAX_HEADING
                && line.stripTrailing().endsWith(":")
                && USED_NOTE.matcher(line).find();
    }

    private static boolean containsIgnoringCase(String text, String word) {
        for (int i = 0; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    /** The line with every code that a used note named blanked: a word, two words in a row, or the whole line. */
    private static String withoutNamed(String line, Set<String> used) {
        if (used.contains(canonical(line))) {
            return "";
        }
        List<int[]> words = new ArrayList<>();
        Matcher word = NAMED_CODE.matcher(line);
        while (word.find()) {
            words.add(new int[] {word.start(), word.end()});
        }
        for (int i = 0; i + 1 < words.size(); i++) {
            int[] first = words.get(i);
            int[] second = words.get(i + 1);
            if (line.substring(first[1], second[0]).isBlank()
                    && used.contains(canonical(line.substring(first[0], second[1])))) {
                line = line.substring(0, first[0]) + " ".repeat(second[1] - first[0]) + line.substring(second[1]);
            }
        }
        return withoutNamedWords(line, used);
    }

    private static String withoutNamedWords(String line, Set<String> used) {
        Matcher code = NAMED_CODE.matcher(line);
        StringBuilder kept = new StringBuilder(line.length());
        int at = 0;
        while (code.find()) {
            if (used.contains(code.group().toLowerCase(Locale.ROOT))) {
                kept.append(line, at, code.start())
                        .append(" ".repeat(code.group().length()));
                at = code.end();
            }
        }
        return kept.append(line, at, line.length()).toString();
    }

    /** The items of a list of used codes: split by commas, semicolons, bars, slashes or wide gaps. */
    /** A remark in parentheses after a used code: "(Feb, when Sam lost his phone)". */
    private static final Pattern REMARK_IN_BRACKETS = Pattern.compile("\\([^()]*\\)");

    private static final Pattern USED_ITEMS = Pattern.compile("[,;|/\\t]|\\s{2,}");

    /** A code as compared with the codes a used note names: without dashes and white space, in lower case. */
    private static String canonical(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** Markdown's bold: two asterisks or two underscores on either side of text on one line. */
    private static final Pattern BOLD = Pattern.compile("(\\*\\*|__)(\\S(?:[^*_\\n]*?\\S)?)\\1");

    /** An en dash or a hyphen other than the ASCII one, between two letters or digits. */
    private static final Pattern DASH_INSIDE =
            Pattern.compile("(?<=[\\p{L}\\p{N}])[\u2010\u2011\u2013](?=[\\p{L}\\p{N}])");

    /** Text-level clean-up, before the text's structure is looked at. */
    static String clean(String text) {
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        // Each pattern only where the text holds the characters it needs: a long paste usually holds none.
        if (clean.indexOf('\u001B') >= 0) {
            clean = ANSI.matcher(clean).replaceAll("");
        }
        // Combining strokes mark struck-through characters; NFKC would keep them, so mark the run first.
        if (clean.indexOf('\u0335') >= 0 || clean.indexOf('\u0336') >= 0 || clean.indexOf('\u0338') >= 0) {
            clean = STRUCK_RUN
                    .matcher(clean)
                    .replaceAll(match -> Matcher.quoteReplacement(
                            "~~" + match.group().replaceAll("[\u0335\u0336\u0338]", "") + "~~"));
        }
        if (!Normalizer.isNormalized(clean, Normalizer.Form.NFKC)) {
            clean = Normalizer.normalize(clean, Normalizer.Form.NFKC);
        }
        clean = INVISIBLE.matcher(clean).replaceAll("");
        if (clean.contains("**") || clean.contains("__")) {
            // Markdown's bold around a code ("**dvpjmwxc**") is emphasis, not part of it.
            clean = BOLD.matcher(clean).replaceAll("$2");
        }
        if (clean.indexOf('\u2013') >= 0 || clean.indexOf('\u2010') >= 0 || clean.indexOf('\u2011') >= 0) {
            // An en dash or a Unicode hyphen typed (or autocorrected) inside a code is the code's dash.
            clean = DASH_INSIDE.matcher(clean).replaceAll("-");
        }
        return LINE_BREAK.matcher(clean).replaceAll("\n");
    }

    /**
     * The line without the cells marked as used and without struck-through text; cells are joined by tabs. A marked
     * cell that holds no code itself (a status column: "✓ used 2026-09-02", "(used)", "# used") marks its whole row.
     */
    private static String withoutUsedCodes(String line) {
        // Struck-out text ends a cell: what stood on either side of it is never read as one code.
        String unstruck = line.contains("~~") ? STRUCK_MARKDOWN.matcher(line).replaceAll("\t") : line;
        if (mentionsUsed(unstruck)) {
            // "4821 9375 - used 2 Nov", "k3f9 # used": the note after a dash or a hash is a cell of its own.
            unstruck = DASHED_USED_NOTE.matcher(unstruck).replaceFirst("\t");
        }
        List<String> kept = new ArrayList<>();
        String stripped = unstruck.strip();
        String[] cells = mayHoldCells(stripped) ? CELL_BREAK.split(stripped) : new String[] {stripped};
        if (cells.length == 1
                && (stripped.indexOf(',') >= 0 || stripped.indexOf(';') >= 0)
                && mayHoldMarks(stripped)
                && USED_MARK.matcher(stripped).find()) {
            // A row of codes split by commas with a used mark after some ("djbk1vda (used), q90nrv0p"): each its cell.
            cells = LISTED.split(stripped);
        }
        if (cells.length == 1
                && containsIgnoringCase(stripped, "used")
                && TRAILING_USED.matcher(stripped).find()) {
            // "ab12cd34 — used (2026-10-20)": the code before the note was used.
            return "";
        }
        for (String cell : cells) {
            boolean marks = mayHoldMarks(cell);
            boolean used = (marks && USED_MARK.matcher(cell).find()) || (cells.length > 1 && isUsedNote(cell));
            if (used && cells.length > 1 && !holdsCodeLikeText(cell)) {
                return "";
            }
            if (!used) {
                kept.add((marks ? UNUSED_MARK.matcher(cell).replaceAll(" ") : cell).strip());
            }
        }
        return String.join("\t", kept);
    }

    private static boolean isUsedNote(String cell) {
        return cell.length() < MAX_HEADING && USED_NOTE.matcher(cell).find();
    }

    /** Whether a cell holds something like a code once its used mark, its note and any date are taken out. */
    private static boolean holdsCodeLikeText(String cell) {
        String rest = USED_MARK.matcher(cell).replaceAll(" ").replaceAll("(?i)\\bused\\b", " ");
        return CODE_LIKE.matcher(DATE.matcher(rest).replaceAll(" ")).find();
    }

    /**
     * The column of a table or CSV whose header is "used" (or "used?", "status"), and its separator: a row with a
     * tick, "yes" or "used" in that column is a used code. Under a header such as "Used on" or "Date used", a row
     * with a date in the column is one too.
     */
    private record UsedColumn(char separator, int index, boolean dated) {

        static final UsedColumn NONE = new UsedColumn('\0', -1, false);
        private static final Pattern HEADER = Pattern.compile("(?i)\\s*(?:used\\??|is used|status)\\s*");
        /** A column of the dates codes were used on: any date in it marks its row's code used. */
        private static final Pattern DATED_HEADER = Pattern.compile(
                "(?i)\\s*(?:used\\s+(?:on|at|when)|(?:date|day|when)\\s+used|used\\s+date|redeemed(?:\\s+on)?)\\s*");

        private static final Pattern DATED = Pattern.compile("\\d");
        private static final Pattern TRUTHY = Pattern.compile(
                "(?i)\\s*\\(?(?:yes|y|x|true|used|[\u2611\u2612\u2713\u2714\u2705])\\b.*|\\s*[\u2611\u2612\u2713\u2714\u2705].*");

        static Optional<UsedColumn> of(String line) {
            for (char separator : new char[] {',', ';', '\t', '|'}) {
                if (line.indexOf(separator) < 0) {
                    continue;
                }
                String[] cells = split(line, separator);
                for (int i = 0; i < cells.length; i++) {
                    if (HEADER.matcher(cells[i]).matches()) {
                        return Optional.of(new UsedColumn(separator, i, false));
                    }
                    if (DATED_HEADER.matcher(cells[i]).matches()) {
                        return Optional.of(new UsedColumn(separator, i, true));
                    }
                }
            }
            return Optional.empty();
        }

        boolean marksUsed(String line) {
            if (index < 0 || line.indexOf(separator) < 0) {
                return false;
            }
            String[] cells = split(line, separator);
            return index < cells.length
                    && (TRUTHY.matcher(cells[index]).matches()
                            || (dated && DATED.matcher(cells[index]).find()));
        }

        private static String[] split(String line, char separator) {
            return line.split(Pattern.quote(String.valueOf(separator)), -1);
        }
    }

    /**
     * The columns of a table whose header numbers them with ranges ({@code | 1-5 | 6-10 |}, {@code Codes 1–5   Codes
     * 6–10}): the codes down each column carry its numbers, so they are read 1, 2, 3... as the header says, not row
     * by row. The ranges must follow on from each other; a blank line or a row of another width ends the table.
     */
    private static final class RangeColumns {

        private static final Pattern RANGE =
                Pattern.compile("(?:[\\p{L}#]+\\s+)?(\\d{1,3})\\s*[-\u2013\u2014]\\s*(\\d{1,3})");
        private static final Pattern RULE = Pattern.compile("[\\s|:\u2013\u2014-]*");
        private static final Pattern CELL = Pattern.compile("\\s*\\|\\s*|\\t|\\s{2,}");

        private List<Integer> starts = List.of();
        private int rows;

        /**
         * Reads a line: true when it is a rule or a row of a table numbered by ranges, and its cells have been added as
         * numbered items; false when the line is to be read as any other (a header among them).
         */
        boolean read(String line, List<PasteLine> lines) {
            if (line.isBlank()) {
                starts = List.of();
                return false;
            }
            if (!starts.isEmpty()) {
                if (RULE.matcher(line).matches()) {
                    return true;
                }
                String[] cells = cells(line);
                if (cells.length == starts.size()) {
                    for (int i = 0; i < cells.length; i++) {
                        add(withoutUsedCodes(cells[i]), OptionalInt.of(starts.get(i) + rows), lines);
                    }
                    rows++;
                    return true;
                }
            }
            starts = header(line);
            rows = 0;
            return false;
        }

        /** The first number of each column's range when the line is such a header; otherwise none. */
        private static List<Integer> header(String line) {
            if (line.length() > MAX_HEADING || !holdsARange(line)) {
                return List.of();
            }
            String[] cells = cells(line);
            if (cells.length < 2) {
                return List.of();
            }
            List<Integer> starts = new ArrayList<>();
            int expected = -1;
            for (String cell : cells) {
                Matcher range = RANGE.matcher(cell);
                if (!range.matches()) {
                    return List.of();
                }
                int from = Integer.parseInt(range.group(1));
                int to = Integer.parseInt(range.group(2));
                if (to < from || (expected >= 0 && from != expected)) {
                    return List.of();
                }
                starts.add(from);
                expected = to + 1;
            }
            return List.copyOf(starts);
        }

        /** A digit, a dash (spaces around it allowed) and a digit: the cheap part of a range header's test. */
        private static boolean holdsARange(String line) {
            for (int i = 1; i + 1 < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '-' || c == '\u2013' || c == '\u2014') {
                    int before = i - 1;
                    while (before > 0 && line.charAt(before) == ' ') {
                        before--;
                    }
                    int after = i + 1;
                    while (after + 1 < line.length() && line.charAt(after) == ' ') {
                        after++;
                    }
                    if (Character.isDigit(line.charAt(before)) && Character.isDigit(line.charAt(after))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static String[] cells(String line) {
            String row = line.strip();
            if (row.startsWith("|")) {
                row = row.substring(1);
            }
            if (row.endsWith("|")) {
                row = row.substring(0, row.length() - 1);
            }
            return CELL.split(row.strip(), -1);
        }
    }

    /** Whether a line holds a tab, a bar or two white-space characters in a row, without which it is one cell. */
    private static boolean mayHoldCells(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t' || c == '|' || (isSpace(c) && i + 1 < line.length() && isSpace(line.charAt(i + 1)))) {
                return true;
            }
        }
        return false;
    }

    /** {@code \s}: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether a cell holds a bracket, a parenthesis or a symbol, without which it holds no used or unused mark. */
    private static boolean mayHoldMarks(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '[' || c == '(' || c >= '\u2000') {
                return true;
            }
        }
        return false;
    }

    /** Adds the line, or each numbered item on it when it starts with a list number. */
    private static void addItems(String quoted, List<PasteLine> lines) {
        // A quoted line is read as the line it quotes.
        String line = quoted.indexOf('>') >= 0 ? QUOTE_MARKS.matcher(quoted).replaceFirst("") : quoted;
        Matcher dashed = DASHED_NUMBER.matcher(line);
        if (dashed.lookingAt()) {
            add(line.substring(dashed.end()), OptionalInt.of(Integer.parseInt(dashed.group(1))), lines);
            return;
        }
        Matcher number = ITEM_NUMBER.matcher(line);
        List<int[]> starts = new ArrayList<>();
        while (number.find()) {
            int value = Integer.parseInt(
                    number.group(1) != null
                            ? number.group(1)
                            : number.group(2) != null ? number.group(2) : number.group(3));
            starts.add(new int[] {number.start(), number.end(), value});
        }
        boolean numbered =
                !starts.isEmpty() && line.substring(0, starts.get(0)[0]).isBlank();
        if (!numbered) {
            add(line, OptionalInt.empty(), lines);
            return;
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : line.length();
            add(line.substring(starts.get(i)[1], end), OptionalInt.of(starts.get(i)[2]), lines);
        }
    }

    /** A chat export's message without the date, time and sender before it. */
    private static String withoutChatPrefix(String message) {
        if (message.isEmpty() || (message.charAt(0) != '[' && !Character.isDigit(message.charAt(0)))) {
            return message;
        }
        Matcher prefix = CHAT_PREFIX.matcher(message);
        return prefix.lookingAt() ? message.substring(prefix.end()) : message;
    }

    /**
     * A Markdown table's row without the bars at its two edges ({@code | fb24 | ed8b |}), so that its cells read as
     * the cells of any other table: a key laid out one group a cell is joined like a key in a grid.
     */
    private static String withoutTableEdges(String row) {
        if (row.length() < 2 || row.charAt(0) != '|' || row.charAt(row.length() - 1) != '|') {
            return row;
        }
        return row.substring(1, row.length() - 1).strip();
    }

    private static void add(String item, OptionalInt number, List<PasteLine> lines) {
        Matcher bullet = BULLET.matcher(item);
        String unbulleted = withoutTableEdges(
                withoutChatPrefix((bullet.lookingAt() ? item.substring(bullet.end()) : item).strip()));
        boolean cells = unbulleted.indexOf('\t') >= 0 || unbulleted.contains("  ");
        String original = cells ? SPACES.matcher(unbulleted).replaceAll(" ") : unbulleted;
        if (original.isEmpty()) {
            return;
        }
        // The text keeps a tab between cells, so that no format joins the end of one cell to the start of the next.
        String text = cells ? SPACES.matcher(unbulleted).replaceAll("\t") : unbulleted;
        lines.add(new PasteLine(lines.size(), number, NotCodes.blank(text), original));
    }
}
