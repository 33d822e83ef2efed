package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.breakglass.paste.CodeOrder;
import dev.breakglass.paste.PasteReader;
import dev.breakglass.plugin.FoundCode;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The generic reader's own rules: where on a line each code starts, whatever was split off before it. */
class GenericFormatTest {

    private final GenericFormat format = new GenericFormat();

    @Test
    void codes_startWhereTheyAreOnTheLine_afterWideGapsSeparatorsAndLabels() {
        String text = "Code:   ab12-cd34,  ef56-gh78\tRecovery code: ij90-kl12 mn34-op56 | 1234 5678 2345 6789";

        List<FoundCode> found = format.read(paste(text)).codes();

        assertThat(found)
                .extracting(FoundCode::code)
                .containsExactly("ab12-cd34", "ef56-gh78", "ij90-kl12", "mn34-op56", "1234 5678", "2345 6789");
        for (FoundCode code : found) {
            assertThat(code.column()).as(code.code()).isEqualTo(text.indexOf(code.code()));
        }
    }

    @Test
    void codeOfLettersOnly_withTheLayoutOfTheOtherCodes_isTaken_butNeverAWord() {
        assertThat(codes("5zmzaejb\n6ibvlemj\nutgizoqt\naxljj7g3\ndownload"))
                .containsExactly("5zmzaejb", "6ibvlemj", "utgizoqt", "axljj7g3");
        assertThat(codes("kgqp pbvw\nkxrn 69ca\n34xt sa6m\nkeep them"))
                .containsExactly("kgqp pbvw", "kxrn 69ca", "34xt sa6m");
        assertThat(codes("utgizoqt\nqwzrtkpl"))
                .as("no code to take the layout from")
                .isEmpty();
    }

    @Test
    void twoOrThreeEqualBlocks_areOneCode_andAShortWordIsNone() {
        assertThat(codes("b695 e5b2\n7pk1 eqvh 7uvs")).containsExactly("b695 e5b2", "7pk1 eqvh 7uvs");
        assertThat(codes("WPA2, changes every quarter\nab12")).isEmpty();
    }

    @Test
    void linesOfShortBlocks_areJoined_halvesInPairs_otherBlocksIntoOneKey() {
        assertThat(codes("Backup codes\n2916\n6184\n1375\n5635")).containsExactly("2916 6184", "1375 5635");
        assertThat(codes("AHJ9  H88W  UP9A  FLEX\nKP2M  AYD4  UJ76")).containsExactly("AHJ9H88WUP9AFLEXKP2MAYD4UJ76");
        assertThat(codes("YLHY4\nG9UBZ\nMC260\n4TEJ6\nSU5DK")).containsExactly("YLHY4G9UBZMC2604TEJ6SU5DK");
        assertThat(codes("Recovery Key:\n588510-695332-586614-129886-116984-092581-375988-435192"))
                .as("a long number is no account's code")
                .isEmpty();
    }

    @Test
    void letterSpacedText_isReadWithoutItsSpaces() {
        assertThat(codes("G i t L a b   r e c o v e r y\na d 2 0 e 9 8 e f d a 6 4 7 c 2"))
                .containsExactly("ad20e98efda647c2");
        assertThat(codes("G M E 7  -  Y 5 Z G  -  5 2 4 7  -  4 D G X")).containsExactly("GME7Y5ZG52474DGX");
    }

    @Test
    void letterSpacedKeyWithDashes_isOneKey_itsFirstGroupNoLabel() {
        assertThat(codes("F 9 R Y - X M 9 P - G Y Y X - 3 7 E 5")).containsExactly("F9RY-XM9P-GYYX-37E5");
    }

    @Test
    void nameWithItsNumber_isNoCode() {
        assertThat(codes("workstation-2026\nbackup-laptop-01\nlaptop-01")).isEmpty();
        assertThat(codes("ycnsm-e5cz9\nxhr9-x8dv-5u1o-csew\ncode-00001"))
                .containsExactly("ycnsm-e5cz9", "xhr9-x8dv-5u1o-csew", "code-00001");
    }

    @Test
    void labelsQuotesRemarksAndDots_areLeftAside() {
        assertThat(codes("bw 2fa recovery = wcvg-6zlj-c9xc-vao7")).containsExactly("wcvg-6zlj-c9xc-vao7");
        assertThat(codes("Acme backup codes \u2013 hm3z-2nxq-2z5w, q8s2-nk2m-9ofk"))
                .containsExactly("hm3z-2nxq-2z5w", "q8s2-nk2m-9ofk");
        assertThat(codes("- `sm5t3kmkmo`\n- \"ijmjk9xniq\"")).containsExactly("sm5t3kmkmo", "ijmjk9xniq");
        assertThat(codes("000a\"0000"))
                .as("a quote inside a word joins nothing")
                .isEmpty();
        assertThat(codes("Bypass code for jdoe: 183487258 (expires tomorrow)")).containsExactly("183487258");
        assertThat(codes("8881.2826\n7892.2719")).containsExactly("8881 2826", "7892 2719");
    }

    @Test
    void dashedWordWithShortUnequalBlocks_isNoCode() {
        assertThat(codes("region = eu-central-1\nserial US-1234-5678")).isEmpty();
        assertThat(codes("ycnsm-e5cz9\nALPHA-1111-AAAA")).containsExactly("ycnsm-e5cz9", "ALPHA-1111-AAAA");
    }

