package dev.breakglass.formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * A code's shape, guessed from one example as the app shows it (such as {@code k3f9-2m7x} or {@code 1234 5678}): the
 * groups' lengths, the separator between them, and the characters used. The {@code new-plugin} command writes a format
 * and fixtures from it; the author checks the guess against the app's help page.
 *
 * @param groups the length of each group, in order
 * @param separator what stands between groups as the app shows them ({@code ""} when they are not grouped)
 * @param alphabet which characters a code is made of
 */
record CodeShapeExample(List<Integer> groups, String separator, Alphabet alphabet) {

    /** The characters of a code, from the narrowest that fits the example. */
    enum Alphabet {
        DIGITS("0123456789"),
        LOWER_HEX("0123456789abcdef"),
        UPPER_HEX("0123456789ABCDEF"),
        LOWER_ALNUM("abcdefghijklmnopqrstuvwxyz0123456789"),
        UPPER_ALNUM("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"),
        MIXED_ALNUM("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

        final String characters;

        Alphabet(String characters) {
            this.characters = characters;
        }

        boolean hasLetters() {
            return this != DIGITS;
        }

        boolean upperCase() {
            return this == UPPER_HEX || this == UPPER_ALNUM;
        }
    }

    /** The shape of an example code: letters and digits, in groups separated by spaces or by dashes. */
    static CodeShapeExample of(String example) {
        String code = example.strip();
        List<Integer> groups = new ArrayList<>();
        String separator = null;
        int length = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 128) {
                length++;
            } else if (" -".indexOf(c) >= 0 && length > 0) {
                String here = String.valueOf(c);
                if (separator != null && !separator.equals(here)) {
                    throw new IllegalArgumentException("The example mixes separators ('" + separator + "' and '" + here
                            + "'): give one code exactly as the app shows it.");
                }
                separator = here;
                groups.add(length);
                length = 0;
            } else {
                throw new IllegalArgumentException("The example holds '" + c + "': a code is ASCII letters and digits,"
                        + " in groups separated by one space or dash (for anything else, write a LineCodeFormat).");
            }
        }
        if (length == 0) {
            throw new IllegalArgumentException("Give an example code, such as --example 1234-5678.");
        }
        groups.add(length);
        String letters = code.replaceAll("[^A-Za-z0-9]", "");
        if (letters.length() < 6) {
            throw new IllegalArgumentException("A code of fewer than 6 characters is too easy to mistake for other "
                    + "text: give the whole code.");
        }
        return new CodeShapeExample(List.copyOf(groups), separator == null ? "" : separator, alphabetOf(letters));
    }

    private static Alphabet alphabetOf(String code) {
        boolean lower = !code.equals(code.toUpperCase(Locale.ROOT));
        boolean upper = !code.equals(code.toLowerCase(Locale.ROOT));
        if (code.chars().allMatch(Character::isDigit)) {
            return Alphabet.DIGITS;
        }
        boolean hex = code.toLowerCase(Locale.ROOT).chars().allMatch(c -> Character.digit(c, 16) >= 0);
        boolean digits = code.chars().anyMatch(Character::isDigit);
        if (lower && upper) {
            return Alphabet.MIXED_ALNUM;
        }
        if (hex && digits) {
            return upper ? Alphabet.UPPER_HEX : Alphabet.LOWER_HEX;
        }
        return upper ? Alphabet.UPPER_ALNUM : Alphabet.LOWER_ALNUM;
    }

    /** How many characters a code has, without separators. */
    int length() {
        return groups.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The SDK's declaration of this shape as Java source, such as
     * {@code CodeShape.lettersAndDigits(10).groups(5, 5).separator("-").upperCase()}.
     */
    String javaShape() {
        StringBuilder shape = new StringBuilder("CodeShape.");
        shape.append(
                switch (alphabet) {
                    case DIGITS -> "digits";
                    case LOWER_HEX, UPPER_HEX -> "hex";
                    default -> "lettersAndDigits";
                });
        shape.append('(').append(length()).append(')');
        if (groups.size() > 1) {
            shape.append(".groups(")
                    .append(groups.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(").separator(\"")
                    .append(separator)
                    .append("\")");
        }
        if (alphabet.upperCase()) {
            shape.append(".upperCase()");
        } else if (alphabet == Alphabet.MIXED_ALNUM) {
            shape.append(".caseKept()");
        }
        return shape.toString();
    }

    /**
     * Whether a code's alphabet holds letters that can spell words (not hexadecimal): the SDK's shape refuses a
     * letters-only code that reads like an English word, so the fixtures' random codes hold a digit.
     */
    boolean needsWordGuard() {
        return alphabet == Alphabet.LOWER_ALNUM || alphabet == Alphabet.UPPER_ALNUM || alphabet == Alphabet.MIXED_ALNUM;
    }

    /**
     * A random code of this shape as the app shows it, with a digit when the pattern asks for one. Random, so never
     * anyone's real code.
     */
    String randomShown(RandomGenerator random) {
        String code;
        do {
            code = anyShown(random);
        } while (needsWordGuard() && code.chars().noneMatch(Character::isDigit));
        return code;
    }

    private String anyShown(RandomGenerator random) {
        StringBuilder code = new StringBuilder();
        for (int g = 0; g < groups.size(); g++) {
            if (g > 0) {
                code.append(separator);
            }
            for (int i = 0; i < groups.get(g); i++) {
                code.append(alphabet.characters.charAt(random.nextInt(alphabet.characters.length())));
            }
        }
        return code.toString();
    }

    /** The saved form of a shown code: without separators, in the case the app shows. */
    String saved(String shown) {
        String bare = shown.replaceAll("[^A-Za-z0-9]", "");
        return switch (alphabet) {
            case LOWER_HEX, LOWER_ALNUM -> bare.toLowerCase(Locale.ROOT);
            case UPPER_HEX, UPPER_ALNUM -> bare.toUpperCase(Locale.ROOT);
            default -> bare;
        };
    }
}
