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
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
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
    private static final Pattern LABEL =
            Pattern.compile("^[\\p{L}][\\p{L}\\p{N} ()'./-]{1,40}?\\s*(?::|=|\\u2013|\\u2014|\\s-|\\u2192|->|=>)\\s+");
    /**
     * A setting's name and an equals sign without spaces, as in a {@code .env} file; a label only when the name speaks
     * of codes ({@code BACKUP_CODES=}), never a token's or a password's name.
     */
    private static final Pattern ASSIGNMENT = Pattern.compile("^[\\p{L}][\\p{L}\\p{N}_.-]{0,40}=(?=\\S)");

    private static final Pattern NAMES_CODES = Pattern.compile("(?i)code|backup|recovery");
    private static final Pattern DIGIT_GROUPS = Pattern.compile("\\d{3,5}(?:([ .])\\d{3,5})(?:\\1\\d{3,5}){0,2}");
    private static final Pattern BLOCKS = Pattern.compile("[A-Za-z0-9]{4,8}(?: [A-Za-z0-9]{4,8}){3,}");
    private static final Pattern FEW_BLOCKS = Pattern.compile("[A-Za-z0-9]{4,8}(?: [A-Za-z0-9]{4,8}){1,2}");
    private static final Pattern SEPARATORS = Pattern.compile("\\s+");
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)*");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]+");
    private static final Pattern HAS_DIGIT = Pattern.compile(".*\\d.*");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[A-Za-z].*");
    /** Quotes and backticks at the edges of a word (never inside one: {@code 000a"0000} is not a code). */
    private static final Pattern QUOTES =
            Pattern.compile("(?<![^\\s])[`\"\u201C\u201D\u2018\u2019]+|[`\"\u201C\u201D\u2018\u2019]+(?![^\\s])");

    private static final Pattern REMARK = Pattern.compile("\\(\\s*\\p{L}[^)]*\\)?");
    private static final Pattern WORD_IN_LABEL = Pattern.compile("\\p{L}[\\p{L}\\p{N}]");
    private static final Pattern LETTER_SPACED = Pattern.compile("\\S(?: \\S){3,}");
    private static final Pattern PIECE_BLOCKS = Pattern.compile("[A-Za-z0-9]{3,8}(?:[ \\t-]+[A-Za-z0-9]{3,8})*");
    private static final int MIN_LENGTH = 6;
    private static final int MAX_LENGTH = 40;
    private static final int MAX_HEX_LENGTH = 128;
    private static final int MIN_KEY_LENGTH = 16;
    private static final int MIN_JOINED_KEY = 12;
    private static final int MAX_JOINED_KEY = 64;
    private static final int MIN_LONE_LETTERS = 8;
    /**
     * Text longer than this is no key in blocks nor letter-spaced (the longest, 128 characters letter-spaced, is 255):
     * the block patterns, which recurse once a block, are not run over it, so a 64 KiB line cannot exhaust the stack.
     */
    private static final int MAX_BLOCKED_TEXT = 400;

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
        List<PasteLine> unread = new ArrayList<>();
        for (PasteLine line : paste.lines()) {
            int before = found.size();
            String text = line.text();
            Matcher cells = CELL.matcher(text);
            int cellStart = 0;
            while (true) {
                boolean more = cells.find();
                int cellEnd = more ? cells.start() : text.length();
                if (!readCell(text, cellStart, cellEnd, line.index(), true, found, lettersOnly)) {
                    readCell(text, cellStart, cellEnd, line.index(), false, found, lettersOnly);
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
        List<PasteLine> unreadable = new ArrayList<>();
        joinWrappedAtADash(unread, found);
        joinBlockLines(unread, found, unreadable);
        takeLettersOnlyOfTheCodesLayout(lettersOnly, found, unreadable);
        takeLoneLettersOnlyCodeNamedSo(paste, lettersOnly, found, unreadable);
        return new FormatReading(found, unreadable);
    }

    /**
     * The codes in one piece of a line (between tabs, wide gaps, commas, semicolons, bars and bullets), each with the
     * column where it starts on the line, so codes on one line keep their order whatever was split off before them.
     * A piece that would be a code but for having no digit is kept aside in {@code lettersOnly}.
     */
    private static void codesIn(
            String text, int start, int end, int line, List<FoundCode> found, List<Candidate> lettersOnly) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String piece = text.substring(start, end);
        Matcher label = LABEL.matcher(piece);
        // A label is words; letter-spaced text before a dash ("F 9 R Y - X M 9 P") is a key's first group.
        Matcher assignment = ASSIGNMENT.matcher(piece);
        int column = start
                + (label.lookingAt() && WORD_IN_LABEL.matcher(label.group()).find()
                        ? label.end() + afterSentence(piece.substring(label.end()))
                        : assignment.lookingAt()
                                        && NAMES_CODES
                                                .matcher(assignment.group())
                                                .find()
                                ? assignment.end()
                                : afterSentence(piece));
        // Quotes and a remark in parentheses become spaces, so the columns stay where they were.
        String cell = REMARK.matcher(
                        QUOTES.matcher(piece.substring(column - start)).replaceAll(" "))
                .replaceAll(match -> " ".repeat(match.group().length()));
        int leading = cell.length() - cell.stripLeading().length();
        column += leading;
        cell = unspaced(cell.strip());
        if (cell.isEmpty()) {
            return;
        }
        if (cell.length() <= MAX_BLOCKED_TEXT
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
                return;
            }
        }
        if (DIGIT_GROUPS.matcher(cell).matches() && sameLengths(cell.replace('.', ' '))) {
            // Dots between digit groups are how some people retype 1234 5678; no app's code holds a dot.
            found.add(new FoundCode(cell.replace('.', ' '), line, column));
            return;
        }
        if (FEW_BLOCKS.matcher(cell).matches() && sameLengths(cell) && !readsAsWords(cell)) {
            // Two or three equal blocks are one code as the app printed it: b695 e5b2, hyk9 y9lt z2tr.
            if (HAS_DIGIT.matcher(cell).matches()) {
                found.add(new FoundCode(cell, line, column));
            } else {
                lettersOnly.add(new Candidate(cell, line, column));
            }
            return;
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
                } else if (looksLikeCodeButForADigit(word)) {
                    // Alone, or in a row of codes ("7xaw-4qh7 fbef-ryfk mn3w-unhn"): taken if it has their layout.
                    lettersOnlyWords.add(new Candidate(word, line, column + wordStart));
                } else {
                    return;
                }
            }
            if (!more) {
                break;
            }
            wordStart = separator.end();
        }
        if (!words.isEmpty()) {
            Set<String> layouts = new HashSet<>();
            words.forEach(word -> layouts.add(layout(word.code())));
            if (lettersOnlyWords.stream().anyMatch(word -> !layouts.contains(layout(word.text())))) {
                return; // a word among codes ("Backup ab12cd34"): a sentence, not a row of codes
            }
        }
        if (!words.isEmpty() || lettersOnlyWords.size() == 1) {
            lettersOnly.addAll(lettersOnlyWords);
        }
        found.addAll(words);
    }

    /**
     * Reads the codes of one cell, split by commas, semicolons, bars and bullets, and with {@code bySlashes} also by
     * slashes between spaces. A slash between codes is a separator only in a row of codes ({@code 9bmk2x7q / ba8n4w2p
     * / ...}), never between a name and a password ({@code Guest / jdzhhx4570}) nor in a label ("Google / GitHub
     * codes:"): when the slashes split off something that is no code, nothing is added and false is answered, so the
     * cell is read again without them.
     */
    private static boolean readCell(
            String text,
            int cellStart,
            int cellEnd,
            int line,
            boolean bySlashes,
            List<FoundCode> found,
            List<Candidate> lettersOnly) {
        int pieceStart = cellStart;
        boolean slashed = false;
        boolean everyPieceACode = true;
        List<FoundCode> cellFound = new ArrayList<>();
        List<Candidate> cellLettersOnly = new ArrayList<>();
        for (int at = cellStart; at <= cellEnd; at++) {
            boolean slash = bySlashes && at < cellEnd && spacedSlash(text, at, cellStart, cellEnd);
            if (at == cellEnd || STRONG_SEPARATORS.indexOf(text.charAt(at)) >= 0 || slash) {
                int codesBefore = cellFound.size();
                int lettersOnlyBefore = cellLettersOnly.size();
                codesIn(text, pieceStart, at, line, cellFound, cellLettersOnly);
                everyPieceACode &= cellFound.size() > codesBefore || cellLettersOnly.size() > lettersOnlyBefore;
                slashed |= slash;
                pieceStart = at + 1;
            }
        }
        if (slashed && !(everyPieceACode && lettersOnlyShareALayout(cellLettersOnly, cellFound))) {
            return false;
        }
        found.addAll(cellFound);
        lettersOnly.addAll(cellLettersOnly);
        return true;
    }

    /**
     * A key that a mail client or an OCR wrapped after one of its dashes ({@code DD8Q-2MDW-W7V7-} over
     * {@code WJ7X-WPYS-B3QW}): the unread line's last word ends in a dash, and the code that starts the next line has
     * blocks of the same size; the two are one key. The line is then read, and the code replaced by the key.
     */
    private static void joinWrappedAtADash(List<PasteLine> unread, List<FoundCode> found) {
        Map<Integer, Integer> firstOnLine = new HashMap<>();
        for (int f = 0; f < found.size(); f++) {
            Integer first = firstOnLine.get(found.get(f).line());
            if (first == null || found.get(f).column() < found.get(first).column()) {
                firstOnLine.put(found.get(f).line(), f);
            }
        }
        boolean[] joined = new boolean[unread.size()];
        for (int u = 0; u < unread.size(); u++) {
            String text = unread.get(u).text().stripTrailing();
            int start = Math.max(text.lastIndexOf(' '), text.lastIndexOf('\t')) + 1;
            String head = text.substring(start);
            if (joined[u] || !head.endsWith("-") || head.length() < 2) {
                continue;
            }
            String bare = head.substring(0, head.length() - 1);
            Integer f = firstOnLine.get(unread.get(u).index() + 1);
            boolean nextUnread = u + 1 < unread.size()
                    && unread.get(u + 1).index() == unread.get(u).index() + 1;
            String tail = nextUnread ? unread.get(u + 1).text().strip() : "";
            if (f == null
                    && blockSize(bare) > 0
                    && (blockSize(tail) == blockSize(bare) || tail.length() == blockSize(bare))
                    && looksLikeCode(head + tail)) {
                // The rest of the key is a block or two on the next line, no code alone ("gw2x-fj1f-" over "nqk3").
                found.add(new FoundCode(head + tail, unread.get(u).index(), start));
                joined[u] = true;
                joined[u + 1] = true;
            } else if (f != null
                    && looksLikeCode(bare)
                    && blockSize(bare) > 0
                    && blockSize(found.get(f).code()) == blockSize(bare)) {
                found.set(
                        f,
                        new FoundCode(head + found.get(f).code(), unread.get(u).index(), start));
                joined[u] = true;
            }
        }
        List<PasteLine> still = new ArrayList<>(unread.size());
        for (int u = 0; u < unread.size(); u++) {
            if (!joined[u]) {
                still.add(unread.get(u));
            }
        }
        unread.clear();
        unread.addAll(still);
    }

    /** The size of a code's blocks between dashes when they are all of one size and there are two or more; else 0. */
    private static int blockSize(String code) {
        String[] blocks = code.split("-", -1);
        if (blocks.length < 2) {
            return 0;
        }
        for (String block : blocks) {
            if (block.length() != blocks[0].length()) {
                return 0;
            }
        }
        return blocks[0].length();
    }

    /** Whether every code of letters only has the layout of one of the codes beside it. */
    private static boolean lettersOnlyShareALayout(List<Candidate> candidates, List<FoundCode> codes) {
        Set<String> layouts = new HashSet<>();
        codes.forEach(code -> layouts.add(layout(code.code())));
        return candidates.stream().allMatch(candidate -> layouts.contains(layout(candidate.text())));
    }

    /** A slash with white space on both sides ({@code ab12cd / ef34gh}) separates codes; in a date or a URL not. */
    private static boolean spacedSlash(String text, int at, int cellStart, int cellEnd) {
        return text.charAt(at) == '/'
                && at > cellStart
                && at + 1 < cellEnd
                && Character.isWhitespace(text.charAt(at - 1))
                && Character.isWhitespace(text.charAt(at + 1));
    }

    /**
     * Where the codes start after a sentence that ends in a colon and names backup codes ("as discussed I created a
     * bypass code for you: 183487258"): after the last colon followed by a space; otherwise 0. What follows must still
     * be codes and nothing else. A sentence that names no backup code ("here is the code: ...", a sign-in e-mail) is
     * no label.
     */
    private static int afterSentence(String piece) {
        int colon = piece.lastIndexOf(": ");
        return colon > 0 && LookAlikes.namesBackupCodes(piece.substring(0, colon)) ? colon + 2 : 0;
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
    private static void joinBlockLines(List<PasteLine> unread, List<FoundCode> found, List<PasteLine> unreadable) {
        List<PasteLine> run = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i <= unread.size(); i++) {
            PasteLine line = i < unread.size() ? unread.get(i) : null;
            List<String> lineBlocks = line == null ? List.of() : blocksOf(line.text());
            boolean continues = line != null
                    && !lineBlocks.isEmpty()
                    && (run.isEmpty()
                            || (run.get(run.size() - 1).index() + 1 == line.index()
                                    && line.number().isEmpty()
                                    && lineBlocks.get(0).length()
                                            == blocks.get(0).length()));
            if (continues) {
                run.add(line);
                blocks.addAll(lineBlocks);
                continue;
            }
            if (!run.isEmpty() && !joinedCodes(run, blocks, found)) {
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
            if (block.endsWith("-")) {
                // A key wrapped after one of its dashes ("DD8Q-2MDW-W7V7-" over "3ENU-WJ7X"): the line goes on.
                block = block.substring(0, block.length() - 1);
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

    private static boolean joinedCodes(List<PasteLine> run, List<String> blocks, List<FoundCode> found) {
        String all = String.join("", blocks);
        if (!HAS_DIGIT.matcher(all).matches() || (run.size() < 2 && blocks.size() < 3)) {
            return false;
        }
        boolean halvesALine = run.size() == blocks.size() && all.length() > MAX_JOINED_KEY;
        if (blocks.get(0).length() == 4 && (halvesALine || all.chars().allMatch(GenericFormat::isDigit))) {
            // Digits in fours, or one block of four a line too many for one key: codes in halves (a PDF's column).
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
        if (all.length() < MIN_JOINED_KEY
                || all.length() > MAX_JOINED_KEY
                || !HAS_LETTER.matcher(all).matches()) {
            // A long number in blocks is a disk's recovery key or an account number, not an account's code.
            return false;
        }
        found.add(new FoundCode(all, run.get(0).index(), 0));
        return true;
    }

    /**
     * Takes a code of letters only ({@code utgizoqt} among {@code 5zmzaejb}, {@code 6ibvlemj}...) when at least two of
     * the codes found, and half of them, have its layout (block sizes, separators, case), and it is no English word.
     */
    private static void takeLettersOnlyOfTheCodesLayout(
            List<Candidate> candidates, List<FoundCode> found, List<PasteLine> unreadable) {
        if (candidates.isEmpty() || found.size() < 2) {
            return;
        }
        Map<String, Integer> layouts = new HashMap<>();
        found.forEach(code -> layouts.merge(layout(code.code()), 1, Integer::sum));
        int codes = found.size();
        for (Candidate candidate : candidates) {
            int same = layouts.getOrDefault(layout(candidate.text()), 0);
            if (same >= 2 && same * 2 >= codes && !readsAsWords(candidate.text())) {
                found.add(new FoundCode(candidate.text(), candidate.line(), candidate.column()));
                unreadable.removeIf(line -> line.index() == candidate.line());
            }
        }
    }

    /**
     * Takes the one code of letters only in a paste without other codes ({@code Restore Code: UBCHAFGGSB}, a page's
     * "This scratch code can be used ...:" over {@code hciubqxxjwkzifwi}) when its line or the line before names it a
     * backup, recovery, restore, scratch or bypass code, it is 8 or more letters long, and it does not read as English.
     */
    private static void takeLoneLettersOnlyCodeNamedSo(
            Paste paste, List<Candidate> candidates, List<FoundCode> found, List<PasteLine> unreadable) {
        if (!found.isEmpty() || candidates.size() != 1) {
            return;
        }
        Candidate candidate = candidates.get(0);
        if (candidate.text().length() >= MIN_LONE_LETTERS
                && candidate.text().indexOf(' ') < 0
                && !readsAsWords(candidate.text())
                && LookAlikes.namedABackupCode(paste, candidate.line())) {
            found.add(new FoundCode(candidate.text(), candidate.line(), candidate.column()));
            unreadable.removeIf(line -> line.index() == candidate.line());
        }
    }

    /** Block sizes with the separators between them, and the case of the letters: {@code 5-5 lower}. */
    private static String layout(String code) {
        StringBuilder layout = new StringBuilder();
        int run = 0;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                run++;
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
            } else {
                layout.append(run).append(c);
                run = 0;
            }
        }
        boolean title = Character.isUpperCase(code.charAt(0))
                && code.substring(1).chars().noneMatch(Character::isUpperCase);
        return layout.append(run)
                .append(title ? " title" : upper && lower ? " mixed" : upper ? " upper" : lower ? " lower" : " digits")
                .toString();
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

    /** A piece of a line that would be a code but for having no digit. */
    private record Candidate(String text, int line, int column) {}

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
        int max = HEX.matcher(word).matches() ? MAX_HEX_LENGTH : MAX_LENGTH;
        return word.length() >= MIN_LENGTH
                && word.length() <= max
                && WORD.matcher(word).matches()
                && HAS_DIGIT.matcher(word).matches()
                && equalBlocks(word)
                && !wordWithANumber(word);
    }

    /**
     * A capitalised English word with a number glued to one end ({@code 1Password}, {@code Admin2026}): a name, not a
     * code. A random code is almost never one capital letter, then small letters that read as a word, with all its
     * digits on one side.
     */
    private static boolean wordWithANumber(String word) {
        int first = 0;
        while (first < word.length() && isDigit(word.charAt(first))) {
            first++;
        }
        int last = word.length();
        while (last > first && isDigit(word.charAt(last - 1))) {
            last--;
        }
        String letters = word.substring(first, last);
        return (first == 0) != (last == word.length())
                && letters.length() >= 5
                && letters.charAt(0) >= 'A'
                && letters.charAt(0) <= 'Z'
                && letters.substring(1).chars().allMatch(c -> c >= 'a' && c <= 'z')
                && codeShapeRefuses(letters);
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
        return equal || (long3 && !namedAndNumbered(blocks));
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
