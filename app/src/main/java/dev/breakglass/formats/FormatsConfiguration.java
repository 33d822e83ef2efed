package dev.breakglass.formats;

import dev.breakglass.database.DataDirectory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the format plugins at start and closes them at shutdown. */
@Configuration
class FormatsConfiguration {

    @Bean(destroyMethod = "close")
    FormatPlugins formatPlugins(PluginSettings settings, DataDirectory data) {
        return PluginLocations.of(settings.dir(), data.dataDir(), settings.trustedSha256())
                .load(Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    CodeReader codeReader(FormatPlugins plugins, PluginSettings settings) {
        return new CodeReader(plugins, settings.timeout());
    }

    /**
     * @param dir {@code breakglass.plugins.dir}: where an admin installs plugin jars; {@code <data-dir>/plugins} unless set
     * @param timeout {@code breakglass.plugins.timeout}: how long one call into a plugin may take, 1s unless set
     * @param trustedSha256 {@code breakglass.plugins.trusted-sha256}: the SHA-256 of each installed jar allowed to
     *     load; none unless set
     */
    @ConfigurationProperties("breakglass.plugins")
    record PluginSettings(Path dir, @DefaultValue("1s") Duration timeout, List<String> trustedSha256) {

        PluginSettings {
            trustedSha256 = trustedSha256 == null ? List.of() : List.copyOf(trustedSha256);
        }
    }
}
