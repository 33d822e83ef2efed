package dev.breakglass.formats;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import dev.breakglass.paste.PasteBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * {@code java -jar breakglass.jar parse [--app APP] [--explain]}: reads a paste on standard input with the same plugins
 * and the same rules as the application, and prints what it found as JSON. For plugin authors: no Spring context
 * starts, so it answers in well under two seconds. {@code parse --list-formats} lists the running formats instead.
 *
 * <p>Exit codes: 0 with codes; 2 when the paste is refused; 3 when codes were read but no plugin serves the app named
 * with {@code --app} (a warning on standard error says so: the paste was read as if no app were named, which hides a
 * plugin that is missing or not bundled); 64 on bad arguments.
 *
 * <p>Settings, all optional, in the same forms as the application: {@code --plugins-dir DIR}; else
 * {@code --breakglass.plugins.dir=DIR}, the system property {@code breakglass.plugins.dir} or
 * {@code BREAKGLASS_PLUGINS_DIR}; {@code --breakglass.data-dir=DIR} / {@code breakglass.data-dir} /
 * {@code BREAKGLASS_DATA_DIR} (else {@code ./data}); {@code --breakglass.plugins.trusted-sha256=...} /
 * {@code breakglass.plugins.trusted-sha256} / {@code BREAKGLASS_PLUGINS_TRUSTED_SHA256} (comma-separated). Only the
 * jars in a folder named with {@code --plugins-dir} are trusted without a hash: the author runs their own build, with
 * no database near; a folder given as the application's setting is trusted as the application trusts it.
 */
