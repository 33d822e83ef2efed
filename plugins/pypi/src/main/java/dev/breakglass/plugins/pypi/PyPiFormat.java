package dev.breakglass.plugins.pypi;

import dev.breakglass.plugin.CodeShape;
import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.ShapedCodeFormat;
import org.pf4j.Extension;

/**
 * PyPI backup codes. PyPI generates 8 one-time recovery codes; generating new ones cancels the old ones. See this plugin's README for the sources.
 */
@Extension
public final class PyPiFormat extends ShapedCodeFormat {

    public PyPiFormat() {
        super(
                FormatFacts.of("pypi", "PyPI")
                        .appKeys("pypi", "testpypi")
                        .settingsPage("https://pypi.org/manage/account/recovery-codes/")
                        .expectedCodes(8)
                        .keywords("pypi", "python package index"),
                CodeShape.hex(16));
    }
}
