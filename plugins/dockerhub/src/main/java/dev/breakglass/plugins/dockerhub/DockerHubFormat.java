package dev.breakglass.plugins.dockerhub;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Docker Hub backup codes. Docker Hub gives one recovery code when two-factor authentication is enabled; save it to recover the account if the authenticator is lost. See this plugin's README for the sources.
 */
@Extension
public final class DockerHubFormat extends LineCodeFormat {

    public DockerHubFormat() {
        super(
                FormatFacts.of("dockerhub", "Docker Hub")
                        .appKeys("dockerhub", "docker")
                        .settingsPage("https://app.docker.com/settings/account-settings")
                        .expectedCodes(1)
                        .keywords("docker", "docker hub"),
                Pattern.compile("(?=[a-z0-9]{0,31}[0-9])[a-z0-9]{32}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.toLowerCase(Locale.ROOT);
    }
}
