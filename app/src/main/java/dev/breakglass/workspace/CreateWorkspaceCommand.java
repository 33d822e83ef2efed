package dev.breakglass.workspace;

import dev.breakglass.database.CommandLineApplication;
import java.io.PrintStream;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar breakglass.jar create-workspace --name "NAME" --owner-email EMAIL --owner-name "FULL NAME"}:
 * creates a workspace and its Owner, for automation, on the server's own settings and without its web server.
 * Standard output carries one line, the Owner's one-time set-password link (absolute under
 * {@code breakglass.public-url}, else a path); logs and errors go to standard error.
 * Exit codes: 0 created, 1 refused (a sentence says why), 2 wrong usage, 3 the database could not be reached.
 */
public final class CreateWorkspaceCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "create-workspace";

    static final int REFUSED = 1;
    static final int USAGE = 2;
    static final int NO_DATABASE = 3;
    private static final String USAGE_TEXT = """
            Usage: java -jar breakglass.jar create-workspace --name "NAME" --owner-email EMAIL --owner-name "FULL NAME"
            Creates the workspace and its Owner and prints the Owner's one-time set-password link.
            Settings come from the environment and application properties as for the server (SPRING_DATASOURCE_URL,
            BREAKGLASS_PUBLIC_URL, ...); extra --name=value arguments are Spring properties.""";

    private CreateWorkspaceCommand() {}

    /** Whether the arguments name this command. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /**
     * Runs the command as {@code main} does, and answers the exit code. While it runs, whatever writes to
     * {@code System.out} (the logs) writes to standard error, so that standard output carries the link alone.
     */
    public static int run(Class<?> application, String[] args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(stderr);
        try {
            return run(application, args, stdout, stderr);
        } finally {
            stdout.flush();
            System.setOut(stdout);
        }
    }

    static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        String name = null;
        String ownerEmail = null;
        String ownerName = null;
        List<String> springArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean known = option.equals("--name") || option.equals("--owner-email") || option.equals("--owner-name");
            String value;
            if (known && arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (known && i + 1 < args.length) {
                value = args[++i];
            } else if (!known && arg.startsWith("--") && arg.contains("=")) {
                springArgs.add(arg);
                continue;
            } else {
                err.println(known ? option + " needs a value." : "Unknown argument: " + arg);
                err.println(USAGE_TEXT);
                return USAGE;
            }
            switch (option) {
                case "--name" -> name = value;
                case "--owner-email" -> ownerEmail = value;
                default -> ownerName = value;
            }
        }
        if (name == null || ownerEmail == null || ownerName == null) {
            err.println("create-workspace needs --name, --owner-email and --owner-name.");
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try (ConfigurableApplicationContext context = CommandLineApplication.withoutWebServer(application)
                .properties(Map.of(
                        // A command's output is its answer: only warnings and errors are logged, on standard error,
                        // and a failed start is reported here in a sentence rather than as a stack trace.
                        "logging.level.root", "warn",
                        "logging.level.org.springframework.boot.SpringApplication", "off",
                        "logging.level.org.springframework.context", "error",
                        "logging.level.com.zaxxer.hikari", "off"))
                .run(springArgs.toArray(String[]::new))) {
            NewWorkspace created = context.getBean(WorkspaceSetup.class).createWorkspace(name, ownerEmail, ownerName);
            String publicUrl = context.getEnvironment().getProperty("breakglass.public-url", "");
            String base = publicUrl.isBlank() ? "" : publicUrl.replaceAll("/+$", "");
            out.println(base + "/" + created.link().path());
            out.flush();
            return 0;
        } catch (InvalidWorkspaceException e) {
            err.println("Workspace not created: "
                    + switch (e.field()) {
                        case NAME ->
                            "the name is empty or longer than " + WorkspaceSetup.MAX_NAME
                                    + " characters. Give the workspace a name with --name \"NAME\".";
                        case OWNER_EMAIL ->
                            "\"" + ownerEmail + "\" is not an e-mail address. Give the Owner's address with "
                                    + "--owner-email name@example.com.";
                        case OWNER_NAME ->
                            "the Owner's name is empty or longer than " + WorkspaceSetup.MAX_NAME
                                    + " characters. Give it with --owner-name \"FULL NAME\".";
                    });
            return REFUSED;
        } catch (MemberAlreadyExistsException e) {
            err.println("Workspace not created: someone with the e-mail address " + ownerEmail.strip()
                    + " already has a Breakglass login. Give the Owner another address with --owner-email.");
            return REFUSED;
        } catch (RuntimeException e) {
            if (databaseUnreachable(e)) {
                err.println("Workspace not created: could not reach the database (" + rootMessage(e) + "). Check "
                        + "SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, and that "
                        + "PostgreSQL is running.");
                return NO_DATABASE;
            }
            err.println("Workspace not created: " + rootMessage(e));
            return REFUSED;
        }
    }

    private static boolean databaseUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
