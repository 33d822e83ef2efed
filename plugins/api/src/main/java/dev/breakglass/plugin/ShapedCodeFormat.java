package dev.breakglass.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * <p>It reads a code in its groups with a space, a dash or nothing between them, in any case; a code without
 * groups also in equal blocks (a long key printed {@code 4283 fefc 63f0 ...}); letter-spaced
 * ({@code 1 2 3 4 5 6 7 8}); and split over consecutive lines (a key printed as a grid, a code's halves on two
 * lines of a PDF), as long as the pieces add up to exactly one code and break only between groups. It never joins
 * pieces that a code of this shape would not be made of. Codes are saved in the shape's case and with or without
 * its separator, and shown in their groups.
 */
public abstract class ShapedCodeFormat extends LineCodeFormat {

    /** A line longer than this holds more than a piece of a code, so it never starts or continues a split one. */
    private static final int MAX_PIECE_LINE = 200;

    private final CodeShape shape;

    /**
     * @param facts what the app's help pages say about its codes
     * @param shape what one code looks like
     */
    protected ShapedCodeFormat(FormatFacts facts, CodeShape shape) {
        super(facts, Pattern.compile(shape.pattern()));
        this.shape = shape;
    }

    /** The shape this format was declared with. */
    public final CodeShape shape() {
        return shape;
    }

    @Override
    protected final String canonical(String matched) {
        return shape.normalise(matched).orElse(matched);
    }

    @Override
    final String codeOf(String matched) {
        return shape.normalise(matched).orElse(null);
    }

    @Override
    public String display(String code) {
        return shape.display(code);
    }

    /** The codes on single lines, then the codes split over consecutive lines that held none on their own. */
    @Override
    public FormatReading read(Paste paste) {
        FormatReading byLine = super.read(paste);
        if (byLine.unreadable().size() < 2) {
            return byLine;
        }
        List<FoundCode> codes = new ArrayList<>(byLine.codes());
        List<PasteLine> unreadable = new ArrayList<>();
        List<PasteLine> run = new ArrayList<>();
        List<PasteLine> lines = byLine.unreadable();
        for (int i = 0; i < lines.size(); i++) {
            PasteLine line = lines.get(i);
            boolean follows = !run.isEmpty() && run.get(run.size() - 1).index() + 1 == line.index();
            if (!follows) {
                unreadable.addAll(run);
                run.clear();
            }
            if (bare(line.text()).isEmpty()) {
                unreadable.add(line);
                continue;
            }
            run.add(line);
            Optional<String> code = codeAcross(run);
            if (code.isPresent()) {
                codes.add(new FoundCode(code.get(), run.get(0).index(), 0));
                run.clear();
            } else if (piecesLength(run) >= shape.longest()) {
                // Too long already: start again from this line, the earlier ones hold no code.
                unreadable.addAll(run.subList(0, run.size() - 1));
                PasteLine last = run.get(run.size() - 1);
                run.clear();
                run.add(last);
                codeAcross(run).ifPresent(found -> {
                    codes.add(new FoundCode(found, last.index(), 0));
                    run.clear();
                });
            }
        }
        unreadable.addAll(run);
        unreadable.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new FormatReading(codes, unreadable);
    }

    /** The code that the run's pieces make together, when they make exactly one and break between groups. */
    private Optional<String> codeAcross(List<PasteLine> run) {
        if (run.size() < 2) {
            return Optional.empty();
        }
        List<Integer> pieces = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (PasteLine line : run) {
            String piece = bare(line.text());
            pieces.add(piece.length());
            joined.append(piece);
        }
        if (!shape.lengths().contains(joined.length()) || !shape.splitsAtGroups(pieces)) {
            return Optional.empty();
        }
        return shape.normalise(joined.toString());
    }

    private int piecesLength(List<PasteLine> run) {
        return run.stream().mapToInt(line -> bare(line.text()).length()).sum();
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
            if (c == ' ' || c == '-') {
                if (Words.looksLikeWord(shape.alphabet(), text.substring(wordStart, i))) {
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
