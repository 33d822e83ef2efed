package dev.breakglass.formats;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where plugins come from and which installed ones are trusted: the folder an admin manages, and the folder Breakglass
 * unpacks its bundled plugins into (inside the data directory, so the jar and the {@code parse} command need no flags).
 *
 * @param installed {@code breakglass.plugins.dir}
 * @param bundled {@code <data-dir>/bundled-plugins}, owned by Breakglass
 * @param trusted {@code breakglass.plugins.trusted-sha256}: the SHA-256 of each installed jar allowed to load
 */
record PluginLocations(Path installed, Path bundled, Set<String> trusted) {

    PluginLocations {
        trusted = trusted.stream()
                .map(hash -> hash.strip().toLowerCase(Locale.ROOT))
                .filter(hash -> !hash.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    static PluginLocations of(Path pluginsDir, Path dataDir, Collection<String> trustedSha256) {
        Path data = dataDir == null ? Path.of("data") : dataDir;
        return new PluginLocations(
                pluginsDir == null ? data.resolve("plugins") : pluginsDir,
                data.resolve("bundled-plugins"),
                Set.copyOf(trustedSha256));
    }

    /** The bundled plugins, and no installed jar is trusted. */
    static PluginLocations of(Path pluginsDir, Path dataDir) {
        return of(pluginsDir, dataDir, Set.of());
    }

    FormatPlugins load(Clock clock) {
        return FormatPlugins.load(installed, BundledPlugins.unpack(bundled), clock, trusted);
    }
}
