package dev.breakglass.benchmarks;

import dev.breakglass.formats.CodeReader;
import dev.breakglass.formats.ParsedCodes;
import dev.breakglass.formats.PasteRejectedException;
import dev.breakglass.formats.StandaloneFormats;
import dev.breakglass.paste.PasteReader;
import dev.breakglass.plugin.Paste;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reading a paste with the bundled plugins, as the application and the {@code parse} command do: a typical paste
 * (Google's download file) and a 64 KiB one (a whole settings page around the same codes), with the account's app
 * as a hint (Google's format reads it first) and without one (every format scores the paste). The floor is the
 * shared paste contract alone ({@link PasteReader}), which every format's reading starts from.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ParseBenchmark {

    private Path dataDir;
    private StandaloneFormats formats;
    private CodeReader reader;
    private String typical;
    private String large;
    private String longLineOfWords;

    @Setup(Level.Trial)
    public void loadPlugins() throws IOException {
        dataDir = Files.createTempDirectory("breakglass-benchmark");
        formats = StandaloneFormats.open(dataDir, Duration.ofSeconds(5));
        reader = formats.reader();
        typical = Pastes.typical();
        large = Pastes.large();
        // 64 KiB on one line of letters-only words as long as many apps' codes: every format's pattern matches every
        // word, so any per-match work that looks at the whole line turns quadratic (24 s before it was bounded).
        longLineOfWords = "qzkwtrbx ".repeat(7000).substring(0, 63_000);
        if (reader.read(large, null).codes().size() != 10) {
            throw new IllegalStateException("The 64 KiB paste should hold the ten codes of the typical one.");
        }
    }

    @TearDown(Level.Trial)
    public void closePlugins() {
        formats.close();
    }

    @Benchmark
    public ParsedCodes typicalPasteWithAppHint() {
        return reader.read(typical, "google");
    }

    @Benchmark
    public ParsedCodes typicalPasteWithoutHint() {
        return reader.read(typical, null);
    }

    @Benchmark
    public ParsedCodes largePasteWithAppHint() {
        return reader.read(large, "google");
    }

    @Benchmark
    public ParsedCodes largePasteWithoutHint() {
        return reader.read(large, null);
    }

    @Benchmark
    public Object longLineOfWordsWithoutHint() {
        try {
            return reader.read(longLineOfWords, null);
        } catch (PasteRejectedException refused) {
            return refused.problem();
        }
    }

    /** The floor: the shared contract's preparation of the 64 KiB paste, before any format looks at it. */
    @Benchmark
    public Paste largePasteContractOnly() {
        return PasteReader.read(large);
    }

    @Benchmark
    public Paste typicalPasteContractOnly() {
        return PasteReader.read(typical);
    }
}
