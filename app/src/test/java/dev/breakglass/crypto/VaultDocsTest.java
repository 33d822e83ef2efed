package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/vault.md shows only commands that work: every command the test server is set up with appears there
 * verbatim, and the policy the tests run Breakglass under is the one it shows (OpenBao reads it from there).
 */
class VaultDocsTest {

    @RegisterExtension
    static final OpenBao bao = OpenBao.dev();

    @Test
    void everySetupCommand_isShownInTheDocs_exactlyAsRun() {
        String docs = OpenBao.docs();

        assertThat(bao.setupCommands())
                .hasSizeGreaterThanOrEqualTo(7)
                .allSatisfy(command ->
                        assertThat(docs).as("docs/vault.md shows `%s`", command).contains(command));
    }

    @Test
    void theAuditDeviceStanza_inTheDocs_isTheOneTheServerRuns() throws Exception {
        String config = Files.readString(bao.directory().resolve("bao.hcl"));
        String stanza = config.substring(0, config.indexOf("}\n}\n") + 4)
                .replace(bao.directory().resolve("audit.log").toString(), "/var/log/openbao/audit.log");

        assertThat(OpenBao.docs()).contains(stanza);
        assertThat(Path.of(bao.directory().resolve("audit.log").toString())).exists();
    }
}