public final class ParseCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "parse";

    static final int REFUSED = 2;
    static final int UNKNOWN_APP = 3;
    static final int USAGE = 64;
    private static final String USAGE_TEXT = "Usage: java -jar breakglass.jar parse [--app APP] [--explain]"
            + " [--plugins-dir DIR] < paste.txt\n"
            + "       java -jar breakglass.jar parse --list-formats [--plugins-dir DIR]\n"
            + "Settings as in the application: --breakglass.plugins.dir=DIR, --breakglass.data-dir=DIR,"
            + " --breakglass.plugins.trusted-sha256=HASH,... (or the same as -D system properties, or as"
            + " BREAKGLASS_PLUGINS_DIR, BREAKGLASS_DATA_DIR, BREAKGLASS_PLUGINS_TRUSTED_SHA256).";
    private static final String PLUGINS_DIR = "breakglass.plugins.dir";
    private static final String DATA_DIR = "breakglass.data-dir";
    private static final String TRUSTED = "breakglass.plugins.trusted-sha256";
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    private static final JsonFactory JSON = new JsonFactory();

    private ParseCommand() {}

    /** Runs the command: {@code args} are those after {@code parse}. Returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, in, out, err, System::getenv);
    }

    /** Runs the command with the given environment variables. */
    static int run(String[] args, InputStream in, PrintStream out, PrintStream err, UnaryOperator<String> environment) {
        quietLogging();
        Arguments arguments;
        try {
            arguments = Arguments.parse(args, environment);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        if (arguments.help()) {
            out.println(USAGE_TEXT);
            return 0;
        }
        Path pluginsDir = arguments
                .pluginsDir()
                .or(() -> arguments.setting(PLUGINS_DIR, "BREAKGLASS_PLUGINS_DIR"))
                .map(Path::of)
                .orElse(null);
        Path dataDir =
                Path.of(arguments.setting(DATA_DIR, "BREAKGLASS_DATA_DIR").orElse("data"));
        List<String> trusted = new ArrayList<>(arguments
                .setting(TRUSTED, "BREAKGLASS_PLUGINS_TRUSTED_SHA256")
                .map(list -> List.of(list.split(",")))
                .orElse(List.of()));
        if (arguments.pluginsDir().isPresent()) {
            // A plugin author trying their own build: the folder they name here is theirs, and no stored code is near.
            trusted.addAll(PluginJarHashes.in(pluginsDir));
        }
        try (FormatPlugins plugins =
                        PluginLocations.of(pluginsDir, dataDir, trusted).load(Clock.systemUTC());
                CodeReader reader = new CodeReader(plugins, Duration.ofSeconds(1))) {
            try {
                if (arguments.listFormats()) {
                    listFormats(reader, out);
                    return 0;
                }
                return parse(arguments, reader, in, out, err);
            } finally {
                reportProblems(plugins, err);
            }
        }
    }

    private static int parse(Arguments arguments, CodeReader reader, InputStream in, PrintStream out, PrintStream err) {
        Optional<String> app = arguments.app();
        boolean unknownApp = app.isPresent() && reader.formatFor(app.get()).isEmpty();
        if (unknownApp) {
            err.println("warning: no plugin serves the app '" + app.get() + "', so the paste is read as if no app "
                    + "were named (exit code " + UNKNOWN_APP + "). Is its plugin built, and bundled or named with "
                    + "--plugins-dir? 'parse --list-formats' lists the apps served.");
        }
        try {
            String text = decode(readAll(in));
            ParsedCodes parsed;
            if (arguments.explain()) {
                // The explanation reads the paste as read does: print what it read, so both always agree.
                CodeReader.Explanation explanation = reader.explain(text, app.orElse(null));
                explain(explanation, err);
                parsed = explanation.parsedOrThrow();
            } else {
                parsed = reader.read(text, app.orElse(null));
            }
            out.println(json(app, parsed));
            out.flush();
            return unknownApp ? UNKNOWN_APP : 0;
        } catch (PasteRejectedException e) {
            out.println(error(e.problem()));
            out.flush();
            return REFUSED;
        }
    }

    /** One line per running format: its id, name, app keys and codes per set; the generic reader last. */
    private static void listFormats(CodeReader reader, PrintStream out) {
        out.printf("%-14s %-24s %-8s %-12s %s%n", "format", "name", "codes", "plugin", "app keys");
        for (FormatInfo format : reader.formats()) {
            String codes = !format.supportsBackupCodes()
                    ? "none"
                    : format.expectedCodeCount().isPresent()
                            ? String.valueOf(format.expectedCodeCount().getAsInt())
                            : "varies";
            out.printf(
                    "%-14s %-24s %-8s %-12s %s%n",
                    format.id(),
                    format.displayName(),
                    codes,
                    format.pluginId().orElse("-"),
                    String.join(", ", new TreeSet<>(format.appKeys())));
        }
        out.printf("%-14s %-24s %-8s %-12s %s%n", GenericFormat.ID, GenericFormat.NAME, "varies", "built in", "-");
        out.flush();
    }

    /** The explanation, on standard error so that standard output stays the JSON a script reads. */
    private static void explain(CodeReader.Explanation explanation, PrintStream err) {
        err.println("explain: every format's view of the paste (a format is picked unasked at confidence "
                + CodeReader.RECOGNISED + " or more)");
        for (CodeReader.Explanation.Scored format : explanation.formats()) {
            boolean won = explanation.winner().filter(format.formatId()::equals).isPresent();
            err.printf(
                    Locale.ROOT,
                    "  %s %-14s confidence %s  codes %s%s%n",
                    won ? "*" : " ",
                    format.formatId(),
                    format.confidence() < 0 ? "failed" : String.format(Locale.ROOT, "%.2f", format.confidence()),
                    format.codes() < 0 ? "failed" : String.valueOf(format.codes()),
                    format.servesApp() ? "  (serves --app)" : "");
        }
        err.println("winner: " + explanation.winner().orElse("none") + ": " + explanation.reason());
        explanation.notices().forEach(notice -> err.println("  " + notice));
        err.flush();
    }

    /**
     * The command line: the command's own options, and settings in the application's {@code --name=value} form.
     *
     * @param settings {@code breakglass.*} settings given as {@code --breakglass.x=value}
     * @param environment the environment variables, by name
     */
    private record Arguments(
            Optional<String> app,
            Optional<String> pluginsDir,
            boolean explain,
            boolean listFormats,
            boolean help,
            Map<String, String> settings,
            UnaryOperator<String> environment) {

        static Arguments parse(String[] args, UnaryOperator<String> environment) {
            Optional<String> app = Optional.empty();
            Optional<String> pluginsDir = Optional.empty();
            boolean explain = false;
            boolean listFormats = false;
            boolean help = false;
            Map<String, String> settings = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                int equals = arg.indexOf('=');
                String name = equals > 0 ? arg.substring(0, equals) : arg;
                String inline = equals > 0 ? arg.substring(equals + 1) : null;
                boolean flag = true;
                switch (name) {
                    case "--app", "--plugins-dir" -> {
                        flag = false;
                        if (inline == null) {
                            if (i + 1 >= args.length) {
                                throw new IllegalArgumentException(name + " needs a value.");
                            }
                            inline = args[++i];
                        }
                        if (name.equals("--app")) {
                            app = Optional.of(inline);
                        } else {
                            pluginsDir = Optional.of(inline);
                        }
                    }
                    case "--explain" -> explain = true;
                    case "--list-formats" -> listFormats = true;
                    case "--help", "-h" -> help = true;
                    case "--" + PLUGINS_DIR, "--" + DATA_DIR, "--" + TRUSTED -> {
                        flag = false;
                        if (inline == null) {
                            throw new IllegalArgumentException("Give a setting as " + name + "=VALUE.");
                        }
                        settings.put(name.substring(2), inline);
                    }
                    default -> throw new IllegalArgumentException("Unknown argument: " + arg);
                }
                if (flag && inline != null) {
                    throw new IllegalArgumentException(name + " takes no value.");
                }
            }
            return new Arguments(app, pluginsDir, explain, listFormats, help, Map.copyOf(settings), environment);
        }

        /** A setting from the command line, else the system property, else the environment variable. */
        Optional<String> setting(String property, String environment) {
            String value = settings.get(property);
            if (value == null || value.isBlank()) {
                value = System.getProperty(property);
            }
            if (value == null || value.isBlank()) {
                value = this.environment.apply(environment);
            }
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
        }
    }

    private static String decode(byte[] bytes) {
        try {
            return PasteBytes.decode(bytes);
        } catch (PasteBytes.UnreadablePasteException e) {
            throw new PasteRejectedException(
                    e.problem() == PasteBytes.Problem.TOO_LARGE ? PasteProblem.TOO_LARGE : PasteProblem.NOT_TEXT);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readNBytes(PasteBytes.MAX_BYTES + 8);
        } catch (IOException e) {
            throw new PasteRejectedException(PasteProblem.NOT_TEXT);
        }
    }

    static String json(Optional<String> app, ParsedCodes parsed) {
        return write(json -> {
            json.writeStringField("app", app.orElse(null));
            json.writeStringField("format", parsed.formatId());
            writeArray(json, "codes", parsed.codes());
            writeArray(json, "unreadable", parsed.unreadableLines());
            if (parsed.notice().isPresent()) {
                json.writeStringField("notice", parsed.notice().get());
            }
        });
    }

    static String error(PasteProblem problem) {
        return write(json -> {
            json.writeStringField("error", problem.code());
            json.writeStringField("message", problem.message());
        });
    }

    static String quote(String value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The fields of one JSON object, written by Jackson's streaming generator. */
    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    // jackson-core's streaming generator only: databind would load hundreds more classes from the fat jar and
    // cost this short-lived command most of a second.
    private static String write(Fields fields) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setPrettyPrinter(new OneLine());
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeArray(JsonGenerator json, String name, List<String> values) throws IOException {
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    /** One line, a space after each colon and comma: easy to read in a terminal and stable for scripts. */
    private static final class OneLine extends MinimalPrettyPrinter {

        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }

    /**
     * Standard output carries the JSON only, and logging would cost more start-up time than the whole parse: the
     * command logs nothing and reports plugin problems on standard error itself.
     */
    private static void quietLogging() {
        if (System.getProperty(SLF4J_PROVIDER) == null) {
            System.setProperty(SLF4J_PROVIDER, "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    /** Plugins that were refused or failed, and formats that failed on this paste, for the plugin author to see. */
    private static void reportProblems(FormatPlugins plugins, PrintStream err) {
        for (PluginStatus status : plugins.statuses()) {
            if (status.state() != PluginStatus.State.STARTED || !status.errors().isEmpty()) {
                err.println("plugin " + status.pluginId() + " (" + status.file() + "): "
                        + status.state().label());
                status.errors().forEach(error -> err.println("  " + error));
            }
        }
        err.flush();
    }
}
