package dev.breakglass.demo;

import static dev.breakglass.db.Tables.BACKUP_CODE;
import static dev.breakglass.db.Tables.BACKUP_CODE_SET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.Application;
import dev.breakglass.account.AccountService;
import dev.breakglass.crypto.CipherContext;
import dev.breakglass.crypto.CodeCipher;
import dev.breakglass.testing.SignIn;
import dev.breakglass.workspace.MemberService;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The generator behind {@code generate-demo}: a workspace the Owner can sign in to, codes only as ciphertext. */
@SpringBootTest
class DemoGeneratorTest {

    @Autowired
    DemoGenerator generator;

    @Autowired
    SignIn signIn;

    @Autowired
    AccountService accounts;

    @Autowired
    MemberService members;

    @Autowired
    CodeCipher cipher;

    @Autowired
    DSLContext db;

    @AfterEach
    void signOut() {
        signIn.out();
    }

    @Test
    void generate_fillsAWorkspace_theOwnerSeesEveryAccountAndMember() {
        DemoGenerator.GeneratedWorkspace made = generator.generate("Generated", 1_250, 12);

        signIn.as(made.ownerEmail());

        assertThat(accounts.overview().total()).isEqualTo(1_250);
        assertThat(accounts.overview().mfaOnNoCodes()).isPositive();
        assertThat(members.count("")).isEqualTo(12);
    }

    @Test
    void generate_storesEachCodeEncrypted_forItsAccountAndSet() {
        DemoGenerator.GeneratedWorkspace made = generator.generate("Encrypted", 20, 3);

        var code = db.select(
                        BACKUP_CODE_SET.ACCOUNT_ID, BACKUP_CODE_SET.ID, BACKUP_CODE.CIPHERTEXT, BACKUP_CODE.POSITION)
                .from(BACKUP_CODE)
                .join(BACKUP_CODE_SET)
                .on(BACKUP_CODE_SET.ID.eq(BACKUP_CODE.SET_ID))
                .where(BACKUP_CODE_SET.WORKSPACE_ID.eq(made.workspaceId()))
                .limit(1)
                .fetchSingle();
        assertThat(code.value3()).startsWith("local:v");
        assertThat(cipher.decryptAll(
                        new CipherContext(code.value1(), code.value2()).at(List.of(code.value4())),
                        List.of(code.value3())))
                .singleElement()
                .asString()
                .matches("\\d{8}");
    }

    @Test
    void command_withoutCounts_saysWhatItNeeds_andStartsNothing() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = GenerateDemoCommand.run(
                Application.class,
                new String[] {GenerateDemoCommand.NAME, "--accounts", "many"},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(GenerateDemoCommand.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--accounts needs a whole number, not \"many\"");
    }
}
