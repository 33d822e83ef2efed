package dev.breakglass.plugin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * @param facts what the app's help pages say about its codes
     * @param code what one code looks like on a line, without anchors
     */
    protected LineCodeFormat(FormatFacts facts, Pattern code) {
        super(facts);
        this.code =
                Pattern.compile("(?<!" + NOT_WORD + ")(?:" + code.pattern() + ")(?!" + NOT_WORD + ")", code.flags());
        this.keywords = facts.keywords().isEmpty()
                ? null
                : Pattern.compile(
                        "(?<![\\p{L}\\p{N}])(?:"
                                + facts.keywords().stream().map(Pattern::quote).collect(Collectors.joining("|"))
                                + ")(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** The saved form of a code as matched, such as {@code 12345678} for {@code 1234 5678}. Unchanged by default. */
    protected String canonical(String matched) {
        return matched;
    }

    @Override
    public FormatReading read(Paste paste) {
        List<FoundCode> found = new ArrayList<>();
        List<PasteLine> unreadable = new ArrayList<>();
        for (PasteLine line : paste.lines()) {
            Matcher matcher = code.matcher(line.text());
            boolean any = false;
            while (matcher.find()) {
                found.add(new FoundCode(canonical(matcher.group()), line.index(), matcher.start()));
                any = true;
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
        if (keywords != null && keywords.matcher(paste.text()).find()) {
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

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id() + "]";
    }
}
