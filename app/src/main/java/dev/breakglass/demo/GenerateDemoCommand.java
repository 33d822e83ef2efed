package dev.breakglass.demo;

import dev.breakglass.database.CommandLineApplication;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar breakglass.jar generate-demo --accounts N --members M [--name "NAME"]}: fills a new workspace
 * for scale tests, on the server's own database and cipher and without its web server (see {@link DemoGenerator}).
 * Prints the Owner to sign in as. Exit codes: 0 done, 1 failed, 2 wrong usage.
 */
public final class GenerateDemoCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "generate-demo";

    static final int FAILED = 1;
    static final int USAGE = 2;
    private static final String USAGE_TEXT = """
            Usage: java -jar breakglass.jar generate-demo --accounts N --members M [--name "NAME"]
            Creates a workspace with N accounts (most with ten encrypted codes) and M members, for scale tests.
            Settings come from the environment and application properties as for the server; extra --name=value
            arguments are Spring properties.""";

    private GenerateDemoCommand() {}

    /** Whether the arguments name this command. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command as {@code main} does, and answers the exit code. */
    public static int run(Class<?> application, String[] args) {
        return run(application, args, System.out, System.err);
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        Integer accounts = null;
        Integer members = null;
        String name = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean known = arg.equals("--accounts") || arg.equals("--members") || arg.equals("--name");
            if (known && i + 1 < args.length) {
                String value = args[++i];
                try {
                    switch (arg) {
                        case "--accounts" ->
                            accounts = Integer.parseInt(value.replace(",", "").replace("_", ""));
                        case "--members" ->
                            members = Integer.parseInt(value.replace(",", "").replace("_", ""));
                        default -> name = value;
                    }
                } catch (NumberFormatException e) {
                    err.println(arg + " needs a whole number, not \"" + value + "\".");
                    err.println(USAGE_TEXT);
                    return USAGE;
                }
            } else if (!known && arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
            } else {
                err.println(known ? arg + " needs a value." : "Unknown argument: " + arg);
                err.println(USAGE_TEXT);
                return USAGE;
            }
        }
        if (accounts == null || members == null) {
            err.println("generate-demo needs --accounts and --members.");
            err.println(USAGE_TEXT);
            return USAGE;
        }
        String workspaceName = name != null ? name : "Scale test, " + accounts + " accounts";
        long start = System.nanoTime();
        try (ConfigurableApplicationContext context = CommandLineApplication.withoutWebServer(application)
                .properties(Map.of("logging.level.root", "warn"))
                .run(springArgs.toArray(String[]::new))) {
            DemoGenerator.GeneratedWorkspace made =
                    context.getBean(DemoGenerator.class).generate(workspaceName, accounts, members);
            out.printf(
                    "Workspace \"%s\" created with %d accounts and %d members in %.1f s. Sign in as %s with password"
                            + " %s.%n",
                    made.name(),
                    made.accounts(),
                    made.members(),
                    (System.nanoTime() - start) / 1e9,
                    made.ownerEmail(),
                    DemoGenerator.password());
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("Nothing generated: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("Nothing generated: " + e.getMessage());
            return FAILED;
        }
    }
}
