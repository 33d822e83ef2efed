package dev.breakglass.formats;

import dev.breakglass.plugin.SdkVersion;
import java.nio.file.Path;
import java.util.Optional;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;

/**
 * Decides, from a jar's manifest alone and before any of its code runs, whether it may load: it must name itself and
 * the plugin SDK it was built for, and that SDK must be this one's major version.
 */
final class PluginAdmission {

    private PluginAdmission() {}

    /** What the manifest says, and why the jar is refused if it is. */
    record Verdict(String id, String version, String file, Optional<String> refusal) {

        boolean admitted() {
            return refusal.isEmpty();
        }
    }

    static Verdict of(Path jar) {
        String file = jar.getFileName().toString();
        PluginDescriptor descriptor;
        try {
            descriptor = new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            return new Verdict(
                    file,
                    "",
                    file,
                    Optional.of("Not a plugin jar: its manifest has no Plugin-Id ("
                            + e.getClass().getSimpleName() + ")."));
        }
        String version = descriptor.getVersion() == null ? "" : descriptor.getVersion();
        String id = descriptor.getPluginId();
        if (id == null || id.isBlank()) {
            return new Verdict(file, version, file, Optional.of("Not a plugin jar: its manifest has no Plugin-Id."));
        }
        return new Verdict(id, version, file, incompatibility(descriptor.getRequires()));
    }

    /** Why a plugin built for the given SDK range cannot run here, if it cannot. */
    static Optional<String> incompatibility(String requires) {
        if (requires == null || requires.isBlank() || "*".equals(requires.strip())) {
            return Optional.of(
                    "Refused: the plugin does not say which plugin SDK it was built for (Plugin-Requires in its "
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
                    + SdkVersion.CURRENT + ". Rebuild the plugin against SDK " + SdkVersion.CURRENT
                    + ", or use a Breakglass "
                    + "version whose SDK it was built for.");
        }
        return Optional.empty();
    }
}
