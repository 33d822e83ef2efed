package dev.breakglass.formats.misbehaving;

import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.Paste;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Spins without end and ignores its interrupt, like a regular expression backtracking over a long line. */
public class SpinningFormat implements CodeFormat {

    @Override
    public String id() {
        return "spinning";
    }

    @Override
    public Set<String> appKeys() {
        return Set.of("spinning-app");
    }

    @Override
    public String displayName() {
        return "Spinning";
    }

    @Override
    public Optional<URI> settingsPage() {
        return Optional.empty();
    }

    @Override
    public OptionalInt expectedCodeCount() {
        return OptionalInt.empty();
    }

    @Override
    public double confidence(Paste paste) {
        return read(paste).codes().isEmpty() ? 0 : 1;
    }

    @Override
    public FormatReading read(Paste paste) {
        long spins = System.nanoTime() & 0xffff;
        while (spins >= 0) {
            spins = (spins + 1) % 1_000_000; // never negative, never interrupted
        }
        return FormatReading.nothingIn(paste);
    }
}
