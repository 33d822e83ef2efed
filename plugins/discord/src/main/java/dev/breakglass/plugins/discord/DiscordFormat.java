package dev.breakglass.plugins.discord;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pf4j.Extension;

/**
 * Discord backup codes. Ten backup codes, each usable once; a new set replaces the old. See this plugin's README for the sources.
 */
@Extension
public final class DiscordFormat extends LineCodeFormat {

    public DiscordFormat() {
        super(
                FormatFacts.of("discord", "Discord")
                        .appKeys("discord")
                        .settingsPage("https://discord.com/settings/account")
                        .expectedCodes(10)
                        .keywords("discord", "discord_backup_codes"),
                Pattern.compile("(?=[a-z0-9-]{0,8}[0-9])[a-z0-9]{4}-?[a-z0-9]{4}", Pattern.CASE_INSENSITIVE));
    }

    @Override
    protected String canonical(String matched) {
        return matched.replace("-", "").toLowerCase(Locale.ROOT);
    }

    @Override
    public String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
