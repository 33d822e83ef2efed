package dev.breakglass.backupcodes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.testing.Fixtures;
import dev.breakglass.testing.SignIn;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** After codes are saved, no table holds any of them, in any column, as text or as bytes. */
@SpringBootTest
class NoPlaintextAtRestTest {

    @Autowired
    BackupCodeService service;

    @Autowired
    Fixtures fixtures;

    @Autowired
    SignIn signIn;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void savedCodes_appearInNoColumnOfAnyTable() {
        fixtures.forgetAllCodes();
        List<String> codes = List.of("73915-28406", "ZX81QQ77", "40961234", "k3y-0f-1ife");
        UUID slack = fixtures.accountId("Slack");
        signIn.asConfirmed("owner@acme.test");
        service.saveCodes(slack, String.join("\n", codes), Mismatch.ACCEPTED);
        service.revealCodes(slack);

        List<String> tables = db.fetch("""
                select table_name from information_schema.tables
                where table_schema = 'public' and table_type = 'BASE TABLE'""").getValues(0, String.class);
        assertThat(tables).contains("backup_code", "backup_code_set", "audit_event", "account");

        StringBuilder everything = new StringBuilder();
        for (String table : tables) {
            // A whole row as text: bytea columns appear as hex, jsonb as its text.
            db.fetch("select t::text from \"" + table + "\" t")
                    .getValues(0, String.class)
                    .forEach(everything::append);
        }
        String dump = everything.toString().toLowerCase();
        assertThat(dump).contains("local:v");
        for (String code : codes) {
            assertThat(dump).doesNotContain(code.toLowerCase());
            assertThat(dump).doesNotContain(HexFormat.of().formatHex(code.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