    @Test
    void labelEndingInAnEqualsSignWithoutASpace_orAnArrow_isLeftAside() {
        assertThat(codes("BACKUP_CODES=ab12-cd34,ef56-gh78")).containsExactly("ab12-cd34", "ef56-gh78");
        assertThat(codes("DEPLOY_SECRET=ab12cd34ef56"))
                .as("a setting that does not name codes")
                .isEmpty();
        assertThat(codes("recovery code \u2192 q 7 w 2 x 9 k 4 m 8")).containsExactly("q7w2x9k4m8");
        assertThat(codes("backup -> 4kq9x2mw7p")).containsExactly("4kq9x2mw7p");
    }

    @Test
    void slashBetweenSpaces_separatesARowOfCodes_butNotANameFromAPassword() {
        assertThat(codes("acme: 9kdm2x7q / 4pzr8wn2 / tqvwhcmr / 7tqv3hcm"))
                .containsExactly("9kdm2x7q", "4pzr8wn2", "tqvwhcmr", "7tqv3hcm");
        assertThat(codes("Visitors: Lobby-Net / x7k2m9p4q1")).isEmpty();
        assertThat(codes("Google / GitHub backup codes: 7tqv3hcm")).containsExactly("7tqv3hcm");
        assertThat(codes("Issued 12/02/2026")).isEmpty();
    }

    @Test
    void codeOfLettersOnly_inARowOfCodesOfItsLayout_isTaken_aWordBesideCodesIsNot() {
        assertThat(codes("k7m2-x9q4 p3w8-z6n1 wxzq-rtkp b5v7-c2j9"))
                .containsExactly("k7m2-x9q4", "p3w8-z6n1", "wxzq-rtkp", "b5v7-c2j9");
        assertThat(codes("Generated k7m2x9q4 p3w8z6n1")).isEmpty();
    }

    @Test
    void codeAfterTheColonThatEndsASentence_isRead() {
        assertThat(codes("Hi Jo, as promised I made you a one-off bypass code: 518204736\nRegards, the desk"))
                .containsExactly("518204736");
        assertThat(codes("Hi Jo, as promised here is the plan: call me tomorrow"))
                .isEmpty();
        assertThat(codes("Someone signed in from a new device so here is the one code that you asked for: 518204"))
                .as("a sentence that names no backup code")
                .isEmpty();
        assertThat(codes("Acme \u2013 your backup code: 7tqv3hcmx2"))
                .as("after a label")
                .containsExactly("7tqv3hcmx2");
    }

    @Test
    void loneCodeOfLettersOnly_namedABackupCode_isTaken_butNeverAWordOrAnUnnamedName() {
        assertThat(codes("Restore Code: QXTRMWPZKV")).containsExactly("QXTRMWPZKV");
        assertThat(codes("This scratch code works once. Write it down:\nzqkvbtrwmxhp"))
                .containsExactly("zqkvbtrwmxhp");
        assertThat(codes("Username: qxtrmwpzkv")).isEmpty();
        assertThat(codes("Recovery code: available")).isEmpty();
    }

    @Test
    void capitalisedWordWithANumberGluedToIt_isAName_notACode() {
        assertThat(codes("1Password\nPassword1\nAdmin2026")).isEmpty();
        assertThat(codes("odhokpu566\nMESAYFF5\nr8Kdhgwqap")).containsExactly("odhokpu566", "MESAYFF5", "r8Kdhgwqap");
    }

    @Test
    void keyWrappedAfterADash_isOneKey() {
        assertThat(codes("Your key:\nK4QZ-7HMD-R2WX-\nP9TN-3CVB")).containsExactly("K4QZ-7HMD-R2WX-P9TN-3CVB");
        assertThat(codes("Codes\nq7wz-k2mx-\nr8tn\nb4vc-p9dl-\nh3jf"))
                .containsExactly("q7wz-k2mx-r8tn", "b4vc-p9dl-h3jf");
    }

    @Test
    void blocksOfFourOneALine_tooManyForOneKey_areCodesInHalves() {
        String halves = "Codes\n" + String.join("\n", java.util.Collections.nCopies(9, "kq7w\nzr2m")) + "\nxv4p\nbn8t";
        assertThat(codes(halves)).containsExactly("kq7w zr2m", "xv4p bn8t");
        assertThat(codes("AHJ9\nH88W\nUP9A\nFLEX")).as("few enough for one key").containsExactly("AHJ9H88WUP9AFLEX");
    }

    @Test
    void numberedItemsOfShortBlocks_areNeverJoined() {
        assertThat(codes("1. 2916\n2. 6184")).isEmpty();
        assertThat(codes("1. 2916\n   6184")).containsExactly("2916 6184");
    }

    @Test
    void longLineOfShortBlocks_isReadWithoutExhaustingTheStack() {
        assertThatCode(() -> codes("abcd efgh ".repeat(6500))).doesNotThrowAnyException();
        assertThatCode(() -> codes("a b c d ".repeat(8000))).doesNotThrowAnyException();
    }

    /** The codes as Breakglass keeps them: in order, each once. */
    private List<String> codes(String text) {
        Paste paste = PasteReader.read(text);
        return CodeOrder.codes(paste, format.read(paste));
    }

    private static Paste paste(String text) {
        return new Paste(List.of(new PasteLine(0, OptionalInt.empty(), text, text)));
    }
}
