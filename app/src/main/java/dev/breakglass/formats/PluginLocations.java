package dev.breakglass.formats;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where plugins come from: the folder an admin manages, and the folder Breakglass unpacks its bundled plugins into
 * (inside the data directory, so the jar and the {@code parse} command need no flags).
 *
 * @param installed {@code breakglass.plugins.dir}
 * @param bundled {@code <data-dir>/bundled-plugins}, owned by Breakglass
 */
record PluginLocations(Path installed, Path bundled) {

    static PluginLocations of(Path pluginsDir, Path dataDir) {
        Path data = dataDir == null ? Path.of("data") : dataDir;
        return new PluginLocations(
                pluginsDir == null ? data.resolve("plugins") : pluginsDir, data.resolve("bundled-plugins"));
    }

    FormatPlugins load(Clock clock) {
        return FormatPlugins.load(installed, BundledPlugins.unpack(bundled), clock);
    }
}
