package dev.breakglass.plugins.dockerhub;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Docker Hub backup codes. Docker Hub gives one recovery code when two-factor authentication is enabled; save it to recover the account if the authenticator is lost. See this plugin's README for the sources.
 */
@Extension
public final class DockerHubFormat extends ShapedCodeFormat {

    public DockerHubFormat() {
        super(
                FormatFacts.of("dockerhub", "Docker Hub")
                        .appKeys("dockerhub", "docker")
                        .settingsPage("https://app.docker.com/settings/account-settings")
                        .expectedCodes(1)
                        .keywords("docker", "docker hub"),
                CodeShape.lettersAndDigits(32));
    }
}
