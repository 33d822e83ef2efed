package dev.breakglass.plugin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * What one code of an app looks like, declared rather than written as a pattern: its alphabet, its length, the
 * groups the app prints it in, the separator between them, and the case it is saved in. A {@link ShapedCodeFormat}
 * reads codes from it, also when they were retyped in another case or with other separators, printed in groups,
 * letter-spaced or split over lines. Immutable; each method returns a new shape.
 *
 * <pre>{@code
 * CodeShape.digits(8).groups(4, 4).separator(" ")          // 1234 5678, saved as 12345678
 * CodeShape.hex(10).groups(5, 5).separator("-").savedWithSeparator()   // 4283f-efc63, saved so
 * CodeShape.lettersAndDigits(25).groups(5, 5, 5, 5, 5).separator("-").upperCase()
 * }</pre>
 *
 * <p>A letters-and-digits code made only of letters is taken only when it is not an English word and does not read
 * like one, so that "recovery" or "download" on a settings page never becomes a code.
 */
public final class CodeShape {

    /** The characters a code is made of; letters are read in any case. */
    public enum Alphabet {
        /** 0 to 9. */
        DIGITS("0-9"),
        /** 0 to 9 and a to f. */
        HEX("0-9a-fA-F"),
        /** 0 to 9 and a to z: codes made only of letters are checked against English words. */
        LETTERS_AND_DIGITS("0-9a-zA-Z");

        private final String range;

        Alphabet(String range) {
            this.range = range;
        }

        /** Whether a character (in any case) belongs to this alphabet. */
        public boolean contains(char c) {
            return (c >= '0' && c <= '9')
                    || (this == HEX && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
                    || (this == LETTERS_AND_DIGITS && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')));
        }

        String characterClass() {
            return "[" + range + "]";
        }
    }

    /** The case letters are saved in; codes are read in any case. */
    public enum LetterCase {
        LOWER,
        UPPER,
        /** As pasted: for an app whose codes may tell cases apart, or whose case is not known. */
        AS_PASTED
    }

    private static final int MAX_LENGTH = 128;
    /**
     * A shorter code without groups is never read from blocks. From 8 on, a code retyped in halves ({@code K3F9 2M7X})
     * is read; a block that is a word or the app's name ("2026 Zoom") is refused by the format.
     */
    private static final int MIN_BLOCKED = 8;

    private final Alphabet alphabet;
    private final List<Integer> lengths;
    private final List<Integer> groups;
    private final String separator;
    private final boolean savedWithSeparator;
    private final LetterCase letterCase;

    private CodeShape(
            Alphabet alphabet,
            List<Integer> lengths,
            List<Integer> groups,
            String separator,
            boolean savedWithSeparator,
            LetterCase letterCase) {
        this.alphabet = alphabet;
        this.lengths = List.copyOf(lengths);
        this.groups = List.copyOf(groups);
        this.separator = separator;
        this.savedWithSeparator = savedWithSeparator;
        this.letterCase = letterCase;
    }

    /** Codes of digits, such as {@code 12345678}. */
    public static CodeShape digits(int length) {
        return of(Alphabet.DIGITS, length);
    }

    /** Codes of hexadecimal digits, such as {@code 4283fefc63f0cd0e}; saved in lower case. */
    public static CodeShape hex(int length) {
        return of(Alphabet.HEX, length);
    }

    /** Codes of letters and digits, such as {@code ieqh524y}; saved in lower case unless {@link #upperCase()}. */
    public static CodeShape lettersAndDigits(int length) {
        return of(Alphabet.LETTERS_AND_DIGITS, length);
    }

    /** Codes of the given alphabet and length (characters, separators not counted). */
    public static CodeShape of(Alphabet alphabet, int length) {
        checkLength(length);
        return new CodeShape(alphabet, List.of(length), List.of(), "", false, LetterCase.LOWER);
    }

    /** Another length the app's codes may have (only for a shape without groups), such as 8 or 10 digits. */
    public CodeShape orLength(int length) {
        checkLength(length);
        if (!groups.isEmpty()) {
            throw new IllegalArgumentException("A shape printed in groups has one length, the groups' sum");
        }
        List<Integer> more = new ArrayList<>(lengths);
        if (!more.contains(length)) {
            more.add(length);
        }
        return new CodeShape(alphabet, more, groups, separator, savedWithSeparator, letterCase);
    }

    /**
     * The groups the app prints a code in, such as {@code 4, 4} for {@code 1234 5678}; they must add up to the
     * length. Groups are where a separator may be read, and where {@link #separator(String)} is shown.
     */
    public CodeShape groups(int... sizes) {
        if (sizes.length < 2 || Arrays.stream(sizes).anyMatch(size -> size < 1)) {
            throw new IllegalArgumentException("Groups are two or more sizes of 1 or more");
        }
        if (lengths.size() != 1 || IntStream.of(sizes).sum() != lengths.get(0)) {
            throw new IllegalArgumentException("The groups must add up to the code's one length " + lengths);
        }
        return new CodeShape(
                alphabet, lengths, Arrays.stream(sizes).boxed().toList(), separator, savedWithSeparator, letterCase);
    }

    /**
     * What the app prints between groups: {@code " "} or {@code "-"}. Codes are read with a space, a dash (also
     * between spaces) or nothing between groups whatever this says; it decides how a code is shown (and saved, with
     * {@link #savedWithSeparator()}).
     */
    public CodeShape separator(String shown) {
        if (!shown.equals(" ") && !shown.equals("-")) {
            throw new IllegalArgumentException("A separator is a space or a dash");
        }
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("Declare the groups before their separator");
        }
        return new CodeShape(alphabet, lengths, groups, shown, savedWithSeparator, letterCase);
    }

