package dev.breakglass.formats;

/** The paste cannot be saved; {@link #problem()} says why. Never carries the pasted text. */
public class PasteRejectedException extends RuntimeException {

    private final PasteProblem problem;

    public PasteRejectedException(PasteProblem problem) {
        super(problem.message());
        this.problem = problem;
    }

    public PasteProblem problem() {
        return problem;
    }
}
