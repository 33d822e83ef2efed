package dev.breakglass.formats;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The formats reader outside the application, with the bundled plugins and those installed under the data
 * directory, exactly as the {@code parse} command loads them. For tools that start no Spring context, such as the
 * JMH benchmarks; the application itself gets its {@link CodeReader} from Spring.
 */
public final class StandaloneFormats implements AutoCloseable {

    private final FormatPlugins plugins;
    private final CodeReader reader;

    private StandaloneFormats(FormatPlugins plugins, Duration timeout) {
        this.plugins = plugins;
        this.reader = new CodeReader(plugins, timeout);
    }

    /** Unpacks and starts the plugins under {@code dataDir}, with the given time limit for each call into one. */
    public static StandaloneFormats open(Path dataDir, Duration timeout) {
        return new StandaloneFormats(PluginLocations.of(null, dataDir).load(Clock.systemUTC()), timeout);
    }

    public CodeReader reader() {
        return reader;
    }

    /** How many formats the running plugins offer. */
    public int formatCount() {
        return plugins.formats().size();
    }

    @Override
    public void close() {
        reader.close();
        plugins.close();
    }
}
