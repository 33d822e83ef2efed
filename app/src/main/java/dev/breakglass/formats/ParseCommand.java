package dev.breakglass.formats;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar breakglass.jar parse [--app APP]}: reads a paste on standard input with the same plugins and the
 * same rules as the application, and prints what it found as JSON. For plugin authors: no Spring context starts, so
 * it answers in well under two seconds. Exit code 0 with codes, 2 when the paste is refused, 64 on bad arguments.
 *
 * <p>Settings, all optional: {@code --plugins-dir DIR} (else {@code breakglass.plugins.dir} as a system property or
 * {@code BREAKGLASS_PLUGINS_DIR}), {@code breakglass.data-dir} / {@code BREAKGLASS_DATA_DIR} (else {@code ./data}).
 */
public final class ParseCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "parse";

    static final int REFUSED = 2;
    static final int USAGE = 64;

    private ParseCommand() {
    }

    /** Runs the command: {@code args} are those after {@code parse}. Returns the exit code. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        quietLogging();
        Optional<String> app = Optional.empty();
        Path pluginsDir = setting("breakglass.plugins.dir", "BREAKGLASS_PLUGINS_DIR").map(Path::of).orElse(null);
        for (int i = 0; i < args.length; i++) {
            if ("--app".equals(args[i]) && i + 1 < args.length) {
                app = Optional.of(args[++i]);
            } else if ("--plugins-dir".equals(args[i]) && i + 1 < args.length) {
                pluginsDir = Path.of(args[++i]);
            } else {
                err.println("Usage: java -jar breakglass.jar parse [--app APP] [--plugins-dir DIR] < paste.txt");
                return USAGE;
            }
        }
        Path dataDir = Path.of(setting("breakglass.data-dir", "BREAKGLASS_DATA_DIR").orElse("data"));
        try (FormatPlugins plugins = PluginLocations.of(pluginsDir, dataDir).load(Clock.systemUTC());
                CodeReader reader = new CodeReader(plugins, Duration.ofSeconds(1))) {
            ParsedCodes parsed = reader.read(PasteBytes.decode(readAll(in)), app.orElse(null));
            out.println(json(app, parsed));
            out.flush();
            return 0;
        } catch (PasteRejectedException e) {
            out.println("{\"error\": " + quote(e.problem().code()) + ", \"message\": " + quote(e.problem().message()) + "}");
            out.flush();
            return REFUSED;
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readNBytes(PasteLimits.MAX_BYTES + 8);
        } catch (IOException e) {
            throw new PasteRejectedException(PasteProblem.NOT_TEXT);
        }
    }

    static String json(Optional<String> app, ParsedCodes parsed) {
        StringBuilder json = new StringBuilder("{\"app\": ").append(app.map(ParseCommand::quote).orElse("null"))
                .append(", \"format\": ").append(quote(parsed.formatId()))
                .append(", \"codes\": ").append(array(parsed.codes()))
                .append(", \"unreadable\": ").append(array(parsed.unreadableLines()));
        parsed.notice().ifPresent(notice -> json.append(", \"notice\": ").append(quote(notice)));
        return json.append('}').toString();
    }

    private static String array(List<String> values) {
        StringBuilder array = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            array.append(i == 0 ? "" : ", ").append(quote(values.get(i)));
        }
        return array.append(']').toString();
    }

    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static Optional<String> setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** Standard output carries the JSON only: warnings go to standard error, and nothing below WARN is logged. */
    private static void quietLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.reset();
            ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%level %logger{0}: %msg%n");
            encoder.setCharset(StandardCharsets.UTF_8);
            encoder.start();
            ch.qos.logback.core.ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> console = new ch.qos.logback.core.ConsoleAppender<>();
            console.setContext(context);
            console.setTarget("System.err");
            console.setEncoder(encoder);
            console.start();
            ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            root.addAppender(console);
        }
    }
}
