package dev.breakglass.plugin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A format whose codes one regular expression recognises, line by line: what most apps need. A subclass passes its
 * {@link FormatFacts} and pattern, and overrides {@link #canonical(String)} when the saved form differs from the
 * shown one (spaces or dashes dropped, case folded) and {@link #display(String)} for the way back.
 *
 * <p>A match counts only as a whole word: letters, digits, dashes or underscores right before or after it mean it
 * is part of something longer, and it is skipped.
 */
public abstract class LineCodeFormat extends FactsBackedFormat {

    private static final String NOT_WORD = "[\\p{L}\\p{N}_-]";
    private static final double BASE = 0.3;
    private static final double NAMED = 0.4;
    private static final double EXACT_COUNT = 0.2;
    private static final double FEWER_THAN_EXPECTED = 0.1;
    private static final double NOTHING_UNREAD = 0.1;

    private final Pattern code;
    private final Pattern keywords;
    private final List<String> lowerKeywords;

    /**
     * @param facts what the app's help pages say about its codes
     * @param code what one code looks like on a line, without anchors
     */
    protected LineCodeFormat(FormatFacts facts, Pattern code) {
        super(facts);
        // The "not right after a word character" test is made in Java (see wholeWords), not as a leading look-behind:
        // a look-behind first would run at every position of every line, and cost most of the time on a long paste.
        this.code = Pattern.compile("(?:" + code.pattern() + ")(?!" + NOT_WORD + ")", code.flags());
        this.lowerKeywords = facts.keywords().stream()
                .map(keyword -> keyword.toLowerCase(Locale.ROOT))
                .toList();
        this.keywords = facts.keywords().isEmpty()
                ? null
                : Pattern.compile(
                        "(?:"
                                + facts.keywords().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                                + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The pattern that finds codes on this line: the format's own, unless a subclass knows a better one for it. */
    Pattern patternFor(String line) {
        return code;
    }

    /** A code pattern that matches only as a whole word, as the format's own does. */
    static Pattern wholeWord(String pattern) {
        return Pattern.compile("(?:" + pattern + ")(?!" + NOT_WORD + ")");
    }

    /** The saved form of a code as matched, such as {@code 12345678} for {@code 1234 5678}. Unchanged by default. */
    protected String canonical(String matched) {
        return matched;
    }

    /**
     * The saved form of the match between {@code start} and {@code end} on a line, or null when it is not a code
     * after all (a shaped format's word guard).
     */
    String codeOf(String line, int start, int end) {
        return canonical(line.substring(start, end));
    }

    @Override
    public FormatReading read(Paste paste) {
        List<FoundCode> found = new ArrayList<>();
        List<PasteLine> unreadable = new ArrayList<>();
        for (PasteLine line : paste.lines()) {
            String text = line.text();
            Matcher matcher = patternFor(text).matcher(text);
            boolean any = false;
            int from = 0;
            while (from <= text.length() && findCode(matcher, text, from)) {
                String saved = codeOf(text, matcher.start(), matcher.end());
                if (saved != null) {
                    found.add(new FoundCode(saved, line.index(), matcher.start()));
                    any = true;
                }
                from = matcher.end() > matcher.start() ? matcher.end() : matcher.end() + 1;
            }
            if (!any && line.hasContent()) {
                unreadable.add(line);
            }
        }
        return new FormatReading(found, unreadable);
    }

    /**
     * 0 without codes; otherwise a base, more when the paste names the app, more when it holds exactly the expected
     * number of codes (a little when fewer, the rest may be used), and a little more when no line went unread. A
     * paste that does not name the app never reaches the confidence Breakglass asks of a format it was not told to
     * use (the contract module's {@code Recognition.THRESHOLD}).
     */
    @Override
    public double confidence(Paste paste) {
        FormatReading reading = read(paste);
        Set<String> distinct = new LinkedHashSet<>();
        reading.codes().forEach(found -> distinct.add(found.code()));
        if (distinct.isEmpty()) {
            return 0;
        }
        double score = BASE;
        String text = keywords == null ? "" : paste.text();
        if (keywords != null
                && mentionsAKeyword(paste.lowerCaseText())
                && findAfterNonWord(keywords.matcher(text), text, 0, LineCodeFormat::isLetterOrNumber)) {
            score += NAMED;
        }
        int expected = facts().expectedCodeCount();
        if (expected > 0 && distinct.size() == expected) {
            score += EXACT_COUNT;
        } else if (expected > 0 && distinct.size() < expected) {
            score += FEWER_THAN_EXPECTED;
        }
        if (reading.unreadable().isEmpty()) {
            score += NOTHING_UNREAD;
        }
        return Math.min(1, score);
    }

    /** A quick test before the keyword pattern runs over every word of a long paste: a keyword is in the text. */
    private boolean mentionsAKeyword(String lower) {
        for (String keyword : lowerKeywords) {
            if (lower.contains(keyword)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first match at or after {@code from} that does not follow a word character, as a leading
     * {@code (?<!word)} would find it; only positions after a non-word character are tried, so a long line costs
     * one try per word rather than one per character.
     */
    private boolean findCode(Matcher matcher, String text, int from) {
        return findAfterNonWord(matcher, text, from, LineCodeFormat::isCodeWordChar, this::mayStartAt);
    }

    /**
     * Whether a code may start at this word start: a quick test that saves running the pattern where it cannot match
     * (every word start of every line of a long paste, for every format). True unless a subclass knows better.
     */
    boolean mayStartAt(String text, int at) {
        return true;
    }

    private static boolean findAfterNonWord(Matcher matcher, String text, int from, IntPredicate wordChar) {
        return findAfterNonWord(matcher, text, from, wordChar, (line, at) -> true);
    }

    private static boolean findAfterNonWord(
            Matcher matcher, String text, int from, IntPredicate wordChar, BiPredicate<String, Integer> mayStart) {
        matcher.useTransparentBounds(true).useAnchoringBounds(false);
        for (int at = from; at <= text.length(); at++) {
            if (at > 0 && at < text.length() && Character.isSurrogatePair(text.charAt(at - 1), text.charAt(at))) {
                continue;
            }
            if (at > 0 && wordChar.test(Character.codePointBefore(text, at))) {
                continue;
            }
            if (mayStart.test(text, at) && matcher.region(at, text.length()).lookingAt()) {
                return true;
            }
        }
        return false;
    }

    /** {@code [\p{L}\p{N}_-]}: letters, digits, underscore and dash. */
    private static boolean isCodeWordChar(int codePoint) {
        return codePoint == '_' || codePoint == '-' || isLetterOrNumber(codePoint);
    }

    private static boolean isLetterOrNumber(int codePoint) {
        return Character.isLetter(codePoint) || isNumber(codePoint);
    }

    /** {@code \p{N}}: decimal digits, letter numbers (Roman numerals) and other numbers (superscripts, fractions). */
    private static boolean isNumber(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.DECIMAL_DIGIT_NUMBER
                || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id() + "]";
    }
}
