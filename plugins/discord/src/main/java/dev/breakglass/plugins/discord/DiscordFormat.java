package dev.breakglass.plugins.discord;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * Discord backup codes. Ten backup codes, each usable once; a new set replaces the old. See this plugin's README for the sources.
 */
@Extension
public final class DiscordFormat extends ShapedCodeFormat {

    public DiscordFormat() {
        super(
                FormatFacts.of("discord", "Discord")
                        .appKeys("discord")
                        .settingsPage("https://discord.com/settings/account")
                        .expectedCodes(10)
                        .keywords("discord", "discord_backup_codes"),
                CodeShape.lettersAndDigits(8).groups(4, 4).separator("-"));
    }
}
