package dev.breakglass.formats;

import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.SdkVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.IndexedExtensionFinder;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code-format plugins, loaded with PF4J: first the jars an admin installed in the plugins folder, then the bundled
 * ones (an installed plugin with the same id replaces the bundled one). {@link PluginAdmission} decides which jars may
 * load, {@link PluginRecords} keeps what the admin's Plugins page shows; this class runs PF4J and keeps the formats
 * of the plugins that started.
 */
public final class FormatPlugins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FormatPlugins.class);

    private final PluginManager pf4j;
    private final PluginRecords records;
    private final Set<String> trusted;
    private final List<LoadedFormat> formats = new ArrayList<>();

    private FormatPlugins(PluginManager pf4j, Clock clock, Set<String> trusted) {
        this.pf4j = pf4j;
        this.records = new PluginRecords(clock);
        this.trusted = Set.copyOf(trusted);
    }

    /**
     * Loads and starts the plugins.
     *
     * @param installed the plugins folder an admin manages ({@code breakglass.plugins.dir}); may not exist
     * @param bundled the jars shipped with Breakglass, already unpacked
     * @param trusted the SHA-256 (lower-case hex) of every installed jar the operator trusts; others are refused
     */
    public static FormatPlugins load(Path installed, List<Path> bundled, Clock clock, Set<String> trusted) {
        List<Path> roots = bundled.isEmpty()
                ? List.of(installed)
                : List.of(installed, bundled.get(0).getParent());
        DefaultPluginManager pf4j = new PluginJarsOnly(roots);
        pf4j.setSystemVersion(SdkVersion.CURRENT);
        FormatPlugins plugins = new FormatPlugins(pf4j, clock, trusted);
        plugins.loadAll(jarsIn(installed), "installed");
        plugins.loadAll(bundled, "bundled");
        plugins.startAll();
        return plugins;
    }

    /** The formats of the running plugins, in load order. */
    List<LoadedFormat> formats() {
        return formats.stream()
                .filter(format -> !isSuspended(format.pluginId()))
                .toList();
    }

    /** Every plugin jar that was found, as the admin's Plugins page shows it. */
    public List<PluginStatus> statuses() {
        return records.statuses();
    }

    /** Records that a plugin's format threw; the paste is read by another format instead. */
    void recordFailure(String pluginId, String formatId, String call, Throwable failure) {
        records.recordFailure(pluginId, formatId, call, failure);
    }

    /** Records that a plugin's format ran past the time limit; the plugin is skipped until Breakglass restarts. */
    void recordTimeout(String pluginId, String formatId, String call, long millis) {
        records.recordTimeout(pluginId, formatId, call, millis);
    }

    boolean isSuspended(String pluginId) {
        return records.isSuspended(pluginId);
    }

    /** Stops and unloads every plugin. ({@code stopPlugins()} throws in PF4J 3.15, so each plugin is unloaded.) */
    @Override
    public void close() {
        for (PluginWrapper plugin : List.copyOf(pf4j.getPlugins())) {
            try {
                pf4j.unloadPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                log.warn(
                        "Could not unload plugin {}: {}",
                        plugin.getPluginId(),
                        e.getClass().getName());
            }
        }
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.warn(
                    "Could not list the plugins folder {}: {}",
                    folder.toAbsolutePath(),
                    e.getClass().getName());
            return List.of();
        }
    }

    private void loadAll(List<Path> jars, String origin) {
        for (Path jar : jars) {
            PluginAdmission.Verdict verdict = PluginAdmission.of(jar, "installed".equals(origin), trusted);
            if (records.has(verdict.id())) {
                records.ignoreDuplicate(verdict, origin);
            } else if (!verdict.admitted()) {
                records.refuse(verdict, origin);
            } else {
                load(jar, records.admit(verdict, origin));
            }
        }
    }

    private void load(Path jar, PluginRecords.Record record) {
        try {
            pf4j.loadPlugin(jar);
        } catch (RuntimeException e) {
            record.failed(records.when() + ": could not load: " + e.getClass().getName());
            log.warn(
                    "Could not load plugin {} from {}: {}",
                    record.id(),
                    record.file(),
                    e.getClass().getName());
        }
    }

    private void startAll() {
        Set<String> formatIds = new HashSet<>(Set.of(GenericFormat.ID));
        for (PluginRecords.Record record : records.awaitingStart()) {
            try {
                PluginState state = pf4j.startPlugin(record.id());
                if (state != PluginState.STARTED) {
                    record.failed(records.when() + ": did not start (state " + state + ")");
                    continue;
                }
                record.started();
                for (CodeFormat format : pf4j.getExtensions(CodeFormat.class, record.id())) {
                    addFormat(record, format, formatIds);
                }
                if (record.formats().isEmpty()) {
                    record.addError("Provides no code format: is the class annotated with @Extension, and was PF4J's "
                            + "annotation processor run (META-INF/extensions.idx)?");
                }
            } catch (RuntimeException | LinkageError e) {
                record.failed(records.when() + ": could not start or create its formats: "
                        + e.getClass().getName());
                log.warn(
                        "Plugin {} failed to start: {}",
                        record.id(),
                        e.getClass().getName());
            }
        }
    }

    private void addFormat(PluginRecords.Record record, CodeFormat format, Set<String> formatIds) {
        FormatInfo info;
        try {
            OptionalInt expected = format.expectedCodeCount();
            info = new FormatInfo(
                    format.id(),
                    format.displayName(),
                    format.appKeys(),
                    format.supportsBackupCodes(),
                    format.settingsPage().map(Object::toString),
                    expected == null ? OptionalInt.empty() : expected,
                    Optional.of(record.id()));
        } catch (RuntimeException e) {
            record.addError(records.when() + ": a format's facts could not be read: "
                    + e.getClass().getName());
            return;
        }
        if (!formatIds.add(info.id())) {
            record.addError(
                    "Format id '" + info.id() + "' is already taken by another plugin; this format is ignored.");
            return;
        }
        record.formats().add(info.displayName());
        formats.add(new LoadedFormat(info, format));
    }

    /**
     * PF4J reading extensions from plugin jars only. By default it also reads every {@code extensions.idx} on the
     * application's class path: slow over a fat jar's hundred libraries, and never where formats come from.
     */
    private static final class PluginJarsOnly extends DefaultPluginManager {

        PluginJarsOnly(List<Path> roots) {
            super(roots);
        }

        @Override
        protected ExtensionFinder createExtensionFinder() {
            return new IndexedExtensionFinder(this) {
                @Override
                public Map<String, Set<String>> readClasspathStorages() {
                    return new LinkedHashMap<>();
                }
            };
        }
    }

    /** A format from a running plugin, with the facts read when it loaded. */
    record LoadedFormat(FormatInfo info, CodeFormat format) {

        String pluginId() {
            return info.pluginId().orElse("");
        }
    }
}
