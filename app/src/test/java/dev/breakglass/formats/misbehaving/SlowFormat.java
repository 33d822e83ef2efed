package dev.breakglass.formats.misbehaving;

import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.Paste;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Takes far longer than a format may. */
public class SlowFormat implements CodeFormat {

    @Override
    public String id() {
        return "slow";
    }

    @Override
    public Set<String> appKeys() {
        return Set.of("slow-app");
    }

    @Override
    public String displayName() {
        return "Slow";
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
        try {
            Thread.sleep(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return FormatReading.nothingIn(paste);
    }
}
