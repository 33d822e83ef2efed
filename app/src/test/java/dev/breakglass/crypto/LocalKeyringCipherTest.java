package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKeyringCipherTest {

    static final List<String> CODES = List.of("1234 5678", "abcde-12345", "Z9Y8X7W6");

    @TempDir
    Path dir;

    SecureRandom random = new SecureRandom();
    LocalKeyringCipher cipher;
    CipherContext context = new CipherContext(UUID.randomUUID(), UUID.randomUUID());

    @BeforeEach
    void openKeyring() {
        cipher = new LocalKeyringCipher(LocalKeyring.openOrCreate(dir.resolve("keyring.json"), random), random);
    }

    @Test
    void encryptThenDecrypt_returnsTheCodes() {
        List<String> ciphertexts = cipher.encryptAll(context, CODES);

        assertThat(ciphertexts)
                .hasSize(3)
                .allMatch(c -> c.startsWith("local:v1:"))
                .doesNotContainAnyElementsOf(CODES);
        assertThat(ciphertexts).doesNotHaveDuplicates();
        assertThat(cipher.decryptAll(context, ciphertexts)).isEqualTo(CODES);
    }

    @Test
    void sameCodeTwice_givesDifferentCiphertexts() {
        assertThat(cipher.encryptAll(context, List.of("same", "same"))).doesNotHaveDuplicates();
    }

    @Test
    void tamperedCiphertext_failsToDecrypt() {
        String ciphertext = cipher.encryptAll(context, List.of("12345678")).get(0);
        char last = ciphertext.charAt(ciphertext.length() - 2);
        String tampered = ciphertext.substring(0, ciphertext.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + ciphertext.charAt(ciphertext.length() - 1);

        assertThatThrownBy(() -> cipher.decryptAll(context, List.of(tampered)))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("integrity");
    }

    @Test
    void ciphertextOfOneAccount_doesNotDecryptAsAnother() {
        String ciphertext = cipher.encryptAll(context, List.of("12345678")).get(0);
        CipherContext otherAccount = new CipherContext(UUID.randomUUID(), context.setId());

        assertThatThrownBy(() -> cipher.decryptAll(otherAccount, List.of(ciphertext)))
                .isInstanceOf(CipherException.class);
    }

    @Test
    void aCodeMovedToAnotherPosition_doesNotDecrypt() {
        List<String> ciphertexts = cipher.encryptAll(context, CODES);

        assertThat(cipher.decryptAll(context.at(List.of(3)), List.of(ciphertexts.get(2))))
                .containsExactly(CODES.get(2));
        assertThatThrownBy(() -> cipher.decryptAll(context.at(List.of(1)), List.of(ciphertexts.get(2))))
                .isInstanceOf(CipherException.class)
                .hasMessageContaining("another account, set or position");
    }

    @Test
    void codesOfTheFirstBinding_openOnlyAsThatBinding() {
        CipherContext firstWay = context.boundAs(CipherBinding.ACCOUNT_AND_SET);
        List<String> ciphertexts = cipher.encryptAll(firstWay, CODES);

        assertThat(cipher.decryptAll(firstWay, ciphertexts)).isEqualTo(CODES);
        assertThatThrownBy(() -> cipher.decryptAll(context, ciphertexts)).isInstanceOf(CipherException.class);
    }

    @Test
    void aBatchWithTooFewPositions_isRefusedBeforeAnythingIsSealed() {
        assertThatThrownBy(() -> cipher.encryptAll(context.at(List.of(1)), CODES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A batch of 3 codes came with 1 positions.");
    }

    @Test
    void memberFactorSecret_decryptsForItsEnrolmentOnly_neverForAnotherMemberOrAsAnAccount() {
        UUID member = UUID.randomUUID();
        UUID enrolment = UUID.randomUUID();
        CipherContext factor = CipherContext.forMemberFactor(member, enrolment);
        String ciphertext =
                cipher.encryptAll(factor, List.of("JBSWY3DPEHPK3PXP")).get(0);

        assertThat(cipher.decryptAll(factor, List.of(ciphertext))).containsExactly("JBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> cipher.decryptAll(
                        CipherContext.forMemberFactor(UUID.randomUUID(), enrolment), List.of(ciphertext)))
                .isInstanceOf(CipherException.class);
        assertThatThrownBy(() -> cipher.decryptAll(new CipherContext(member, enrolment), List.of(ciphertext)))
                .isInstanceOf(CipherException.class);
    }

    @Test
    void ciphertextOfOneSet_doesNotDecryptAsAnother() {
        String ciphertext = cipher.encryptAll(context, List.of("12345678")).get(0);
        CipherContext otherSet = new CipherContext(context.ownerId(), UUID.randomUUID());

        assertThatThrownBy(() -> cipher.decryptAll(otherSet, List.of(ciphertext)))
                .isInstanceOf(CipherException.class);
    }

    @Test
    void afterRotation_oldCiphertextsStillDecrypt_andNewOnesUseTheNewVersion() {
        List<String> old = cipher.encryptAll(context, CODES);

        assertThat(cipher.rotate()).isEqualTo(2);
        List<String> fresh = cipher.encryptAll(context, CODES);

        assertThat(fresh).allMatch(c -> c.startsWith("local:v2:"));
        assertThat(cipher.decryptAll(context, old)).isEqualTo(CODES);
        assertThat(cipher.decryptAll(context, fresh)).isEqualTo(CODES);
        List<String> rewrapped = cipher.rewrapAll(context, old);
        assertThat(rewrapped).allMatch(c -> c.startsWith("local:v2:"));
        assertThat(cipher.decryptAll(context, rewrapped)).isEqualTo(CODES);
    }

    @Test
    void aSetUnderTwoKeyVersions_decryptsInOneCall_andRewrapsToTheNewest() {
        List<String> old = cipher.encryptAll(context, CODES);
        cipher.rotate();
        List<String> fresh = cipher.encryptAll(context, CODES);
        // a set half rewrapped: each code at its own position, under version 1 or 2
        List<String> mixed = List.of(old.get(0), fresh.get(1), old.get(2));

        assertThat(cipher.decryptAll(context, mixed)).isEqualTo(CODES);
        List<String> rewrapped = cipher.rewrapAll(context, mixed);
        assertThat(rewrapped).allMatch(c -> c.startsWith("local:v2:"));
        assertThat(rewrapped.get(1)).isEqualTo(fresh.get(1));
        assertThat(cipher.decryptAll(context, rewrapped)).isEqualTo(CODES);
    }

    @Test
    void keyFile_isOwnerOnly_andSurvivesAReopen() throws Exception {
        Path file = dir.resolve("keyring.json");
        List<String> ciphertexts = cipher.encryptAll(context, CODES);
        cipher.rotate();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        LocalKeyringCipher reopened = new LocalKeyringCipher(LocalKeyring.openOrCreate(file, random), random);
        assertThat(reopened.currentVersion()).isEqualTo(2);
        assertThat(reopened.decryptAll(context, ciphertexts)).isEqualTo(CODES);
    }

    @Test
    void ciphertextFromAnotherKeyFile_failsToDecrypt() {
        String ciphertext = cipher.encryptAll(context, List.of("12345678")).get(0);
        LocalKeyringCipher stranger =
                new LocalKeyringCipher(LocalKeyring.openOrCreate(dir.resolve("other.json"), random), random);

        assertThatThrownBy(() -> stranger.decryptAll(context, List.of(ciphertext)))
                .isInstanceOf(CipherException.class);
    }
}
