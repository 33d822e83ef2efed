package dev.breakglass.formats;

import dev.breakglass.plugin.SdkVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.pf4j.DefaultVersionManager;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;

/**
 * Decides, from a jar's bytes and manifest alone and before any of its code runs, whether it may load: a jar an admin
 * installed must be trusted by its SHA-256 ({@code breakglass.plugins.trusted-sha256}), because a plugin runs with all
 * of Breakglass's rights; every jar must name itself and the plugin SDK it was built for, and that SDK must be this
 * one's major version.
 */
final class PluginAdmission {

    private PluginAdmission() {}

    /** What the manifest says, the jar's SHA-256, and why the jar is refused if it is. */
    record Verdict(String id, String version, String file, String sha256, Optional<String> refusal) {

        boolean admitted() {
            return refusal.isEmpty();
        }
    }

    /**
     * @param mustBeTrusted whether the jar comes from the plugins folder (bundled jars ship with Breakglass itself)
     * @param trusted the SHA-256 of every jar the operator trusts, in lower-case hex
     */
    static Verdict of(Path jar, boolean mustBeTrusted, Set<String> trusted) {
        String file = jar.getFileName().toString();
        String sha256 = sha256(jar);
        PluginDescriptor descriptor;
        try {
            descriptor = new ManifestPluginDescriptorFinder().find(jar);
        } catch (RuntimeException e) {
            return new Verdict(
                    file,
                    "",
                    file,
                    sha256,
                    Optional.of("Not a plugin jar: its manifest has no Plugin-Id ("
                            + e.getClass().getSimpleName() + ")."));
        }
        String version = descriptor.getVersion() == null ? "" : descriptor.getVersion();
        String id = descriptor.getPluginId();
        if (id == null || id.isBlank()) {
            return new Verdict(
                    file, version, file, sha256, Optional.of("Not a plugin jar: its manifest has no Plugin-Id."));
        }
        if (mustBeTrusted && !trusted.contains(sha256)) {
            return new Verdict(
                    id,
                    version,
                    file,
                    sha256,
                    Optional.of("Refused: this jar is not trusted. A plugin runs with all of Breakglass's rights (it "
                            + "could read every stored code), so an installed jar loads only when its SHA-256 is in "
                            + "breakglass.plugins.trusted-sha256. Add " + sha256 + " there only if you trust who "
                            + "built it, then restart."));
        }
        return new Verdict(id, version, file, sha256, incompatibility(descriptor.getRequires()));
    }

    /** The SHA-256 of the jar's bytes, in lower-case hex ("" when it cannot be read). */
    static String sha256(Path jar) {
        try (InputStream in = Files.newInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            return "";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime.", e);
        }
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
