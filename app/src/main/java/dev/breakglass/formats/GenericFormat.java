package dev.breakglass.formats;

import dev.breakglass.paste.LookAlikes;
import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last resort, for apps without a plugin and codes typed by hand: one code per cell (cells split by tabs, wide
 * gaps, commas, semicolons, bars or bullets), or several separated by spaces. A cell counts only when every word in
 * it looks like a code (6 to 40 letters and digits, or up to 128 hexadecimal digits, at least one digit, dashes or
 * underscores inside), after a label such as "Recovery code:" or "recovery =", so headers and sentences are reported
 * as unreadable rather than becoming codes. Quotes and backticks around a code and a remark in parentheses after it
 * are left aside. Digit groups such as {@code 1234 5678} (or {@code 1234.5678}) and two or three equal blocks such
 * as {@code b695 e5b2} are one code; a long key printed in equal blocks ({@code 4283 fefc 63f0 cd0e ...}) is one
 * key; letter-spaced text ({@code a d 2 0 ...}) is read without its spaces. Lines of short blocks that are no code on
 * their own are joined: 4-digit halves two by two (a PDF's {@code 2916} over {@code 6184}), other blocks into one key
 * (a grid, a key one group a line). A code of letters only is taken when it has the layout (groups, case) of at
 * least two other codes that make up half the paste's codes, and is not an English word.
 */
final class GenericFormat implements CodeFormat {

    static final String ID = "generic";
    static final String NAME = "Generic list";

    private static final Pattern CELL = Pattern.compile("\\t|\\s{2,}");
    private static final String STRONG_SEPARATORS = ",;|\u2022\u00B7";
    private static final Pattern LABEL = Pattern.compile(
            "^[\\p{L}][\\p{L}\\p{N} ()'./_-]{1,40}?\\s*(?::|=|\\u2013|\\u2014|\\s-|-+>|=>|[\\u2192\\u21D2\\u27A1\\u00BB])\\s+");
    /** A name of letters and dashes, its colon, and a value of 16 or more letters and digits right after it. */
    private static final Pattern GLUED_LABEL = Pattern.compile("[\\p{L}][\\p{L}_-]{2,40}:(?=[A-Za-z0-9]{16})");
    /** What a dash or slash with spaces around it separates: words of two or more characters, never letter spacing. */
    private static final String SPACED_SEPARATORS = "/-\u2013\u2014";

    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d{3,5}(?:([ ._])\\d{3,5})(?:\\1\\d{3,5}){0,2}");
    /** "and", "or" or "&" between two words with a digit near their ends: codes of a row. */
    private static final Pattern CONNECTOR_BETWEEN_CODES = Pattern.compile(
            "(?<=[0-9][A-Za-z0-9-]{0,9}),?\\s+(?:and|or|&)\\s+(?=[A-Za-z0-9-]{0,9}[0-9][A-Za-z0-9-]{0,9}\\b)");
    /** Three or more groups of 3 to 8 letters and digits, all of one size, with a spaced dash between each. */
    private static final Pattern SPACED_DASH_GROUPS = Pattern.compile("([A-Za-z0-9]{3,8})(?: - [A-Za-z0-9]{3,8}){2,7}");
    /** Groups of 4 to 8 letters and digits with a dot between: a code retyped with dots. */
    private static final Pattern DOTTED_GROUPS = Pattern.compile("[A-Za-z0-9]{4,8}(?:\\.[A-Za-z0-9]{4,8}){1,3}");

    private static final Pattern BLOCKS = Pattern.compile("[A-Za-z0-9]{4,8}(?: [A-Za-z0-9]{4,8}){3,}");
    private static final Pattern FEW_BLOCKS = Pattern.compile("[A-Za-z0-9]{4,8}(?: [A-Za-z0-9]{4,8}){1,2}");
    private static final Pattern SEPARATORS = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Za-z].*");
    /**
     * A capitalised word with a short number before or after it: {@code 1Password}, {@code Office365},
     * {@code Pixel7a}.
     */
    private static final Pattern NUMBERED_NAME =
            Pattern.compile("\\d{1,4}[A-Z][a-z]{3,}|[A-Z][a-z]{3,}\\d{1,4}[a-z]{0,2}");
    /** A full stop, exclamation or question mark after a word, ending a sentence: never part of a code. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[\\p{L}\\p{N})])[.!?]+(?![^\\s])");
    /**
     * Quotes, backticks and brackets at the edges of a word (never inside one: {@code 000a"0000} is not a code), as
     * around the strings of a list in code: {@code ['ab12cd34', 'ef56gh78']}.
     */
    private static final Pattern QUOTES = Pattern.compile(
            "(?<![^\\s])[`\"'\u201C\u201D\u2018\u2019\\[\\]()]+|[`\"'\u201C\u201D\u2018\u2019\\[\\]()]+(?![^\\s])");

    private static final Pattern REMARK = Pattern.compile("\\(\\s*\\p{L}[^)]*\\)?");
    private static final Pattern WORD_IN_LABEL = Pattern.compile("\\p{L}[\\p{L}\\p{N}]");
    private static final Pattern LETTER_SPACED = Pattern.compile("\\S(?: \\S){3,}");
    private static final Pattern PIECE_BLOCKS = Pattern.compile("[A-Za-z0-9]{3,8}(?:[ \\t-]+[A-Za-z0-9]{3,8})*");
    /** Digits in two to four groups of 2 to 5, of sizes not all equal or of 2 ({@code 675 057 34}). */
    private static final Pattern REGROUPED_DIGITS = Pattern.compile("\\d{2,5}(?: \\d{2,5}){1,3}");

    /** A label's word (of three letters or more), before a colon that ends a longer label. */
    private static final Pattern LONG_LABEL_WORD = Pattern.compile("\\p{L}{3}");
    /**
     * A label that calls what follows a code: "Backup code:", "Code 7:", "Scratch code (single use):", "Backup code
     * for ops@ (admin login):".
     */
    private static final Pattern NAMES_A_CODE = Pattern.compile(
            "(?i)\\bcodes?(?:\\s*(?:#|no\\.?\\s*)?\\d{1,3})?(?:\\s+for\\s[^:]{1,40})?(?:\\s*\\([^)]*\\))?\\s*(?::|=|-|\\u2013|\\u2014)?\\s*$");
    /** How far into a piece the colon that ends a longer label may be. */
    private static final int MAX_LABEL = 120;
    /** A longer label (a sentence before its colon) counts only when it names backup or recovery codes. */
    private static final int MAX_SHORT_LABEL = 60;
    /** The shortest code of letters only taken alone, because the paste calls it a code. */
    private static final int MIN_LABELLED_LETTERS = 8;
    /** How many lines with text above a lone letters-only value may call it a backup code. */
    private static final int LINES_NAMING_A_CODE = 2;
    /**
     * A setting's name and an equals sign without spaces, as in a {@code .env} file; a label only when the name speaks
     * of codes ({@code BACKUP_CODES=}), never a token's or a password's name.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile("^[\\p{L}][\\p{L}\\p{N}_.-]{0,40}=(?=\\S)");

    private static final Pattern NAMES_CODES = Pattern.compile("(?i)code|backup|recovery");
    /** A cell of a list of letter blocks: cells split by tabs, wide gaps, commas, semicolons or bars. */
    private static final Pattern LIST_CELL = Pattern.compile("\\t|\\s{2,}|\\s*[,;|]\\s*");
    /** Three to eight blocks of 3 to 8 letters, split by single spaces or dashes. */
    private static final Pattern LETTER_BLOCKS = Pattern.compile("[A-Za-z]{3,8}(?:[ -][A-Za-z]{3,8}){2,7}");

    private static final int MIN_LETTER_BLOCK_LIST = 3;
    /** The longest cell {@link #LETTER_BLOCKS} can match: eight blocks of eight and their separators. */
    private static final int MAX_LETTER_BLOCKS = 71;
    /** Words that call what a sentence holds backup codes, keys or tokens. */
    private static final String CODE_NAME =
            "\\b(?:recovery|backup|scratch|bypass|rescue|emergency|break-?glass)\\s+(?:codes?|keys?|tokens?)\\b";
    /** Words that call a value in a sentence a code ("scratch token", "recovery code"). */
    private static final Pattern NAMES_A_CODE_IN_A_SENTENCE = Pattern.compile("(?i)" + CODE_NAME);
    /** "codes" alone, which names them in a sentence that lists several. */
    private static final Pattern CODES_WORD = Pattern.compile("(?i)\\bcodes\\b");
    /** A word in a sentence: letters and digits with dashes inside. */
    private static final Pattern SENTENCE_WORD =
            Pattern.compile("(?<![\\p{L}\\p{N}_@./:-])[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*(?![\\p{L}\\p{N}_@/:-])");
    /** Letters then digits, or digits then letters: a name and its number, never a random code. */
    private static final Pattern WORD_AND_NUMBER = Pattern.compile("[A-Za-z]{3,}\\d+|\\d+[A-Za-z]{3,}");

    private static final int MIN_SENTENCE_CODE = 8;
    /** The fewest codes of one layout in a sentence that need no word calling them codes. */
    private static final int MIN_UNNAMED_ROW = 5;
    /** What names an identifier just before a value in a sentence: "Event ID 4c7d2f9e1a", "commit 9f8a7b6c", "#A12B34". */
    private static final Pattern IDENTIFIER_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:id|ref|reference|ticket|order|session|request|event|ip|serial|version|build|commit|hash|sha"
                    + "|number|no|case|invoice|transaction|device|host|user|account|key)\\s*[#:.=]?|#)\\s*$");
    /** A paste that names one key or code, and one that names several. */
    private static final Pattern ONE_KEY =
            Pattern.compile("(?i)\\b(?:recovery|emergency|backup|rescue|break-?glass|master)\\s+(?:key|code)\\b(?!s)"
                    // German, French, Spanish: Wiederherstellungscode, code de récupération, clave de recuperación
                    + "|\\bwiederherstellungs(?:code|schlüssel)\\b|\\b(?:code|clé) de (?:récupération|secours)\\b"
                    + "|\\b(?:código|clave) de recuperación\\b");

    private static final Pattern MANY_KEYS =
            Pattern.compile("(?i)\\b(?:codes|keys|wiederherstellungscodes|backup-codes|códigos)\\b");
    private static final int MAX_KEY_BLOCKS = 16;
    /** The shortest code made of a PDF's blocks. */
    private static final int MIN_SPLIT_CODE = 8;
    /** A page's number in a print's header or footer: "Page 1/2", "- 3 -", "2 of 5". */
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("(?i)\\W*(?:page\\s*)?\\d{1,3}(?:\\s*(?:/|of)\\s*\\d{1,3})?\\W*");
    /** A line of a key printed as a grid: blocks of up to 8 letters and digits (of one size, with a digit). */
    private static final Pattern KEY_LINE = Pattern.compile("[A-Za-z0-9]{1,8}(?:[ -][A-Za-z0-9]{1,8}){0,7}");
    /** Longer text is never matched against the block patterns (whose repetition would recurse deep). */
    private static final int MAX_BLOCKED_TEXT = 400;

    private static final int MAX_REGROUPED_DIGITS = 12;
    private static final int MIN_REGROUPED = 3;
    private static final int MIN_LENGTH = 6;
    private static final int MAX_LENGTH = 40;
    private static final int MAX_HEX_LENGTH = 128;
    private static final int MIN_KEY_LENGTH = 16;
    private static final int MIN_JOINED_KEY = 12;
    private static final int MAX_JOINED_KEY = 64;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> appKeys() {
        return Set.of();
    }

    @Override
    public String displayName() {
        return NAME;
    }

    @Override
    public Optional<URI> settingsPage() {
        return Optional.empty();
    }

    @Override
    public OptionalInt expectedCodeCount() {
        return OptionalInt.empty();
    }

    @Override
    public double confidence(Paste paste) {
        return read(paste).codes().isEmpty() ? 0 : 0.1;
    }

    @Override
    public FormatReading read(Paste paste) {
        List<FoundCode> found = new ArrayList<>();
        List<Candidate> lettersOnly = new ArrayList<>();
        List<Candidate> regrouped = new ArrayList<>();
        List<Candidate> mixedCaseKeys = new ArrayList<>();
        List<PasteLine> unread = new ArrayList<>();
        List<PasteLine> lines = paste.lines();
        for (int l = 0; l < lines.size(); l++) {
            PasteLine line = lines.get(l);
            int before = found.size();
            String text = line.text();
            if (l + 1 < lines.size() && wrapsAtADash(text, lines.get(l + 1))) {
                // A code wrapped at one of its dashes (DD8Q-2MDW- over WJ7X-WPYS): the next line goes on this one.
                text = text.stripTrailing() + lines.get(++l).text().strip();
            }
            if (connectsCodes(text, " and ") || connectsCodes(text, " or ") || connectsCodes(text, " & ")) {
                // "... 4v43uc06 and ltldfu86.": a word between two codes of a row separates them as a comma would.
                text = CONNECTOR_BETWEEN_CODES.matcher(text).replaceAll(", ");
            }
            Matcher cells = CELL.matcher(text);
            int cellStart = 0;
            while (true) {
                boolean more = cells.find();
                int cellEnd = more ? cells.start() : text.length();
                if (!hasSpacedSeparator(text, cellStart, cellEnd)
                        || !codesInPieces(
                                text,
                                cellStart,
                                cellEnd,
                                true,
                                line.index(),
                                found,
                                lettersOnly,
                                regrouped,
                                mixedCaseKeys)) {
                    codesInPieces(
                            text,
                            cellStart,
                            cellEnd,
                            false,
                            line.index(),
                            found,
                            lettersOnly,
                            regrouped,
                            mixedCaseKeys);
                }
                if (!more) {
                    break;
                }
                cellStart = cells.end();
            }
            if (found.size() == before && line.hasContent()) {
                unread.add(line);
            }
        }
        joinWrappedKeys(mixedCaseKeys, found);
        List<PasteLine> unreadable = new ArrayList<>();
        joinBlockLines(paste, unread, found, unreadable);
        takeDigitsInOneGrouping(regrouped, found, unreadable);
        takeLettersOnlyOfTheCodesLayout(paste, lettersOnly, found, unreadable);
        takeListsOfLetterBlocks(paste, found, unreadable);
        if (found.isEmpty()) {
            takeCodesInSentencesThatNameThem(paste, found, unreadable);
        }
        joinTheOneKeyThePasteNames(paste, found);
        return new FormatReading(found, unreadable);
    }

    /** Whether every line between two lines is blank, a page's number, or blocks of a key (as a grid goes on). */
    private static boolean onlyKeyLinesBetween(Paste paste, int from, int to) {
        for (int i = from + 1; i < to && i < paste.lines().size(); i++) {
            String text = paste.lines().get(i).text();
            String line = text.strip();
            boolean keyLine = KEY_LINE.matcher(line).matches()
                    && HAS_DIGIT.matcher(line).matches()
                    && sameLengths(line.replace('-', ' '));
            if (!text.isBlank() && !PAGE_NUMBER.matcher(text).matches() && !keyLine) {
                return false;
            }
        }
        return true;
    }

    /**
     * A list of codes of letters only in equal blocks ({@code vhcy zrlm vdtj}, {@code wweu-hlxw-wfxf-mhns}): at least
     * three cells of one layout (three blocks or more, all of one size, in one case), none of them or their blocks an
     * English word, in a paste that speaks of codes; five or more need no such word. No sentence has that layout.
     */
    private static void takeListsOfLetterBlocks(Paste paste, List<FoundCode> found, List<PasteLine> unreadable) {
        Map<String, List<FoundCode>> byLayout = new HashMap<>();
        for (PasteLine line : unreadable) {
            String text = line.text();
            if (text.length() > MAX_BLOCKED_TEXT || (text.length() > MAX_LETTER_BLOCKS && !mayHoldCells(text))) {
                continue;
            }
            Matcher cells = LIST_CELL.matcher(text);
            int start = 0;
            while (start <= text.length()) {
                boolean more = cells.find();
                int end = more ? cells.start() : text.length();
                String cell = text.substring(start, end).strip();
                if (cell.length() <= MAX_LETTER_BLOCKS
                        && LETTER_BLOCKS.matcher(cell).matches()
                        && sameLengths(cell.replace('-', ' '))
                        && inOneCase(cell)
                        && !readsAsWords(cell)) {
                    byLayout.computeIfAbsent(CodeShape.layoutOf(cell), layout -> new ArrayList<>())
                            .add(new FoundCode(cell, line.index(), text.indexOf(cell, start)));
                }
                if (!more) {
                    break;
                }
                start = cells.end();
            }
        }
        if (byLayout.values().stream().noneMatch(list -> list.size() >= MIN_LETTER_BLOCK_LIST)) {
            return;
        }
        boolean namesCodes = NAMES_CODES.matcher(paste.text()).find();
        Set<Integer> taken = new HashSet<>();
        for (List<FoundCode> list : byLayout.values()) {
            if (list.size() >= MIN_LETTER_BLOCK_LIST + (namesCodes ? 0 : 2)) {
                found.addAll(list);
                list.forEach(code -> taken.add(code.line()));
            }
        }
        unreadable.removeIf(line -> taken.contains(line.index()));
    }

    /**
     * When nothing else is a code: the codes in a sentence that names them ("codes are ee6ca-5fa00 5063a-56d3f ...",
     * "Store your scratch token (qcug6ba32kbb) in a safe place"), on a line that, or under a line that, calls them
     * backup, recovery or scratch codes, keys or tokens; or five or more codes of one layout in a sentence that does
     * not. Only words that no name or number is shaped like count: 8 or
     * more letters and digits, with two of each (one letter will do in blocks: {@code a0966-48362}), mixed rather
     * than a word and its number ({@code team42}, {@code INC0012345}), in one case.
     */
    private static void takeCodesInSentencesThatNameThem(
            Paste paste, List<FoundCode> found, List<PasteLine> unreadable) {
        Set<Integer> taken = new HashSet<>();
        List<PasteLine> lines = paste.lines();
        for (PasteLine line : unreadable) {
            int index = line.index();
            if (line.text().length() > MAX_BLOCKED_TEXT * 2) {
                continue;
            }
            List<FoundCode> inLine = new ArrayList<>();
            List<FoundCode> ofARow = new ArrayList<>();
            Matcher words = SENTENCE_WORD.matcher(line.text());
            while (words.find()) {
                String word = words.group();
                if (!looksLikeCode(word)
                        || word.replace("-", "").length() < MIN_SENTENCE_CODE
                        || !inOneCase(word)
                        || IDENTIFIER_BEFORE
                                .matcher(line.text().substring(Math.max(0, words.start() - MAX_LABEL), words.start()))
                                .find()) {
                    continue;
                }
                FoundCode code = new FoundCode(word, index, words.start());
                ofARow.add(code);
                if (isStrongCode(word)) {
                    inLine.add(code);
                }
            }
            // "codes" alone names them only for a list of them ("codes are ee6ca-5fa00 5063a-56d3f ..."); one value
            // needs its name ("scratch token (qcug6ba32kbb)", "recovery code 1AMJT-..."). Unnamed, a row of five or
            // more codes of one layout is still codes ("slack backup en68iwz8 4rfnj3eb ..."). In a row of one
            // layout, a code with one digit (0vwsiuyt) goes with the others.
            if (ofARow.isEmpty()) {
                continue;
            }
            boolean calledByName = namedOnOrAbove(NAMES_A_CODE_IN_A_SENTENCE, lines, index);
            boolean named = calledByName || namedOnOrAbove(CODES_WORD, lines, index);
            boolean row = ofARow.size() > inLine.size() && inOneLayout(ofARow) && inLine.size() >= 2;
            if (named && (inLine.size() >= 2 || (calledByName && !inLine.isEmpty()))) {
                found.addAll(row ? ofARow : inLine);
                taken.add(index);
            } else if (ofARow.size() >= MIN_UNNAMED_ROW && inOneLayout(ofARow) && inLine.size() * 2 >= ofARow.size()) {
                found.addAll(ofARow);
                taken.add(index);
            }
        }
        unreadable.removeIf(line -> taken.contains(line.index()));
    }

    /** Whether all the codes have one layout (block sizes; case and digits aside). */
    private static boolean inOneLayout(List<FoundCode> codes) {
        return shareOfTheMainLayout(codes) == 1;
    }

    /**
     * The share of codes that have the commonest layout, case and digits aside (blocks and separators only); 0 for
     * none.
     */
    static double shareOfTheMainLayout(List<FoundCode> codes) {
        Map<String, Integer> layouts = new HashMap<>();
        codes.forEach(code -> layouts.merge(
                CodeShape.layoutOf(code.code().toLowerCase(Locale.ROOT)).replace(" digits", " lower"),
                1,
                Integer::sum));
        return codes.isEmpty() ? 0 : (double) Collections.max(layouts.values()) / codes.size();
    }

    /** Whether a line, or the one before it, holds what the pattern finds. */
    private static boolean namedOnOrAbove(Pattern name, List<PasteLine> lines, int index) {
        return name.matcher(lines.get(index).text()).find()
                || (index > 0 && name.matcher(lines.get(index - 1).text()).find());
    }

    /** Letters and digits that only a code is: see {@link #takeCodesInSentencesThatNameThem}. */
    private static boolean isStrongCode(String word) {
        String bare = word.replace("-", "");
        long digits = bare.chars().filter(GenericFormat::isDigit).count();
        return bare.length() >= MIN_SENTENCE_CODE
                && digits >= 2
                && bare.length() - digits >= (word.indexOf('-') > 0 ? 1 : 2)
                && inOneCase(bare)
                && !WORD_AND_NUMBER.matcher(bare).matches();
    }

    /**
     * The paste names one key or code ("Emergency key (keep offline):", "break-glass recovery code") and nowhere codes
     * or keys: the blocks read as codes, all of one layout and without separators of their own, on one line or on
     * lines one after the other (a page's footer between them aside), are that key's groups ({@code 4ced 7fc9 ...}
     * over four lines is one key of 64), up to 64 characters (128 of hexadecimal).
     */
    private static void joinTheOneKeyThePasteNames(Paste paste, List<FoundCode> found) {
        if (found.size() < 2 || found.size() > MAX_KEY_BLOCKS) {
            return;
        }
        List<FoundCode> blocks = new ArrayList<>(found);
        blocks.sort(Comparator.comparingInt(FoundCode::line).thenComparingInt(FoundCode::column));
        String layout = CodeShape.layoutOf(blocks.get(0).code().replace(" ", ""));
        StringBuilder joined = new StringBuilder();
        int lastLine = blocks.get(0).line();
        for (FoundCode code : blocks) {
            String block = code.code().replace(" ", "");
            if (!CodeShape.layoutOf(block).equals(layout)
                    || !WORD.matcher(block).matches()
                    || block.indexOf('-') >= 0
                    || !onlyKeyLinesBetween(paste, lastLine, code.line())) {
                return;
            }
            lastLine = code.line();
            joined.append(joined.isEmpty() ? "" : " ").append(code.code());
        }
        String bare = joined.toString().replace(" ", "");
        int max = HEX.matcher(bare).matches() ? MAX_HEX_LENGTH : MAX_JOINED_KEY;
        if (bare.length() < MIN_KEY_LENGTH || bare.length() > max) {
            return;
        }
        // Last, as it reads the whole paste: it names one key and no codes or keys.
        String lower = paste.lowerCaseText();
        if ((lower.contains("codes") || lower.contains("keys") || lower.contains("códigos"))
                && MANY_KEYS.matcher(lower).find()) {
            return;
        }
        if (!ONE_KEY.matcher(lower).find()) {
            return;
        }
        FoundCode first = blocks.get(0);
        found.clear();
        found.add(new FoundCode(joined.toString(), first.line(), first.column()));
    }

    /**
     * The codes in one piece of a line (between tabs, wide gaps, commas, semicolons, bars and bullets), each with the
     * column where it starts on the line, so codes on one line keep their order whatever was split off before them.
     * A piece that would be a code but for having no digit is kept aside in {@code lettersOnly}.
     */
    private static void codesIn(
            String text,
            int start,
            int end,
            int line,
            List<FoundCode> found,
            List<Candidate> lettersOnly,
            List<Candidate> regrouped,
            List<Candidate> mixedCaseKeys) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String piece = text.substring(start, end);
        int labelEnd = labelEnd(piece);
        if (labelEnd == 0) {
            Matcher assignment = ASSIGNMENT.matcher(piece);
            if (assignment.lookingAt()
                    && NAMES_CODES.matcher(assignment.group()).find()) {
                labelEnd = assignment.end();
            }
        }
        boolean namesACode = labelEnd > 0
                && NAMES_A_CODE.matcher(piece.substring(0, labelEnd)).find();
        int column = start + labelEnd;
        // A word of letters only in brackets is markup ([spoiler]), never a code's candidate.
        String unlabelled = piece.substring(column - start).stripLeading();
        boolean bracketed = !unlabelled.isEmpty() && (unlabelled.charAt(0) == '[' || unlabelled.charAt(0) == '(');
        // A full stop, a remark in parentheses, then quotes and brackets, become spaces, so the columns stay put.
        String cell = piece.substring(column - start);
        for (Pattern aside : List.of(SENTENCE_END, REMARK, QUOTES)) {
            cell = aside.matcher(cell)
                    .replaceAll(match -> " ".repeat(match.group().length()));
        }
        int leading = cell.length() - cell.stripLeading().length();
        column += leading;
        cell = unspaced(cell.strip());
        if (cell.indexOf(" - ") > 0
                && SPACED_DASH_GROUPS.matcher(cell).matches()
                && sameLengths(cell.replace(" - ", " "))) {
            // A code's groups with spaced dashes between them and nothing else (ASSS - EDFD - NHOL - AEGD): one code.
            cell = cell.replace(" - ", "-");
        }
        if (cell.isEmpty()) {
            return;
        }
        boolean sideBySide = codesSideBySide(cell);
        if (!sideBySide
                && cell.length() <= MAX_BLOCKED_TEXT
                && BLOCKS.matcher(cell).matches()
                && sameLengths(cell)
                && HAS_DIGIT.matcher(cell).matches()) {
            String[] blocks = cell.split(" ");
            if (blocks[0].length() == 4
                    && blocks.length % 2 == 0
                    && cell.chars().allMatch(c -> c == ' ' || isDigit(c))) {
                // Digits in fours, two by two: codes such as 1234 5678, not one long number.
                for (int i = 0; i < blocks.length; i += 2) {
                    found.add(new FoundCode(blocks[i] + " " + blocks[i + 1], line, column + i * 5));
                }
                return;
            }
            String key = cell.replace(" ", "");
            if (key.length() >= MIN_KEY_LENGTH && HAS_LETTER.matcher(key).matches()) {
                // One long key printed in blocks of equal size: read as the key, without the spaces.
                found.add(new FoundCode(key, line, column));
                if (isMixedCase(key)) {
                    mixedCaseKeys.add(new Candidate(cell, line, column, false));
                }
                return;
            }
        }
        if (DIGIT_GROUPS.matcher(cell).matches()
                && sameLengths(cell.replace('.', ' ').replace('_', ' '))) {
            // Dots or underscores between digit groups are how some people retype 1234 5678; no app's code of digits
            // holds either.
            found.add(new FoundCode(cell.replace('.', ' ').replace('_', ' '), line, column));
            return;
        }
        if (DOTTED_GROUPS.matcher(cell).matches()
                && sameLengths(cell.replace('.', ' '))
                && HAS_LETTER.matcher(cell).matches()
                && HAS_DIGIT.matcher(cell.substring(cell.lastIndexOf('.'))).matches()
                && inOneCase(cell)) {
            // Letters and digits in groups with a dot between, as a code is retyped (am1l.rji5); a host's name ends in
            // letters only (web1.prod), and is never in one case with digits in its last part.
            found.add(new FoundCode(cell.replace('.', ' '), line, column));
            return;
        }
        if (!sideBySide
                && cell.length() <= MAX_BLOCKED_TEXT
                && FEW_BLOCKS.matcher(cell).matches()
                && sameLengths(cell)
                && !codesOfDigits(cell, text)
                && !readsAsWords(cell)) {
            // Two or three equal blocks are one code as the app printed it: b695 e5b2, hyk9 y9lt z2tr.
            if (HAS_DIGIT.matcher(cell).matches()) {
                found.add(new FoundCode(cell, line, column));
            } else {
                lettersOnly.add(new Candidate(cell, line, column, namesACode));
            }
            return;
        }
        if (REGROUPED_DIGITS.matcher(cell).matches()) {
            int digits = cell.replace(" ", "").length();
            if (digits >= MIN_LENGTH && digits <= MAX_REGROUPED_DIGITS) {
                // Digits typed again in groups of their own (675 057 34): a code only as one of a list so typed.
                regrouped.add(new Candidate(cell, line, column, false));
                return;
            }
        }
        List<FoundCode> words = new ArrayList<>();
        List<Candidate> lettersOnlyWords = new ArrayList<>();
        Matcher separator = SEPARATORS.matcher(cell);
        int wordStart = 0;
        while (true) {
            boolean more = separator.find();
            String word = cell.substring(wordStart, more ? separator.start() : cell.length());
            if (!word.isEmpty()) {
                if (looksLikeCode(word)) {
                    words.add(new FoundCode(word, line, column + wordStart));
                } else if (!bracketed && looksLikeCodeButForADigit(word)) {
                    // Alone, or in a row of codes ("7xaw-4qh7 fbef-ryfk mn3w-unhn"): taken if it has their layout.
                    lettersOnlyWords.add(new Candidate(word, line, column + wordStart, namesACode));
                } else {
                    return;
                }
            }
            if (!more) {
                break;
            }
            wordStart = separator.end();
        }
        if (!words.isEmpty() && !inTheLayoutOf(lettersOnlyWords, words)) {
            return; // a word among codes ("Backup ab12cd34"): a sentence, not a row of codes
        }
        if (!words.isEmpty() || lettersOnlyWords.size() == 1) {
            lettersOnly.addAll(lettersOnlyWords);
        }
        found.addAll(words);
    }

    /**
     * Reads the pieces of a cell split by the strong separators and, when {@code spaced}, also by a slash or dash with a
     * space on each side. Those split a list of codes only: when a piece after the first (which may be a label) yields
     * nothing ({@code INC0091842 – user locked out}), whatever the spaced reading found is taken back and it answers
     * false, so the cell is read again without them.
     */
    private static boolean codesInPieces(
            String text,
            int cellStart,
            int cellEnd,
            boolean spaced,
            int line,
            List<FoundCode> found,
            List<Candidate> lettersOnly,
            List<Candidate> regrouped,
            List<Candidate> mixedCaseKeys) {
        int[] before = {found.size(), lettersOnly.size(), regrouped.size(), mixedCaseKeys.size()};
        boolean everyPieceYields = true;
        int pieceStart = cellStart;
        for (int at = cellStart; at <= cellEnd; at++) {
            boolean spacedHere = spaced && at < cellEnd && isSpacedSeparator(text, at, cellStart, cellEnd);
            if (at == cellEnd || STRONG_SEPARATORS.indexOf(text.charAt(at)) >= 0 || spacedHere) {
                int had = found.size() + lettersOnly.size() + regrouped.size();
                codesIn(text, pieceStart, at, line, found, lettersOnly, regrouped, mixedCaseKeys);
                everyPieceYields &=
                        pieceStart == cellStart || found.size() + lettersOnly.size() + regrouped.size() > had;
                pieceStart = at + 1;
            }
        }
        if (spaced && everyPieceYields) {
            // Letters-only pieces count only when they have the layout of the codes beside them.
            everyPieceYields = inTheLayoutOf(
                    lettersOnly.subList(before[1], lettersOnly.size()), found.subList(before[0], found.size()));
        }
        if (!spaced || everyPieceYields) {
            return true;
        }
        found.subList(before[0], found.size()).clear();
        lettersOnly.subList(before[1], lettersOnly.size()).clear();
        regrouped.subList(before[2], regrouped.size()).clear();
        mixedCaseKeys.subList(before[3], mixedCaseKeys.size()).clear();
        return false;
    }

    /**
     * Whether a line ends in a block and a dash, and the next line goes straight on with a block of its own; or a
     * code's blocks end the line and the next line starts with the dash and the code's last block ({@code X2QEX-P3B9B}
     * over {@code -ZN5XT}), when the two together are one code in blocks of one size.
     */
    private static boolean wrapsAtADash(String text, PasteLine next) {
        String end = text.stripTrailing();
        String start = next.text().stripLeading();
        if (!next.number().isEmpty() || end.isEmpty() || start.isEmpty()) {
            return false;
        }
        if (end.length() >= 2
                && end.charAt(end.length() - 1) == '-'
                && Character.isLetterOrDigit(end.charAt(end.length() - 2))) {
            return Character.isLetterOrDigit(start.charAt(0));
        }
        if (start.length() < 2
                || start.charAt(0) != '-'
                || !Character.isLetterOrDigit(start.charAt(1))
                || !Character.isLetterOrDigit(end.charAt(end.length() - 1))) {
            return false;
        }
        String joined = end.substring(end.lastIndexOf(' ') + 1) + start.split("\\s", 2)[0];
        return joined.indexOf('-') < joined.length() - 1
                && joined.indexOf('-') != joined.lastIndexOf('-')
                && looksLikeCode(joined)
                && sameLengths(joined.replace('-', ' '));
    }

    /**
     * Where the label before a piece's value ends: a label of words ending in a colon, {@code =} or a dash
     * ({@code Recovery code:}, {@code recovery =}, {@code Acme codes -}), or any text with a word in it up to the last
     * colon before the value ({@code @ops DM: codes for @acme@example.social (please keep):}, {@code Acme - your
     * backup code:}), or a name glued by its colon to a long value as a command's output prints it
     * ({@code disablement-secret:1C44...}); 0 without a label. Letter-spaced text before a dash ({@code F 9 R Y - X M 9 P}) is a key's
     * first group, not a label.
     */
    private static int labelEnd(String piece) {
        if (piece.indexOf(" - ") > 0
                && SPACED_DASH_GROUPS.matcher(piece.strip()).matches()) {
            // A code's groups with spaced dashes between them: its first group is no label.
            return 0;
        }
        Matcher glued = GLUED_LABEL.matcher(piece);
        if (glued.lookingAt()) {
            return glued.end();
        }
        Matcher label = LABEL.matcher(piece);
        int end = label.lookingAt() && WORD_IN_LABEL.matcher(label.group()).find() ? label.end() : 0;
        for (int colon = piece.lastIndexOf(':', Math.min(piece.length() - 2, MAX_LABEL));
                colon >= end;
                colon = piece.lastIndexOf(':', colon - 1)) {
            if (Character.isWhitespace(piece.charAt(colon + 1))) {
                String before = piece.substring(0, colon);
                if (LONG_LABEL_WORD.matcher(before).find()
                        && (colon <= MAX_SHORT_LABEL || LookAlikes.namesBackupCodes(before))
                        && !piece.substring(colon + 1).isBlank()) {
                    int value = colon + 1;
                    while (Character.isWhitespace(piece.charAt(value))) {
                        value++;
                    }
                    return value;
                }
                break;
            }
        }
        return end;
    }

    /**
     * Blocks of digits only, each long enough to be a code of its own, in a row whose other cells are codes of one
     * such block ({@code 54590964|04335042 99843809}); alone on its line, {@code 867866 640892} is one code.
     */
    private static boolean codesOfDigits(String cell, String line) {
        int block = cell.indexOf(' ');
        if (block < MIN_LENGTH || !cell.chars().allMatch(c -> c == ' ' || isDigit(c))) {
            return false;
        }
        Matcher runs = Pattern.compile("(?<!\\d)\\d{" + block + "}(?!\\d)").matcher(line);
        int count = 0;
        while (runs.find()) {
            count++;
        }
        return count > cell.split(" ").length;
    }

    /** Whether every candidate of letters only has the layout of one of the codes (none to check: true). */
    private static boolean inTheLayoutOf(List<Candidate> candidates, List<FoundCode> codes) {
        Set<String> layouts = new HashSet<>();
        codes.forEach(code -> layouts.add(CodeShape.layoutOf(code.code())));
        return candidates.stream().allMatch(candidate -> layouts.contains(CodeShape.layoutOf(candidate.text())));
    }

    private static boolean hasSpacedSeparator(String text, int cellStart, int cellEnd) {
        for (int at = cellStart; at < cellEnd; at++) {
            if (isSpacedSeparator(text, at, cellStart, cellEnd)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A slash or a dash with one space on each side between two words of two or more characters: it separates codes
     * ({@code ab12cd34 / ef56gh78}, {@code 1234 5678 - 2345 6789}). Letter-spaced text ({@code F 9 R Y - X M 9 P})
     * keeps its dashes, which there are a key's group breaks.
     */
    private static boolean isSpacedSeparator(String text, int at, int cellStart, int cellEnd) {
        return SPACED_SEPARATORS.indexOf(text.charAt(at)) >= 0
                && at - 3 >= cellStart
                && at + 3 < cellEnd
                && text.charAt(at - 1) == ' '
                && text.charAt(at + 1) == ' '
                && !Character.isWhitespace(text.charAt(at - 2))
                && !Character.isWhitespace(text.charAt(at - 3))
                && !Character.isWhitespace(text.charAt(at + 2))
                && !Character.isWhitespace(text.charAt(at + 3));
    }

    /**
     * Words of 6 or more letters and digits, each with a letter and a digit, side by side with single spaces: codes
     * ({@code mdmd3v 9gd88r}, {@code 1sm5t3km 9xniqrg8}), not the blocks of one key, which are printed in fours and
     * fives.
     */
    private static boolean codesSideBySide(String cell) {
        if (cell.indexOf(' ') < 0) {
            return false;
        }
        for (String word : cell.split(" ")) {
            if (word.length() < MIN_LENGTH
                    || !HAS_DIGIT.matcher(word).matches()
                    || !HAS_LETTER.matcher(word).matches()) {
                return false;
            }
        }
        return true;
    }

    /** Letter-spaced text ({@code a d 2 0 e 9}) without its spaces; any other text as it is. */
    private static String unspaced(String cell) {
        return cell.length() <= MAX_BLOCKED_TEXT && LETTER_SPACED.matcher(cell).matches()
                ? cell.replace(" ", "")
                : cell;
    }

    /**
     * Joins consecutive lines that held no code and are made only of short blocks of one size (at least one digit
     * among them): 4-digit blocks two by two, anything else into one key of 12 to 64 characters. The other lines
     * stay unread.
     */
    private static void joinBlockLines(
            Paste paste, List<PasteLine> unread, List<FoundCode> found, List<PasteLine> unreadable) {
        Boolean[] namesCodes = {null};
        List<PasteLine> run = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i <= unread.size(); i++) {
            PasteLine line = i < unread.size() ? unread.get(i) : null;
            List<String> lineBlocks = line == null ? List.of() : blocksOf(line.text());
            boolean continues = line != null
                    && !lineBlocks.isEmpty()
                    && (run.isEmpty()
                            || (run.get(run.size() - 1).index() + 1 == line.index()
                                    && lineBlocks.get(0).length()
                                            == blocks.get(0).length()
                                    // two items of a numbered list are two entries, never halves of one
                                    && !(line.number().isPresent()
                                            && run.stream()
                                                    .anyMatch(item ->
                                                            item.number().isPresent()))));
            if (continues) {
                run.add(line);
                blocks.addAll(lineBlocks);
                continue;
            }
            if (!run.isEmpty()
                    && !joinedCodes(run, blocks, found, () -> {
                        if (namesCodes[0] == null) {
                            String text = paste.text();
                            namesCodes[0] = MANY_KEYS.matcher(text).find()
                                    && !ONE_KEY.matcher(text).find();
                        }
                        return namesCodes[0];
                    })) {
                unreadable.addAll(run);
            }
            run.clear();
            blocks.clear();
            if (line != null && !lineBlocks.isEmpty()) {
                run.add(line);
                blocks.addAll(lineBlocks);
            } else if (line != null) {
                unreadable.add(line);
            }
        }
        unreadable.sort((a, b) -> Integer.compare(a.index(), b.index()));
    }

    /** The blocks of a line made only of blocks of 3 to 8 letters and digits, all of one size; otherwise none. */
    private static List<String> blocksOf(String text) {
        List<String> blocks = new ArrayList<>();
        for (String cell : CELL.split(text.strip())) {
            String block = unspaced(cell.strip());
            if (block.equals("-") || block.isEmpty()) {
                continue;
            }
            if (block.length() > MAX_BLOCKED_TEXT
                    || !PIECE_BLOCKS.matcher(block).matches()) {
                return List.of();
            }
            blocks.addAll(List.of(block.split("[ \\t-]+")));
        }
        for (String block : blocks) {
            if (block.length() != blocks.get(0).length()) {
                return List.of();
            }
        }
        return blocks;
    }

    private static boolean joinedCodes(
            List<PasteLine> run, List<String> blocks, List<FoundCode> found, BooleanSupplier pasteNamesCodes) {
        String all = String.join("", blocks);
        if (!HAS_DIGIT.matcher(all).matches() || (run.size() < 2 && blocks.size() < 3)) {
            return false;
        }
        if (blocks.get(0).length() == 4 && all.chars().allMatch(GenericFormat::isDigit)) {
            if (blocks.size() % 2 != 0) {
                return false;
            }
            for (int i = 0; i < blocks.size(); i += 2) {
                // Each pair's line is where its first half is.
                int line = run.get(Math.min(run.size() - 1, i * run.size() / blocks.size()))
                        .index();
                found.add(new FoundCode(blocks.get(i) + " " + blocks.get(i + 1), line, 0));
            }
            return true;
        }
        if (all.length() > MAX_JOINED_KEY
                && blocks.get(0).length() == 4
                && blocks.size() == run.size()
                && blocks.size() % 2 == 0
                && HAS_LETTER.matcher(all).matches()) {
            // One block of 4 a line, too many for one key: a PDF's narrow column of codes in halves, as with digits.
            for (int i = 0; i < blocks.size(); i += 2) {
                found.add(new FoundCode(
                        blocks.get(i) + " " + blocks.get(i + 1), run.get(i).index(), 0));
            }
            return true;
        }
        if (all.length() < MIN_JOINED_KEY
                || all.length() > MAX_JOINED_KEY
                || !HAS_LETTER.matcher(all).matches()) {
            // A long number in blocks is a disk's recovery key or an account number, not an account's code.
            return false;
        }
        int perCode = blocksPerCode(blocks);
        if (perCode > 0 && pasteNamesCodes.getAsBoolean()) {
            // A paste of codes, not of one key: a PDF's column of codes, each split into equal blocks one a line
            // (520eb over 48071, or three blocks of four): as few blocks to a code as make one of 8 or more.
            for (int i = 0; i < blocks.size(); i += perCode) {
                found.add(new FoundCode(
                        String.join(" ", blocks.subList(i, i + perCode)),
                        run.get(Math.min(run.size() - 1, i * run.size() / blocks.size()))
                                .index(),
                        0));
            }
            return true;
        }
        found.add(new FoundCode(all, run.get(0).index(), 0));
        return true;
    }

    /**
     * How many blocks of a run make one code: the fewest (two or more) whose length is a code's, 8 or more, and that
     * divide the run into two codes or more; 0 when the blocks are not all of one size or none fits.
     */
    private static int blocksPerCode(List<String> blocks) {
        int size = blocks.get(0).length();
        if (blocks.stream().anyMatch(block -> block.length() != size)) {
            return 0;
        }
        for (int perCode = 2; perCode * 2 <= blocks.size(); perCode++) {
            if (perCode * size >= MIN_SPLIT_CODE && blocks.size() % perCode == 0) {
                return perCode;
            }
        }
        return 0;
    }

    /**
     * Joins keys in blocks of upper- and lower-case letters (a base58 or base64 security key) that follow each other
     * line after line in blocks of one size, up to 64 characters: one key that the page wrapped. Backup codes are of
     * one case, so a list of them is never joined.
     */
    private static void joinWrappedKeys(List<Candidate> keys, List<FoundCode> found) {
        Set<Long> wrapped = new HashSet<>();
        List<FoundCode> joinedKeys = new ArrayList<>();
        int i = 0;
        while (i < keys.size()) {
            Candidate first = keys.get(i);
            int blockSize = first.text().indexOf(' ');
            StringBuilder joined = new StringBuilder(first.text().replace(" ", ""));
            int next = i + 1;
            while (next < keys.size()
                    && keys.get(next).line() == keys.get(next - 1).line() + 1
                    && keys.get(next).text().indexOf(' ') == blockSize
                    && joined.length() + keys.get(next).text().replace(" ", "").length() <= MAX_JOINED_KEY) {
                joined.append(keys.get(next).text().replace(" ", ""));
                next++;
            }
            if (next > i + 1) {
                keys.subList(i, next).forEach(key -> wrapped.add(position(key.line(), key.column())));
                joinedKeys.add(new FoundCode(joined.toString(), first.line(), first.column()));
            }
            i = next;
        }
        if (!wrapped.isEmpty()) {
            found.removeIf(code -> wrapped.contains(position(code.line(), code.column())));
            found.addAll(joinedKeys);
        }
    }

    private static long position(int line, int column) {
        return ((long) line << 32) | column;
    }

    private static boolean isMixedCase(String key) {
        return key.chars().anyMatch(Character::isUpperCase) && key.chars().anyMatch(Character::isLowerCase);
    }

    /**
     * Takes digits typed in groups of unequal sizes ({@code 675 057 34}) when at least three cells of the paste have
     * exactly that grouping and they make at least half of its codes: a list of codes typed by hand, not a date or a
     * number in a sentence.
     */
    private static void takeDigitsInOneGrouping(
            List<Candidate> candidates, List<FoundCode> found, List<PasteLine> unreadable) {
        if (candidates.size() < MIN_REGROUPED) {
            return;
        }
        Map<String, Integer> groupings = new HashMap<>();
        candidates.forEach(candidate -> groupings.merge(CodeShape.layoutOf(candidate.text()), 1, Integer::sum));
        int others = found.size();
        Set<Integer> taken = new HashSet<>();
        for (Candidate candidate : candidates) {
            int same = groupings.get(CodeShape.layoutOf(candidate.text()));
            if (same >= MIN_REGROUPED && same >= others) {
                found.add(new FoundCode(candidate.text(), candidate.line(), candidate.column()));
                taken.add(candidate.line());
            }
        }
        unreadable.removeIf(line -> taken.contains(line.index()));
    }

    /**
     * Takes a code of letters only ({@code utgizoqt} among {@code 5zmzaejb}, {@code 6ibvlemj}...) when at least two of
     * the codes found, and half of them, have its layout (block sizes, separators, case), and it is no English word.
     */
    private static void takeLettersOnlyOfTheCodesLayout(
            Paste paste, List<Candidate> candidates, List<FoundCode> found, List<PasteLine> unreadable) {
        if (candidates.isEmpty()) {
            return;
        }
        Map<String, Integer> layouts = new HashMap<>();
        found.forEach(code -> layouts.merge(CodeShape.layoutOf(code.code()), 1, Integer::sum));
        Set<Integer> linesWithCodes = new HashSet<>();
        found.forEach(code -> linesWithCodes.add(code.line()));
        int codes = found.size();
        // The paste's one value: the one candidate that could be a code at all ("Thanks" in the signature is none).
        boolean alone = codes == 0
                && candidates.stream()
                                .filter(candidate -> inOneCase(candidate.text()) && !readsAsWords(candidate.text()))
                                .count()
                        == 1;
        // Twice: letters between two codes are judged by the laxer guard once the codes beside them are known, and
        // a letters-only neighbour (ZOQTVI under EGUTGI) is known only after the first pass.
        List<Candidate> left = new ArrayList<>(candidates);
        for (int pass = 0; pass < 2; pass++) {
            takeLettersOnly(paste, left, found, unreadable, layouts, codes, alone, linesWithCodes, pass == 1);
        }
    }

    /** Whether the candidate's line holds two or more codes of its layout. */
    private static boolean inARowOfCodes(Candidate candidate, List<FoundCode> found) {
        String layout = CodeShape.layoutOf(candidate.text());
        return found.stream()
                        .filter(code -> code.line() == candidate.line()
                                && CodeShape.layoutOf(code.code()).equals(layout))
                        .count()
                >= 2;
    }

    /** One pass of {@link #takeLettersOnlyOfTheCodesLayout}: takes what it may, and leaves the rest in the list. */
    private static void takeLettersOnly(
            Paste paste,
            List<Candidate> candidates,
            List<FoundCode> found,
            List<PasteLine> unreadable,
            Map<String, Integer> layouts,
            int codes,
            boolean alone,
            Set<Integer> linesWithCodes,
            boolean amongCodesJudged) {
        for (Iterator<Candidate> it = candidates.iterator(); it.hasNext(); ) {
            Candidate candidate = it.next();
            int same = layouts.getOrDefault(CodeShape.layoutOf(candidate.text()), 0);
            boolean ofTheLayout = codes >= 2 && same >= 2 && same * 2 >= codes;
            // The value after a label that calls it a code ("Scratch code: NABTLJJNLIMZGAGZ"), or the paste's one
            // value, on a line that or under a line that calls it a backup code ("Linode scratch code" over it; "Your
            // backup code", a sentence, then the code: two lines with text above it are looked at).
            boolean calledACode = candidate.text().replace("-", "").length() >= MIN_LABELLED_LETTERS
                    && inOneCase(candidate.text())
                    && (candidate.namesACode()
                            || (alone
                                    && candidate.text().indexOf(' ') < 0
                                    && LookAlikes.namedABackupCode(paste, candidate.line(), LINES_NAMING_A_CODE)));
            // Between two codes of its layout, or in a row of them, only a word that backup-code pages use is
            // refused: letters that read like English by chance (EMWODAOP) are one of the list's codes.
            boolean amongCodes = amongCodesJudged
                    && ofTheLayout
                    && (paste.isBetween(candidate.line(), linesWithCodes) || inARowOfCodes(candidate, found));
            if ((ofTheLayout || calledACode)
                    && !(amongCodes ? isAKnownWord(candidate.text()) : readsAsWords(candidate.text()))) {
                found.add(new FoundCode(candidate.text(), candidate.line(), candidate.column()));
                linesWithCodes.add(candidate.line());
                unreadable.removeIf(line -> line.index() == candidate.line());
                it.remove();
            }
        }
    }

    /** Whether a line has a tab, a wide gap, a comma, a semicolon or a bar: a row of cells. */
    private static boolean mayHoldCells(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t'
                    || c == ','
                    || c == ';'
                    || c == '|'
                    || (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the word joins two words with a digit in each, as "4v43uc06 and ltldfu86" does: a quick test before the
     * pattern that separates them runs over the line (most lines with an "and" are sentences).
     */
    private static boolean connectsCodes(String text, String connector) {
        for (int at = text.indexOf(connector); at > 0; at = text.indexOf(connector, at + 1)) {
            int before = at - 1;
            if (before >= 0 && text.charAt(before) == ',') {
                before--;
            }
            if (digitInWord(text, before, -1) && digitInWord(text, at + connector.length(), 1)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the word of letters, digits and dashes at a position (read in a direction) holds a digit. */
    private static boolean digitInWord(String text, int from, int step) {
        for (int i = from; i >= 0 && i < text.length(); i += step) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                return true;
            }
            if (!Character.isLetter(c) && c != '-') {
                return false;
            }
        }
        return false;
    }

    /** Whether letters-only text, or one of its blocks, is a word that backup-code pages use (the SDK's list). */
    private static boolean isAKnownWord(String text) {
        String bare = text.replaceAll("[ \\t_-]", "");
        return !HAS_DIGIT.matcher(bare).matches()
                && CodeShape.lettersAndDigits(bare.length())
                        .caseKept()
                        .normaliseAmongCodes(bare.toLowerCase(Locale.ROOT))
                        .isEmpty();
    }

    /** Whether letters-only text, or one of its blocks of letters only, is an English word (the SDK's guard). */
    private static boolean readsAsWords(String text) {
        String bare = text.replaceAll("[ \\t_-]", "");
        if (!HAS_DIGIT.matcher(bare).matches() && codeShapeRefuses(bare)) {
            return true;
        }
        for (String block : text.split("[ \\t_-]+")) {
            if (block.length() >= 3 && !HAS_DIGIT.matcher(block).matches() && codeShapeRefuses(block)) {
                return true;
            }
        }
        return false;
    }

    private static boolean codeShapeRefuses(String letters) {
        return letters.isEmpty()
                || CodeShape.lettersAndDigits(letters.length())
                        .caseKept()
                        .normalise(letters.toLowerCase(Locale.ROOT))
                        .isEmpty();
    }

    /**
     * A piece of a line that would be a code but for having no digit.
     *
     * @param namesACode the label before it calls it a code
     */
    private record Candidate(String text, int line, int column, boolean namesACode) {}

    /** Letters all upper case or all lower case. */
    private static boolean inOneCase(String text) {
        return text.equals(text.toUpperCase(Locale.ROOT)) || text.equals(text.toLowerCase(Locale.ROOT));
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean sameLengths(String groups) {
        String[] parts = groups.split(" ");
        for (String part : parts) {
            if (part.length() != parts[0].length()) {
                return false;
            }
        }
        return true;
    }

    /**
     * 6 to 40 letters and digits with at least one digit (a hexadecimal code up to 128); dashes or underscores inside
     * between blocks of one size or of 3 or more ({@code ycnsm-e5cz9}), never as in {@code eu-central-1}.
     */
    private static boolean looksLikeCode(String word) {
        // A hexadecimal key may be long, and printed in dashed groups; a long number in groups is a disk's key.
        String undashed = word.replace("-", "");
        int max = HEX.matcher(word).matches()
                        || (HEX.matcher(undashed).matches()
                                && HAS_LETTER.matcher(undashed).matches())
                ? MAX_HEX_LENGTH
                : MAX_LENGTH;
        return word.length() >= MIN_LENGTH
                && word.length() <= max
                && WORD.matcher(word).matches()
                && HAS_DIGIT.matcher(word).matches()
                && equalBlocks(word)
                && !isAName(word);
    }

    /**
     * A name rather than a code: a capitalised word joined to a number at one end ({@code 1Password},
     * {@code Office365}, {@code Pixel7a}), or blocks of unequal sizes between dashes one of which is an English word
     * ({@code ds920-office}, {@code web42-primary}), or two of three or more ({@code 2fa-backup-codes}). A code's
     * blocks are of one size, and its letters of one case.
     */
    private static boolean isAName(String word) {
        if (NUMBERED_NAME.matcher(word).matches()) {
            return true;
        }
        String[] blocks = word.split("[-_]");
        if (blocks.length < 2 || sameLengths(String.join(" ", blocks))) {
            return false;
        }
        int words = 0;
        for (String block : blocks) {
            if (block.length() >= 4 && !HAS_DIGIT.matcher(block).matches() && readsAsWords(block)) {
                words++;
            }
        }
        // Two blocks, one a word; more blocks, two of them words (second-2222-bbbb is a code, 2fa-backup-codes not).
        return words >= (blocks.length == 2 ? 1 : 2);
    }

    /**
     * Blocks between dashes or underscores all of one size, or all at least 3 long: never {@code eu-central-1}. A
     * block of letters only followed by a shorter one is a name and its number ({@code workstation-2026},
     * {@code laptop-01}), not a code.
     */
    private static boolean equalBlocks(String word) {
        String[] blocks = word.split("[-_]");
        boolean equal = true;
        boolean long3 = true;
        for (String block : blocks) {
            equal &= block.length() == blocks[0].length();
            long3 &= block.length() >= 3;
        }
        return equal || (long3 && !namedAndNumbered(blocks)) || shorterLastBlock(blocks);
    }

    /**
     * Blocks of one size but a shorter last one, as a code is retyped in fours ({@code 6ltl-dfu8-6e}): three blocks or
     * more, the last of two or more characters, none of the others a word ({@code backup-laptop-01}).
     */
    private static boolean shorterLastBlock(String[] blocks) {
        if (blocks.length < 3 || blocks[blocks.length - 1].length() < 2) {
            return false;
        }
        for (int i = 1; i < blocks.length - 1; i++) {
            if (blocks[i].length() != blocks[0].length()) {
                return false;
            }
        }
        for (int i = 0; i < blocks.length - 1; i++) {
            if (!HAS_DIGIT.matcher(blocks[i]).matches() && readsAsWords(blocks[i])) {
                return false;
            }
        }
        return blocks[blocks.length - 1].length() < blocks[0].length();
    }

    /** A word and a shorter number after it: {@code workstation-2026}, {@code laptop-01}. */
    private static boolean namedAndNumbered(String[] blocks) {
        return blocks.length == 2
                && !HAS_DIGIT.matcher(blocks[0]).matches()
                && blocks[1].chars().allMatch(GenericFormat::isDigit)
                && blocks[0].length() > blocks[1].length();
    }

    /** 6 to 40 letters, dashes or underscores inside as in {@link #looksLikeCode}, no digit. */
    private static boolean looksLikeCodeButForADigit(String word) {
        return word.length() >= MIN_LENGTH
                && word.length() <= MAX_LENGTH
                && WORD.matcher(word).matches()
                && !HAS_DIGIT.matcher(word).matches()
                && equalBlocks(word);
    }
}
