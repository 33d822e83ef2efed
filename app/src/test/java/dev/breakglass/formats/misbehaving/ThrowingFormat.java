package dev.breakglass.formats.misbehaving;

import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.FormatReading;
import dev.breakglass.plugin.Paste;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Throws on every paste, with the paste's first line in the message, as careless code might. */
public class ThrowingFormat implements CodeFormat {

    @Override
    public String id() {
        return "throwing";
    }

    @Override
    public Set<String> appKeys() {
        return Set.of("throwing-app");
    }

    @Override
    public String displayName() {
        return "Throwing";
    }

    @Override
    public Optional<URI> settingsPage() {
        return Optional.of(URI.create("https://throwing.example/settings"));
    }

    @Override
    public OptionalInt expectedCodeCount() {
        return OptionalInt.empty();
    }

    @Override
    public double confidence(Paste paste) {
        throw new IllegalStateException("cannot score " + paste.text());
    }

    @Override
    public FormatReading read(Paste paste) {
        throw new IllegalStateException("cannot read " + paste.text());
    }
}
