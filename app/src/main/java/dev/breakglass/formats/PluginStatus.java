package dev.breakglass.formats;

import java.util.List;

/**
 * One plugin jar as an admin sees it: what it is, whether it runs, and what went wrong. Errors name the exception
 * and where it was thrown, never its message, which could quote a pasted code.
 *
 * @param pluginId the PF4J plugin id, or the file name when the jar could not be read
 * @param version the plugin's version, or "" when unknown
 * @param file the jar's file name
 * @param sha256 the SHA-256 of the jar, in lower-case hex: what {@code breakglass.plugins.trusted-sha256} lists
 * @param origin {@code bundled} (shipped with Breakglass) or {@code installed} (from the plugins folder)
 * @param state what Breakglass does with it
 * @param formats the display names of the formats it provides
 * @param errors what went wrong, newest last
 */
public record PluginStatus(
        String pluginId,
        String version,
        String file,
        String sha256,
        String origin,
        State state,
        List<String> formats,
        List<String> errors) {

    public PluginStatus {
        formats = List.copyOf(formats);
        errors = List.copyOf(errors);
    }

    /** What Breakglass does with a plugin. */
    public enum State {
        /** Loaded; its formats read pastes. */
        STARTED("Running"),
        /** Not loaded: built for another SDK, unreadable, or its id is taken. */
        REFUSED("Refused"),
        /** Loaded but could not start or create its formats. */
        FAILED("Failed"),
        /** Ran longer than allowed once; its formats are skipped until Breakglass restarts. */
        SUSPENDED("Suspended");

        private final String label;

        State(String label) {
            this.label = label;
        }

        /** The state as the Plugins page shows it. */
        public String label() {
            return label;
        }
    }
}
