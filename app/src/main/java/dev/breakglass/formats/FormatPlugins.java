package dev.breakglass.formats;

import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.SdkVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ExtensionFinder;
import org.pf4j.LegacyExtensionFinder;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The code-format plugins, loaded with PF4J: first the jars an admin installed in the plugins folder, then the bundled
 * ones (an installed plugin with the same id replaces the bundled one). A jar built for another SDK major version is
 * refused before any of its code runs, with a sentence that says why. What each plugin does at run time (a format
 * that throws or runs too long) is recorded here for the admin's Plugins page.
 */
public final class FormatPlugins implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FormatPlugins.class);
    private static final int ERRORS_KEPT = 5;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final PluginManager pf4j;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<LoadedFormat> formats = new ArrayList<>();

    private FormatPlugins(PluginManager pf4j, Clock clock) {
        this.pf4j = pf4j;
        this.clock = clock;
    }

    /**
     * Loads and starts the plugins.
     *
     * @param installed the plugins folder an admin manages ({@code breakglass.plugins.dir}); may not exist
     * @param bundled the jars shipped with Breakglass, already unpacked
     */
    public static FormatPlugins load(Path installed, List<Path> bundled, Clock clock) {
        List<Path> roots = bundled.isEmpty() ? List.of(installed) : List.of(installed, bundled.get(0).getParent());
        DefaultPluginManager pf4j = new PluginJarsOnly(roots);
        pf4j.setSystemVersion(SdkVersion.CURRENT);
        FormatPlugins plugins = new FormatPlugins(pf4j, clock);
        plugins.loadAll(jarsIn(installed), "installed");
        plugins.loadAll(bundled, "bundled");
        plugins.startAll();
        return plugins;
    }

    /** The formats of the running plugins, in load order. */
    List<LoadedFormat> formats() {
        return formats.stream().filter(format -> !isSuspended(format.pluginId())).toList();
    }

    /** Every plugin jar that was found, as the admin's Plugins page shows it. */
    public List<PluginStatus> statuses() {
        return entries.values().stream().map(Entry::status).toList();
    }

    /** Records that a plugin's format threw; the paste is read by another format instead. */
    void recordFailure(String pluginId, String formatId, String call, Throwable failure) {
        Entry entry = entries.get(pluginId);
        String where = failure.getStackTrace().length > 0 ? " at " + failure.getStackTrace()[0] : "";
        String error = when() + ": " + formatId + "." + call + "() threw " + failure.getClass().getName() + where;
        // Never the exception's message: it may quote the pasted text.
        log.warn("Format plugin {} failed: {}.{}() threw {}{}", pluginId, formatId, call, failure.getClass().getName(), where);
        if (entry != null) {
            entry.addError(error);
        }
    }

    /** Records that a plugin's format ran past the time limit; the plugin is skipped until Breakglass restarts. */
    void recordTimeout(String pluginId, String formatId, String call, long millis) {
        Entry entry = entries.get(pluginId);
        log.warn("Format plugin {} suspended: {}.{}() ran longer than {} ms", pluginId, formatId, call, millis);
        if (entry != null) {
            entry.addError(when() + ": " + formatId + "." + call + "() ran longer than " + millis + " ms; suspended until restart");
            entry.state = PluginStatus.State.SUSPENDED;
        }
    }

    boolean isSuspended(String pluginId) {
        Entry entry = entries.get(pluginId);
        return entry != null && entry.state == PluginStatus.State.SUSPENDED;
    }

    /** Stops and unloads every plugin. ({@code stopPlugins()} throws in PF4J 3.15, so each plugin is unloaded.) */
    @Override
    public void close() {
        for (PluginWrapper plugin : List.copyOf(pf4j.getPlugins())) {
            try {
                pf4j.unloadPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                log.warn("Could not unload plugin {}: {}", plugin.getPluginId(), e.getClass().getName());
            }
        }
    }

    private static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            log.warn("Could not list the plugins folder {}: {}", folder.toAbsolutePath(), e.getClass().getName());
            return List.of();
        }
    }

    private void loadAll(List<Path> jars, String origin) {
        for (Path jar : jars) {
            load(jar, origin);
        }
    }

    private void load(Path jar, String origin) {
        String file = jar.getFileName().toString();
        PluginDescriptor descriptor;
        try {
            descriptor = new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            refuse(file, "", file, origin, "Not a plugin jar: its manifest has no Plugin-Id (" + e.getClass().getSimpleName() + ").");
            return;
        }
        String id = descriptor.getPluginId();
        String version = descriptor.getVersion() == null ? "" : descriptor.getVersion();
        if (id == null || id.isBlank()) {
            refuse(file, version, file, origin, "Not a plugin jar: its manifest has no Plugin-Id.");
            return;
        }
        if (entries.containsKey(id)) {
            Entry earlier = entries.get(id);
            earlier.addError("A " + origin + " plugin with the same id (" + file + ") was ignored: this one replaces it.");
            return;
        }
        Optional<String> incompatible = incompatibility(descriptor.getRequires());
        if (incompatible.isPresent()) {
            refuse(id, version, file, origin, incompatible.get());
            return;
        }
        Entry entry = new Entry(id, version, file, origin);
        entries.put(id, entry);
        try {
            pf4j.loadPlugin(jar);
        } catch (RuntimeException e) {
            entry.state = PluginStatus.State.FAILED;
            entry.addError(when() + ": could not load: " + e.getClass().getName());
            log.warn("Could not load plugin {} from {}: {}", id, file, e.getClass().getName());
        }
    }

    /** Why a plugin built for the given SDK range cannot run here, if it cannot. */
    static Optional<String> incompatibility(String requires) {
        if (requires == null || requires.isBlank() || "*".equals(requires.strip())) {
            return Optional.of("Refused: the plugin does not say which plugin SDK it was built for (Plugin-Requires in its "
                    + "manifest). Rebuild it with the Breakglass plugins parent POM, which writes it.");
        }
        boolean fits;
        try {
            fits = new DefaultVersionManager().checkVersionConstraint(SdkVersion.CURRENT, requires);
        } catch (RuntimeException e) {
            fits = false;
        }
        if (!fits) {
            return Optional.of("Refused: built for plugin SDK " + requires.strip() + ", but this Breakglass offers SDK "
                    + SdkVersion.CURRENT + ". Rebuild the plugin against SDK " + SdkVersion.CURRENT + ", or use a Breakglass "
                    + "version whose SDK it was built for.");
        }
        return Optional.empty();
    }

    private void refuse(String id, String version, String file, String origin, String reason) {
        Entry entry = new Entry(id, version, file, origin);
        entry.state = PluginStatus.State.REFUSED;
        entry.addError(reason);
        entries.putIfAbsent(id.isBlank() ? file : id, entry);
        log.warn("Plugin {} ({}) refused: {}", id, file, reason);
    }

    private void startAll() {
        Set<String> formatIds = new HashSet<>(Set.of(GenericFormat.ID));
        for (Entry entry : entries.values()) {
            if (entry.state != null) {
                continue;
            }
            try {
                PluginState state = pf4j.startPlugin(entry.id);
                if (state != PluginState.STARTED) {
                    entry.state = PluginStatus.State.FAILED;
                    entry.addError(when() + ": did not start (state " + state + ")");
                    continue;
                }
                entry.state = PluginStatus.State.STARTED;
                for (CodeFormat format : pf4j.getExtensions(CodeFormat.class, entry.id)) {
                    addFormat(entry, format, formatIds);
                }
                if (entry.formats.isEmpty()) {
                    entry.addError("Provides no code format: is the class annotated with @Extension, and was PF4J's "
                            + "annotation processor run (META-INF/extensions.idx)?");
                }
            } catch (RuntimeException | LinkageError e) {
                entry.state = PluginStatus.State.FAILED;
                entry.addError(when() + ": could not start or create its formats: " + e.getClass().getName());
                log.warn("Plugin {} failed to start: {}", entry.id, e.getClass().getName());
            }
        }
    }

    private void addFormat(Entry entry, CodeFormat format, Set<String> formatIds) {
        FormatInfo info;
        try {
            String id = format.id();
            Set<String> keys = format.appKeys();
            OptionalInt expected = format.expectedCodeCount();
            info = new FormatInfo(id, format.displayName(), keys, format.supportsBackupCodes(),
                    format.settingsPage().map(Object::toString), expected == null ? OptionalInt.empty() : expected,
                    Optional.of(entry.id));
        } catch (RuntimeException e) {
            entry.addError(when() + ": a format's facts could not be read: " + e.getClass().getName());
            return;
        }
        if (!formatIds.add(info.id())) {
            entry.addError("Format id '" + info.id() + "' is already taken by another plugin; this format is ignored.");
            return;
        }
        entry.formats.add(info.displayName());
        formats.add(new LoadedFormat(info, format));
    }

    private String when() {
        return WHEN.format(Instant.now(clock));
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
            return new LegacyExtensionFinder(this) {
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

    /** What is known about one plugin jar; errors come from request threads, so they are kept thread-safe. */
    private static final class Entry {

        private final String id;
        private final String version;
        private final String file;
        private final String origin;
        private final List<String> formats = new ArrayList<>();
        private final Deque<String> errors = new ConcurrentLinkedDeque<>();
        private volatile PluginStatus.State state;

        Entry(String id, String version, String file, String origin) {
            this.id = id;
            this.version = version;
            this.file = file;
            this.origin = origin;
        }

        void addError(String error) {
            errors.addLast(error);
            while (errors.size() > ERRORS_KEPT) {
                errors.pollFirst();
            }
        }

        PluginStatus status() {
            return new PluginStatus(id, version, file, origin, state == null ? PluginStatus.State.FAILED : state,
                    formats, List.copyOf(errors));
        }
    }
}