    /** Codes are saved as shown, with the separator between groups ({@code 4283f-efc63}), not without it. */
    public CodeShape savedWithSeparator() {
        if (separator.isEmpty()) {
            throw new IllegalArgumentException("Declare the separator before saving with it");
        }
        return new CodeShape(alphabet, lengths, groups, separator, true, letterCase);
    }

    /** Letters are saved in upper case ({@code IEQH524Y}) rather than lower case. */
    public CodeShape upperCase() {
        return new CodeShape(alphabet, lengths, groups, separator, savedWithSeparator, LetterCase.UPPER);
    }

    /** Letters are saved in lower case (the default). */
    public CodeShape lowerCase() {
        return new CodeShape(alphabet, lengths, groups, separator, savedWithSeparator, LetterCase.LOWER);
    }

    /** Letters are saved as pasted, for an app whose codes may tell upper from lower case. */
    public CodeShape caseKept() {
        return new CodeShape(alphabet, lengths, groups, separator, savedWithSeparator, LetterCase.AS_PASTED);
    }

    public Alphabet alphabet() {
        return alphabet;
    }

    /** The code's possible lengths in characters, separators not counted; the first is the usual one. */
    public List<Integer> lengths() {
        return lengths;
    }

    /** The group sizes, empty when the app prints a code in one piece. */
    public List<Integer> groupSizes() {
        return groups;
    }

    /** The separator shown between groups, empty when none is declared. */
    public String separator() {
        return separator;
    }

    public LetterCase letterCase() {
        return letterCase;
    }

    /**
     * The saved form of a code typed in any case and with spaces, tabs or dashes anywhere, or empty when it is not a
     * code of this shape (wrong characters or length, or letters only that read as English: a word, or words with a
     * space between them such as "keep them").
     */
    public Optional<String> normalise(String typed) {
        return normalise(typed, true);
    }

    /**
     * As {@link #normalise(String)}, but letters only in blocks with spaces between them are not refused as words of a
     * sentence ({@code OOLMF PHYGH}): for a code in a list whose other codes have the same blocks. A block or the
     * whole that is an English word still is.
     */
    Optional<String> normaliseInBlocks(String typed) {
        for (String block : typed.split("[ \t-]+")) {
            if (Words.looksLikeWord(alphabet, block)) {
                return Optional.empty();
            }
        }
        return normalise(typed, false, false);
    }

    /**
     * As {@link #normalise(String)}, for letters only that stand in a list between codes of their own layout (the
     * codes on the lines before and after have the same blocks and case): only a word that backup-code pages use,
     * or a name in camel case, is refused, in the whole or in a block. Letters that merely read like English
     * ({@code EMWODAOP}, vowels and consonants alternating) are a code there, as one random code in twenty is.
     */
    public Optional<String> normaliseAmongCodes(String typed) {
        for (String block : typed.split("[ \t-]+")) {
            if (Words.isKnownWord(alphabet, block)) {
                return Optional.empty();
            }
        }
        return normalise(typed, false, true);
    }

    private Optional<String> normalise(String typed, boolean sentencesRefused) {
        return normalise(typed, sentencesRefused, false);
    }

