package dev.breakglass.testing;

import dev.breakglass.Application;
import dev.breakglass.workspace.CreateWorkspaceCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;

/**
 * Runs a command-line command in this JVM through the entry {@code main} uses (without its {@code System.exit}),
 * and records its exit code, standard output and standard error.
 */
public final class CommandLine {

    private CommandLine() {}

    /** What a command answered. */
    public record Result(int exitCode, String out, String err) {

        public List<String> outLines() {
            return out.lines().toList();
        }
    }

    /**
     * {@code create-workspace} with these arguments, on the database and data directory of the given test context
     * (as the server's own settings), and any further {@code --name=value} settings after them.
     */
    public static Result createWorkspace(Environment settings, String... args) {
        List<String> all = new ArrayList<>(List.of(CreateWorkspaceCommand.NAME));
        all.addAll(List.of(args));
        Stream.of(
                        "spring.datasource.url",
                        "spring.datasource.username",
                        "spring.datasource.password",
                        "breakglass.data-dir")
                .filter(settings::containsProperty)
                .filter(name -> all.stream().noneMatch(arg -> arg.startsWith("--" + name + "=")))
                .forEach(name -> all.add("--" + name + "=" + settings.getProperty(name)));
        return run(all.toArray(String[]::new));
    }

    private static synchronized Result run(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setOut(capturedOut);
            System.setErr(capturedErr);
            exitCode = CreateWorkspaceCommand.run(Application.class, args);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        String errText = err.toString(StandardCharsets.UTF_8);
        originalErr.print(errText);
        return new Result(exitCode, out.toString(StandardCharsets.UTF_8), errText);
    }
}
