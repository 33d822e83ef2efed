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
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar breakglass.jar parse [--app APP]}: reads a paste on standard input with the same plugins and the
 * same rules as the application, and prints what it found as JSON. For plugin authors: no Spring context starts, so
 * it answers in well under two seconds. Exit code 0 with codes, 2 when the paste is refused, 64 on bad arguments.
 *
 * <p>Settings, all optional: {@code --plugins-dir DIR} (else {@code breakglass.plugins.dir} as a system property or
 * {@code BREAKGLASS_PLUGINS_DIR}), {@code breakglass.data-dir} / {@code BREAKGLASS_DATA_DIR} (else {@code ./data}),
 * {@code breakglass.plugins.trusted-sha256} / {@code BREAKGLASS_PLUGINS_TRUSTED_SHA256} (comma-separated). The jars in a
 * folder named with {@code --plugins-dir} are trusted: the author runs their own build, with no database near.
 */
public final class ParseCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "parse";

    static final int REFUSED = 2;
    static final int USAGE = 64;
    private static final String SLF4J_PROVIDER = "slf4j.provider";
    private static final JsonFactory JSON = new JsonFactory();

    private ParseCommand() {}

    /** Runs the command: {@code args} are those after {@code parse}. Returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        quietLogging();
        Optional<String> app = Optional.empty();
        Path pluginsDir = setting("breakglass.plugins.dir", "BREAKGLASS_PLUGINS_DIR")
                .map(Path::of)
                .orElse(null);
        boolean namedOnTheCommandLine = false;
        for (int i = 0; i < args.length; i++) {
            if ("--app".equals(args[i]) && i + 1 < args.length) {
                app = Optional.of(args[++i]);
            } else if ("--plugins-dir".equals(args[i]) && i + 1 < args.length) {
                pluginsDir = Path.of(args[++i]);
                namedOnTheCommandLine = true;
            } else {
                err.println("Usage: java -jar breakglass.jar parse [--app APP] [--plugins-dir DIR] < paste.txt");
                return USAGE;
            }
        }
        Path dataDir =
                Path.of(setting("breakglass.data-dir", "BREAKGLASS_DATA_DIR").orElse("data"));
        List<String> trusted =
                new ArrayList<>(setting("breakglass.plugins.trusted-sha256", "BREAKGLASS_PLUGINS_TRUSTED_SHA256")
                        .map(list -> List.of(list.split(",")))
                        .orElse(List.of()));
        if (namedOnTheCommandLine) {
            // A plugin author trying their own build: the folder they name here is theirs, and no stored code is near.
            trusted.addAll(PluginJarHashes.in(pluginsDir));
        }
        try (FormatPlugins plugins =
                        PluginLocations.of(pluginsDir, dataDir, trusted).load(Clock.systemUTC());
                CodeReader reader = new CodeReader(plugins, Duration.ofSeconds(1))) {
            try {
                ParsedCodes parsed = reader.read(decode(readAll(in)), app.orElse(null));
                out.println(json(app, parsed));
                out.flush();
                return 0;
            } finally {
                reportProblems(plugins, err);
            }
        } catch (PasteRejectedException e) {
            out.println(error(e.problem()));
            out.flush();
            return REFUSED;
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

    private static Optional<String> setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
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
