package dev.breakglass.encryption;

import dev.breakglass.crypto.CipherException;
import dev.breakglass.database.CommandLineApplication;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The command-line maintenance commands, run once against the configured database and cipher, without
 * the web server:
 * <pre>
 * java -jar breakglass.jar rewrap
 * java -jar breakglass.jar migrate-cipher --to vault|local
 * </pre>
 * Both print their progress and exit 0 only when every stored code is where the command wanted it; any
 * other argument is passed on to Spring ({@code --spring.datasource.url=...}).
 */
public final class CiphertextCommands {

    private static final String USAGE = """
            Usage:
              breakglass rewrap                          move every stored code to the newest key version
              breakglass migrate-cipher --to vault|local re-encrypt every stored code with that cipher
            Settings come from the environment and application properties as for the server
            (VAULT_ADDR, VAULT_TOKEN, SPRING_DATASOURCE_URL, ...); extra --name=value arguments are Spring properties.""";

    private CiphertextCommands() {}

    /** Whether the arguments name one of these commands. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (CiphertextJobs.REWRAP.equals(args[0]) || CiphertextJobs.MIGRATE.equals(args[0]));
    }

    /** Runs the command and answers the process exit code: 0 done, 1 not (yet) done, 2 wrong usage. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err);
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String command = args[0];
        List<String> springArgs = new ArrayList<>();
        String target = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--to") && i + 1 < args.length) {
                target = args[++i];
            } else if (args[i].startsWith("--to=")) {
                target = args[i].substring("--to=".length());
            } else if (args[i].startsWith("--") && args[i].contains("=")) {
                springArgs.add(args[i]);
            } else {
                err.println("Unknown argument: " + args[i]);
                err.println(USAGE);
                return 2;
            }
        }
        if (CiphertextJobs.MIGRATE.equals(command) && !"vault".equals(target) && !"local".equals(target)) {
            err.println("migrate-cipher needs --to vault or --to local.");
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context =
                CommandLineApplication.withoutWebServer(application).run(springArgs.toArray(String[]::new))) {
            CiphertextJobs jobs = context.getBean(CiphertextJobs.class);
            ProgressPrinter printer = new ProgressPrinter(out);
            CiphertextJobProgress result =
                    CiphertextJobs.REWRAP.equals(command) ? jobs.rewrapAll(printer) : jobs.migrateAll(target, printer);
            out.println(result.describe());
            return result.complete() ? 0 : 1;
        } catch (CipherException e) {
            err.println(command + " could not run: " + e.getMessage());
            return 1;
        }
    }

    /** Prints a line at the start, then at most once a second, and at the end. */
    private static final class ProgressPrinter implements java.util.function.Consumer<CiphertextJobProgress> {

        private final PrintStream out;
        private long lastPrinted;

        ProgressPrinter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void accept(CiphertextJobProgress progress) {
            long now = System.nanoTime();
            if (progress.setsDone() == 0 || progress.finished() || now - lastPrinted > 1_000_000_000L) {
                if (!progress.finished()) {
                    out.println(progress.describe());
                }
                lastPrinted = now;
            }
        }
    }
}