    private Optional<String> normalise(String typed, boolean sentencesRefused, boolean amongCodes) {
        StringBuilder bare = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == ' ' || c == '-' || c == '\t') {
                continue;
            }
            if (!alphabet.contains(c)) {
                return Optional.empty();
            }
            bare.append(c);
        }
        if (!lengths.contains(bare.length())
                || (amongCodes ? Words.isKnownWord(alphabet, bare) : Words.looksLikeWord(alphabet, bare))
                || (sentencesRefused
                        && (typed.indexOf(' ') >= 0 || typed.indexOf('\t') >= 0)
                        && Words.looksLikeWords(alphabet, typed))) {
            return Optional.empty();
        }
        String folded = switch (letterCase) {
            case UPPER -> bare.toString().toUpperCase(Locale.ROOT);
            case LOWER -> bare.toString().toLowerCase(Locale.ROOT);
            case AS_PASTED -> bare.toString();
        };
        return Optional.of(savedWithSeparator ? grouped(folded) : folded);
    }

    /** A saved code as the app shows it: in its groups with the separator, when one is declared. */
    public String display(String saved) {
        return separator.isEmpty() ? saved : grouped(saved.replace(separator, ""));
    }

    private String grouped(String bare) {
        if (bare.length() != lengths.get(0)) {
            return bare;
        }
        List<String> parts = new ArrayList<>();
        int at = 0;
        for (int size : groups) {
            parts.add(bare.substring(at, at + size));
            at += size;
        }
        return String.join(separator, parts);
    }

    /**
     * The layout of a code as typed: its blocks' sizes with the separators between them, and the case of its letters
     * ({@code 4-4 lower}, {@code 5 5 upper}, {@code 8 title}, {@code 4 4 digits}). Codes of one list share it, so a
     * code of letters only in that layout is one of them, not a word.
     */
    public static String layoutOf(String typed) {
        StringBuilder layout = new StringBuilder();
        int run = 0;
        boolean upper = false;
        boolean lower = false;
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                run++;
                upper |= Character.isUpperCase(c);
                lower |= Character.isLowerCase(c);
            } else {
                layout.append(run).append(c);
                run = 0;
            }
        }
        boolean title = !typed.isEmpty()
                && Character.isUpperCase(typed.charAt(0))
                && typed.substring(1).chars().noneMatch(Character::isUpperCase);
        return layout.append(run)
                .append(title ? " title" : upper && lower ? " mixed" : upper ? " upper" : lower ? " lower" : " digits")
                .toString();
    }

    /**
     * The pattern for one code on a line, without anchors: in its groups with an optional space, dash or dash between
     * spaces between them; a code of 8 or more without groups also in two or more equal groups of 4 to 8 (a long key
     * printed in blocks, a code retyped in halves); and letter-spaced
     * (one space after every character; a dash, or a wider gap that the paste reader turned into a tab, between groups).
     */
    String pattern() {
        return pattern(false);
    }

    /** As {@link #pattern()}, also reading a dash between spaces between groups ({@code VNDS - 79KB - 7JAJ}). */
    String pattern(boolean spacedDashes) {
        String c = alphabet.characterClass();
        List<String> forms = new ArrayList<>();
        for (int length : lengths) {
            if (groups.isEmpty()) {
                forms.add(c + "{" + length + "}");
                for (int size = 4; size <= 8 && length >= MIN_BLOCKED; size++) {
                    if (length % size == 0 && length / size >= 2) {
                        forms.add(c + "{" + size + "}(?:[ -]" + c + "{" + size + "}){" + (length / size - 1) + "}");
                    }
                }
            } else {
                // A space, a dash or nothing; a dash between spaces (VNDS - 79KB) only in the pattern for lines that
                // hold one (spacedDashes), since the longer separator costs time at every word start of every line.
                String separator = spacedDashes ? " ?-? ?" : "[ -]?";
                forms.add(groups.stream().map(size -> c + "{" + size + "}").collect(Collectors.joining(separator)));
            }
            if (length >= 4) {
                forms.add(letterSpaced(c, length));
            }
        }
        return forms.stream().map(form -> "(?:" + form + ")").collect(Collectors.joining("|"));
    }

    private String letterSpaced(String c, int length) {
        List<Integer> sizes = groups.isEmpty() ? List.of(length) : groups;
        return sizes.stream()
                .map(size -> c + "(?: " + c + "){" + (size - 1) + "}")
                .collect(Collectors.joining("(?: ?- ?| |\\t)"));
    }

    int longest() {
        return lengths.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    private static void checkLength(int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("A code is 1 to " + MAX_LENGTH + " characters long: " + length);
        }
    }

    @Override
    public String toString() {
        return "CodeShape[" + alphabet + " " + lengths + (groups.isEmpty() ? "" : " in " + groups) + " " + letterCase
                + "]";
    }
}
