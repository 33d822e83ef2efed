package dev.breakglass.plugin;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A format declared by its facts and its codes' {@link CodeShape}: what most apps need, with no pattern to write.
 *
 * <pre>{@code
 * @Extension
 * public final class AcmeFormat extends ShapedCodeFormat {
 *     public AcmeFormat() {
 *         super(FormatFacts.of("acme", "Acme").expectedCodes(10),
 *               CodeShape.digits(8).groups(4, 4).separator(" "));
 *     }
 * }
 * }</pre>
 *
 * <p>It reads a code in its groups with a space, a dash (also between spaces) or nothing between them, in any case;
 * a code without groups also in equal blocks (a long key printed {@code 4283 fefc 63f0 ...}); letter-spaced
 * ({@code 1 2 3 4 5 6 7 8}); and split over consecutive lines (a key printed as a grid, a code's halves on two
 * lines of a PDF), as long as the pieces add up to exactly one code and each line shows where it breaks (blocks,
 * letter spacing, or exactly the shape's groups). It never joins pieces that a code of this shape would not be made
 * of, nor two whole lines that are more likely two codes. Codes are saved in the shape's case and with or without
 * its separator, and shown in their groups.
 */
public abstract class ShapedCodeFormat extends LineCodeFormat {

    /** A line longer than this holds more than a piece of a code, so it never starts or continues a split one. */
    private static final int MAX_PIECE_LINE = 200;

    /** Lines of this many digits are codes of their own, never halves of a code of letters and digits. */
    private static final int MIN_NUMBER_OF_ITS_OWN = 6;

    /** The shortest part of a code printed one part a line that is joined with the next lines. */
    private static final int MIN_PIECE = 4;

    private static final Pattern BLOCK_BREAK = Pattern.compile("[ \t-]+");

    /** What separates the codes of a row: a slash, comma, semicolon, bar or tab. */
    private static final String ROW_SEPARATORS = "/,;|\t";

    private static final Pattern NAME_BREAK = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final CodeShape shape;
    /** One code of the shape on a line (without the whole-word test of {@link LineCodeFormat}). */
    private final Pattern codes;
    /** One code of the shape as a whole word, also with a dash between spaces between groups; null without groups. */
    private final Pattern spacedDashCodes;
    /** How many characters of the alphabet in a row a code of the shape can start with (see {@link #mayStartAt}). */
    private final Set<Integer> startRuns;
    /** The words that name the app (its display name's and its keywords'), in lower case: never a code. */
    private final Set<String> appNames;

    /**
     * @param facts what the app's help pages say about its codes
     * @param shape what one code looks like
     */
    protected ShapedCodeFormat(FormatFacts facts, CodeShape shape) {
        super(facts, Pattern.compile(shape.pattern()));
        this.shape = shape;
        this.codes = Pattern.compile(shape.pattern());
        this.spacedDashCodes = shape.groupSizes().isEmpty() ? null : wholeWord(shape.pattern(true));
        this.startRuns = startRuns(shape);
        Set<String> names = new HashSet<>();
        Stream.concat(Stream.of(facts.displayName()), facts.keywords().stream())
                .flatMap(name -> NAME_BREAK.splitAsStream(name.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .forEach(names::add);
        this.appNames = Set.copyOf(names);
    }

    /** The shape this format was declared with. */
    public final CodeShape shape() {
        return shape;
    }

    @Override
    protected final String canonical(String matched) {
        return shape.normalise(matched).orElse(matched);
    }

    /**
     * A match is no code when the separators in it fall on some of the shape's group boundaries but not on others (a
     * UUID's 8-4-4-4-12 is not a code in groups of 4), or when the shape has no groups of its own and one of the
     * blocks it was typed in is an English word or the app's name ("2026 Zoom"). A letters-only match is no code when it names the app ("Nintendo" is 8 letters, like a Nintendo
     * code) or sits on a line that also holds words of other lengths (a word in a sentence), unless that line also
     * holds codes of the shape with digits in them (then it is one of a row of codes, and only a word that such
     * pages use is refused: {@link CodeShape#normaliseAmongCodes}).
     */
    @Override
    final String codeOf(String line, int start, int end) {
        String matched = line.substring(start, end);
        Optional<String> code = shape.normalise(matched);
        boolean inARow = false;
        if (code.isEmpty()
                && Words.lettersOnly(shape.alphabet(), matched)
                && betweenSeparators(line, start, end)
                && holdsCodeWithDigits(line, start, end)) {
            // In a row of codes with digits (o3e1-zcsy / tiyf-juzy / ...), letters that read like a word by chance
            // are one of the row's codes; a word that such pages use is not. Only a match set apart by the row's
            // separators is tried: the words of a sentence never are, and testing each of them would be slow.
            code = shape.normaliseAmongCodes(matched);
            inARow = code.isPresent();
        }
        if (code.isEmpty()
                || !separatorsOnGroups(matched)
                || (shape.groupSizes().isEmpty() && !inARow && blockNamesAWord(matched))
                || partOfALongerKey(line, start, end)) {
            return null;
        }
        if (!Words.lettersOnly(shape.alphabet(), code.get())) {
            return code.get();
        }
        if (namesTheApp(code.get())) {
            return null;
        }
        return Words.amongOtherWords(line, start, end, shape) && !holdsCodeWithDigits(line, start, end)
                ? null
                : code.get();
    }

    /** Separators between none of the groups, all of them, or every character (letter-spaced); never some. */
    private boolean separatorsOnGroups(String matched) {
        List<Integer> groups = shape.groupSizes();
        if (groups.isEmpty()) {
            return true;
        }
        Set<Integer> breaks = new HashSet<>();
        int characters = 0;
        for (int i = 0; i < matched.length(); i++) {
            char c = matched.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                breaks.add(characters);
            } else {
                characters++;
            }
        }
        breaks.remove(0);
        breaks.remove(characters);
        if (breaks.isEmpty() || breaks.size() == characters - 1) {
            return true;
        }
        Set<Integer> boundaries = new HashSet<>();
        int at = 0;
        for (int size : groups.subList(0, groups.size() - 1)) {
            at += size;
            boundaries.add(at);
        }
        return breaks.equals(boundaries);
    }

    /**
     * Whether the match is part of a longer key printed in the same blocks: the run of blocks around it (split by
     * spaces and dashes) are all of the size of the shape's equal groups, or all single letter-spaced characters, and
     * they do not make a whole number of codes ({@code bimh dl8q y5tq 9zzy pnq6} is no 16-character code and a
     * piece; {@code 1234 5678 8765 4321} are two codes of 8).
     */
    private boolean partOfALongerKey(String line, int start, int end) {
        List<String> blocks = new ArrayList<>(List.of(BLOCK_BREAK.split(line.substring(start, end))));
        int from = start;
        while (from > 0 && (line.charAt(from - 1) == ' ' || line.charAt(from - 1) == '-')) {
            int blockEnd = from - 1;
            while (blockEnd > 0 && (line.charAt(blockEnd - 1) == ' ' || line.charAt(blockEnd - 1) == '-')) {
                blockEnd--;
            }
            int blockStart = blockEnd;
            while (blockStart > 0 && shape.alphabet().contains(line.charAt(blockStart - 1))) {
                blockStart--;
            }
            String block = line.substring(blockStart, blockEnd);
            if (!continuesTheKey(line, blockStart, blockEnd, block, holdsADash(line.substring(blockEnd, from)))) {
                break;
            }
            if (blocks.size() > MAX_PIECE_LINE) {
                return false; // a row too long to be one key: codes side by side
            }
            blocks.add(0, block);
            from = blockStart;
        }
        int to = end;
        while (to < line.length() && (line.charAt(to) == ' ' || line.charAt(to) == '-')) {
            int blockStart = to + 1;
            while (blockStart < line.length() && (line.charAt(blockStart) == ' ' || line.charAt(blockStart) == '-')) {
                blockStart++;
            }
            int blockEnd = blockStart;
            while (blockEnd < line.length() && shape.alphabet().contains(line.charAt(blockEnd))) {
                blockEnd++;
            }
            String block = line.substring(blockStart, blockEnd);
            if (!continuesTheKey(line, blockStart, blockEnd, block, holdsADash(line.substring(to, blockStart)))) {
                break;
            }
            if (blocks.size() > MAX_PIECE_LINE) {
                return false; // a row too long to be one key: codes side by side
            }
            blocks.add(block);
            to = blockEnd;
        }
        if (from == start && to == end) {
            return false;
        }
        int characters = 0;
        boolean letterSpaced = true;
        int group = shape.groupSizes().isEmpty() ? 0 : shape.groupSizes().get(0);
        boolean inGroups = group > 0 && shape.groupSizes().stream().allMatch(size -> size == group);
        for (String block : blocks) {
            characters += block.length();
            letterSpaced &= block.length() == 1;
            inGroups &= block.length() == group;
        }
        if (letterSpaced) {
            int all = characters;
            return shape.lengths().stream().noneMatch(length -> all % length == 0);
        }
        return inGroups && blocks.size() % shape.groupSizes().size() != 0;
    }

    /**
     * A block next to a match that may be more of the same key: whole, of the alphabet, and not a word; a block of
     * letters only continues it only after a dash ("Backup code ab12 cd34" is a label and a code, not a key of three
     * blocks).
     */
    private boolean continuesTheKey(String line, int blockStart, int blockEnd, String block, boolean afterDash) {
        return !block.isEmpty()
                && (blockStart == 0 || !Character.isLetterOrDigit(line.charAt(blockStart - 1)))
                && (blockEnd == line.length() || !Character.isLetterOrDigit(line.charAt(blockEnd)))
                && !(block.length() > 1
                        && Words.lettersOnly(shape.alphabet(), block)
                        && (!afterDash || Words.looksLikeWord(shape.alphabet(), block)));
    }

    /** A dash between two letters or digits, and none at the end. */
    private static boolean holdsADashInside(String text) {
        String strip = text.strip();
        if (strip.isEmpty() || strip.charAt(strip.length() - 1) == '-') {
            return false;
        }
        for (int i = 1; i < strip.length() - 1; i++) {
            if (strip.charAt(i) == '-'
                    && Character.isLetterOrDigit(strip.charAt(i - 1))
                    && Character.isLetterOrDigit(strip.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean holdsADash(String text) {
        return text.indexOf('-') >= 0;
    }

    /** Whether a block of a match split by spaces or dashes is a word of letters only or the app's name. */
    private boolean blockNamesAWord(String matched) {
        if (shape.alphabet() != CodeShape.Alphabet.LETTERS_AND_DIGITS) {
            return false;
        }
        for (String block : BLOCK_BREAK.split(matched)) {
            if (block.length() > 1
                    && Words.lettersOnly(shape.alphabet(), block)
                    && (namesTheApp(block) || Words.looksLikeWord(shape.alphabet(), block))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a separator of a row of codes ({@code /}, {@code ,}, {@code ;}, {@code |}, a tab) stands next to the
     * match on one side, and one or the line's edge on the other (spaces aside).
     */
    private static boolean betweenSeparators(String line, int start, int end) {
        int before = start - 1;
        while (before >= 0 && line.charAt(before) == ' ') {
            before--;
        }
        int after = end;
        while (after < line.length() && line.charAt(after) == ' ') {
            after++;
        }
        boolean separatorBefore = before >= 0 && ROW_SEPARATORS.indexOf(line.charAt(before)) >= 0;
        boolean separatorAfter = after < line.length() && ROW_SEPARATORS.indexOf(line.charAt(after)) >= 0;
        return (separatorBefore || separatorAfter)
                && (separatorBefore || before < 0)
                && (separatorAfter || after >= line.length());
    }

    /** Whether the line holds, outside the match, another code of the shape that has a digit in it. */
    private boolean holdsCodeWithDigits(String line, int start, int end) {
        // Near the match only, as for its sentence's words: the whole line each time would be quadratic.
        Matcher other = codes.matcher(line)
                .region(Math.max(0, start - Words.SENTENCE_REACH), Math.min(line.length(), end + Words.SENTENCE_REACH));
        while (other.find()) {
            if ((other.end() <= start || other.start() >= end)
                    && !Words.lettersOnly(shape.alphabet(), other.group())
                    && shape.normalise(other.group()).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A code of the shape starts with a run of its alphabet exactly as long as the whole code (without groups), as a
     * block (a key in blocks, a code in halves), as one or more of its groups, or as one character (letter-spaced):
     * anywhere else the pattern cannot match, so it is not run there.
     */
    @Override
    boolean mayStartAt(String text, int at) {
        int run = 0;
        while (at + run < text.length() && shape.alphabet().contains(text.charAt(at + run))) {
            run++;
        }
        return run == 1 || startRuns.contains(run);
    }

    private static Set<Integer> startRuns(CodeShape shape) {
        Set<Integer> runs = new HashSet<>();
        for (int length : shape.lengths()) {
            runs.add(length);
            for (int size = 4; size <= 8 && shape.groupSizes().isEmpty(); size++) {
                // the blocks CodeShape#pattern() reads a code without groups in
                if (length >= 8 && length % size == 0 && length / size >= 2) {
                    runs.add(size);
                }
            }
        }
        int sum = 0;
        for (int size : shape.groupSizes()) {
            sum += size;
            runs.add(sum);
        }
        return Set.copyOf(runs);
    }

    private boolean namesTheApp(String word) {
        return appNames.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The pattern that also reads a dash between spaces between groups, on a line that holds one. */
    @Override
    Pattern patternFor(String line) {
        return spacedDashCodes != null && line.contains(" - ") ? spacedDashCodes : super.patternFor(line);
    }

    @Override
    public String display(String code) {
        return shape.display(code);
    }

    /**
     * The codes on single lines, then the codes split over consecutive lines that held none on their own, unless
     * joining lines would give more than twice the codes the app's set holds ({@link FormatFacts#expectedCodes}).
     * The lines
     * are scanned once, keeping a window of consecutive pieces no longer than the longest code: each line's piece is
     * worked out once, and the window's joined text and blocks grow with it, so a paste costs time in proportion to
     * its length (not to the square of a long run of short pieces, such as a letter-spaced key one character a line).
     */
    @Override
    public FormatReading read(Paste paste) {
        FormatReading byLine = lettersOnlyInTheListsBlocks(paste, super.read(paste));
        if (byLine.unreadable().size() < 2) {
            return byLine;
        }
        List<FoundCode> codes = new ArrayList<>(byLine.codes());
        List<PasteLine> unreadable = new ArrayList<>();
        Window window = new Window();
        boolean listOfCodes = facts().expectedCodeCount() > 1;
        for (PasteLine line : byLine.unreadable()) {
            if (!window.isEmpty()
                    && (window.lastIndex() + 1 != line.index() || line.number().isPresent())) {
                // A numbered item is an entry of its own: it never continues the code of the item before it.
                unreadable.addAll(window.clear());
            }
            String bare = bare(line.text());
            if (bare.isEmpty() || (listOfCodes && holdsADashInside(line.text()))) {
                // A line with a dash inside and none at its end is a whole code as someone wrote it (7mec-7al9), in an
                // app that gives a list of codes: never a piece of a longer one.
                if (!window.isEmpty()) {
                    unreadable.addAll(window.clear());
                }
                unreadable.add(line);
                continue;
            }
            window.add(piece(line, bare));
            while (!window.isEmpty()) {
                Optional<String> code = codeAcross(window);
                if (code.isPresent()) {
                    codes.add(new FoundCode(code.get(), window.firstIndex(), 0));
                    window.clear();
                } else if (window.length() >= shape.longest() && window.size() > 1) {
                    // Too long already: the first line holds no code with those after it; try without it.
                    unreadable.add(window.dropFirst());
                    continue;
                }
                break;
            }
        }
        unreadable.addAll(window.clear());
        int joined = codes.size() - byLine.codes().size();
        int expected = facts().expectedCodeCount();
        if (expected > 0 && joined >= 2 && codes.size() > 2 * expected) {
            // Lines joined into more than twice the codes the app gives in a set: the lines are whole codes of another
            // shape (a list of ten eight-character codes is no set of 24-character keys), not pieces of this one.
            return byLine;
        }
        unreadable.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new FormatReading(codes, wrappedAtDashes(unreadable, codes));
    }

    /**
     * Codes of letters only printed in blocks ({@code OOLMF PHYGH}), alone on their lines, in a list whose other codes
     * are alone on their lines in the same blocks and case, with digits in them: at least two such codes, and half
     * the lines with a code. Without that list, letters in blocks with a space between them are words of a sentence.
     * Between two codes of that list, letters only in one block ({@code EGUTGI}) are a code too, unless they are a
     * word that such pages use ({@link CodeShape#normaliseAmongCodes}).
     */
    private FormatReading lettersOnlyInTheListsBlocks(Paste paste, FormatReading byLine) {
        if (byLine.codes().size() < 2
                || byLine.unreadable().isEmpty()
                || shape.alphabet() != CodeShape.Alphabet.LETTERS_AND_DIGITS) {
            return byLine;
        }
        Map<String, Integer> layouts = new HashMap<>();
        Set<Integer> lengths = new HashSet<>();
        Set<Integer> linesWithCodes = new HashSet<>();
        for (FoundCode code : byLine.codes()) {
            if (linesWithCodes.add(code.line())
                    && code.line() >= 0
                    && code.line() < paste.lines().size()) {
                String text = paste.lines().get(code.line()).text().strip();
                if (text.length() <= MAX_PIECE_LINE && codes.matcher(text).matches()) {
                    layouts.merge(CodeShape.layoutOf(text), 1, Integer::sum);
                    lengths.add(text.length());
                }
            }
        }
        if (layouts.isEmpty()) {
            return byLine;
        }
        List<FoundCode> found = new ArrayList<>(byLine.codes());
        List<PasteLine> unreadable = new ArrayList<>();
        for (PasteLine line : byLine.unreadable()) {
            String text = line.text();
            boolean lettersOfACodesLength =
                    lengths.contains(text.length()) && Words.lettersOnly(shape.alphabet(), text);
            // Whether the line stands between two lines of codes: asked only of letters of a code's length.
            boolean amongCodes = lettersOfACodesLength && paste.isBetween(line.index(), linesWithCodes);
            int same = lettersOfACodesLength && (text.indexOf(' ') > 0 || amongCodes)
                    ? layouts.getOrDefault(CodeShape.layoutOf(text.strip()), 0)
                    : 0;
            text = text.strip();
            Optional<String> code = same >= 2
                            && same * 2 >= linesWithCodes.size()
                            && codes.matcher(text).matches()
                    ? amongCodes ? shape.normaliseAmongCodes(text) : shape.normaliseInBlocks(text)
                    : Optional.empty();
            if (code.isPresent() && !namesTheApp(code.get())) {
                found.add(new FoundCode(code.get(), line.index(), line.text().indexOf(text)));
            } else {
                unreadable.add(line);
            }
        }
        return found.size() == byLine.codes().size() ? byLine : new FormatReading(found, unreadable);
    }

    /**
     * Codes that a mail client wrapped at one of their dashes ({@code ... is X2QEX-P3B9B-5FZIC} then
     * {@code -ZN5XT-9LO1A please store it}): the end of one line and the start of the next, joined where the dash
     * shows the break, when together they make one code of the shape in its groups. Adds them to {@code codes} and
     * answers the lines still unread.
     */
    private List<PasteLine> wrappedAtDashes(List<PasteLine> unreadable, List<FoundCode> codes) {
        List<PasteLine> still = new ArrayList<>(unreadable.size());
        for (int i = 0; i < unreadable.size(); i++) {
            PasteLine line = unreadable.get(i);
            if (i + 1 < unreadable.size()
                    && unreadable.get(i + 1).index() == line.index() + 1
                    && (lastNonBlank(line.text()) == '-'
                            || firstNonBlank(unreadable.get(i + 1).text()) == '-')) {
                String end = lastToken(line.text());
                String start = firstToken(unreadable.get(i + 1).text());
                if ((end.endsWith("-") || start.startsWith("-")) && end.length() + start.length() <= MAX_PIECE_LINE) {
                    String joined = end + (end.endsWith("-") && start.startsWith("-") ? start.substring(1) : start);
                    Optional<String> code = shape.normalise(joined);
                    if (code.isPresent() && !shape.groupSizes().isEmpty() && separatorsOnGroups(joined)) {
                        codes.add(new FoundCode(
                                code.get(), line.index(), line.text().lastIndexOf(end)));
                        i++;
                        continue;
                    }
                }
            }
            still.add(line);
        }
        return still;
    }

    private static char lastNonBlank(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }

    private static char firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return text.charAt(i);
            }
        }
        return ' ';
    }

    private static String lastToken(String text) {
        String stripped = text.strip();
        return stripped.substring(Math.max(stripped.lastIndexOf(' '), stripped.lastIndexOf('\t')) + 1);
    }

    private static String firstToken(String text) {
        String stripped = text.strip();
        int space = stripped.indexOf(' ');
        int tab = stripped.indexOf('\t');
        int end = space < 0 ? tab : tab < 0 ? space : Math.min(space, tab);
        return end < 0 ? stripped : stripped.substring(0, end);
    }

    /**
     * The code that the window's pieces make together, when they make exactly one and show where it breaks: each piece
     * is letter-spaced or printed in blocks, and for a shape with groups the blocks are exactly its groups. Lines
     * without a break inside are joined only as equal parts each shorter than any code ({@code 3VGV} over
     * {@code KYU3}); lines that could be whole codes ({@code 11111111} over {@code 22222222}) are never joined.
     */
    private Optional<String> codeAcross(Window window) {
        if (window.size() < 2
                || window.startsAfterADash()
                || window.endsWithADash()
                || (shape.groupSizes().isEmpty() && window.unbroken() > 0 && !window.equalShortPieces(shortest()))
                || !shape.lengths().contains(window.length())
                || (!shape.groupSizes().isEmpty()
                        && !window.blocks().isEmpty()
                        && !window.blocks().equals(shape.groupSizes()))
                || numbersOfTheirOwn(window)) {
            return Optional.empty();
        }
        return shape.normalise(window.joined());
    }

    /**
     * Lines of six digits or more each, for a shape of letters and digits: numeric codes of their own (a list of
     * six-digit codes), never the halves of one code of letters and digits.
     */
    private boolean numbersOfTheirOwn(Window window) {
        return shape.alphabet() == CodeShape.Alphabet.LETTERS_AND_DIGITS
                && window.joined().chars().allMatch(c -> c >= '0' && c <= '9')
                && window.length() / window.size() >= MIN_NUMBER_OF_ITS_OWN;
    }

    private int shortest() {
        return shape.lengths().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    /** A line's piece of a code: its characters, the sizes of its blocks, and whether it is letter-spaced. */
    private static Piece piece(PasteLine line, String bare) {
        List<Integer> blocks = new ArrayList<>();
        for (String block : BLOCK_BREAK.split(line.text().strip())) {
            blocks.add(block.length());
        }
        boolean letterSpaced = blocks.stream().allMatch(length -> length == 1);
        return new Piece(
                line,
                bare,
                letterSpaced ? List.of() : blocks,
                !letterSpaced && blocks.size() < 2,
                lastNonBlank(line.text()) == '-');
    }

    /**
     * @param blocks the sizes of the line's blocks; empty when it is letter-spaced
     * @param unbroken the line is one block: it shows no break
     * @param endsWithADash the line breaks a code after one of its dashes: the code goes on on the next line
     */
    private record Piece(PasteLine line, String bare, List<Integer> blocks, boolean unbroken, boolean endsWithADash) {}

    /** Consecutive pieces that may still make one code, with their joined characters and blocks kept up to date. */
    private static final class Window {

        private final ArrayDeque<Piece> pieces = new ArrayDeque<>();
        private final StringBuilder joined = new StringBuilder();
        private final List<Integer> blocks = new ArrayList<>();
        private int unbroken;
        /** The line before the first piece ended with a dash: the first piece is the end of a code, not its start. */
        private boolean startsAfterADash;

        void add(Piece piece) {
            pieces.addLast(piece);
            joined.append(piece.bare());
            blocks.addAll(piece.blocks());
            unbroken += piece.unbroken() ? 1 : 0;
        }

        /** Takes out the first piece's line; the rest is joined again (at most a code's length). */
        PasteLine dropFirst() {
            Piece first = pieces.removeFirst();
            List<Piece> rest = List.copyOf(pieces);
            clear();
            rest.forEach(this::add);
            startsAfterADash = first.endsWithADash();
            return first.line();
        }

        boolean startsAfterADash() {
            return startsAfterADash;
        }

        boolean endsWithADash() {
            return !pieces.isEmpty() && pieces.getLast().endsWithADash();
        }

        /** Empties the window and gives back its lines. */
        List<PasteLine> clear() {
            List<PasteLine> lines = pieces.stream().map(Piece::line).toList();
            pieces.clear();
            joined.setLength(0);
            blocks.clear();
            unbroken = 0;
            startsAfterADash = false;
            return lines;
        }

        boolean isEmpty() {
            return pieces.isEmpty();
        }

        int size() {
            return pieces.size();
        }

        int firstIndex() {
            return pieces.getFirst().line().index();
        }

        int lastIndex() {
            return pieces.getLast().line().index();
        }

        int length() {
            return joined.length();
        }

        String joined() {
            return joined.toString();
        }

        List<Integer> blocks() {
            return blocks;
        }

        int unbroken() {
            return unbroken;
        }

        /**
         * Every piece is one block of the same size, of 4 or more and shorter than any code: a code's equal parts,
         * one a line ({@code 3VGV} over {@code KYU3}, a PDF's narrow column), never two whole codes.
         */
        boolean equalShortPieces(int shortestCode) {
            int size = pieces.getFirst().bare().length();
            if (size < MIN_PIECE || size >= shortestCode) {
                return false;
            }
            for (Piece piece : pieces) {
                if (!piece.unbroken() || piece.bare().length() != size) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A line's characters without spaces and dashes when it holds nothing but characters of the shape's alphabet
     * and no English word (a piece of a code); empty otherwise.
     */
    private String bare(String text) {
        if (text.length() > MAX_PIECE_LINE) {
            return "";
        }
        StringBuilder bare = new StringBuilder(text.length());
        int wordStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ' ' || c == '-' || c == '\t') {
                String word = text.substring(wordStart, i);
                if (Words.looksLikeWord(shape.alphabet(), word)
                        || (Words.lettersOnly(shape.alphabet(), word) && namesTheApp(word))) {
                    return "";
                }
                wordStart = i + 1;
                continue;
            }
            if (!shape.alphabet().contains(c)) {
                return "";
            }
            bare.append(c);
        }
        return bare.toString();
    }
}
