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
        assertThat(codes("codes = ('k3m9x2p7q4', 'h4ne0rs6zz')\nconst more = [\"7tbc81wdqk\"];"))
                .containsExactly("k3m9x2p7q4", "h4ne0rs6zz", "7tbc81wdqk");
        assertThat(codes("recovery_codes = ['qk29vm3x', 'ab12cd34']")).containsExactly("qk29vm3x", "ab12cd34");
        assertThat(codes("{noformat}\n[quotebox]\nqk29vm3x\nab12cd34\n[/quotebox]"))
                .as("markup around the codes")
                .containsExactly("qk29vm3x", "ab12cd34");
    }

    @Test
    void dashedWordWithShortUnequalBlocks_isNoCode() {
        assertThat(codes("region = eu-central-1\nserial US-1234-5678")).isEmpty();
        assertThat(codes("ycnsm-e5cz9\nALPHA-1111-AAAA")).containsExactly("ycnsm-e5cz9", "ALPHA-1111-AAAA");
    }

    @Test
    void labelUpToTheLastColon_isLeftAside_whateverSymbolsAndDashesItHolds() {
        assertThat(codes("@it DM: backup codes for @ops@chat.example.org (keep offline): 7c1e9a04bd 0a2f6e11c9"))
                .containsExactly("7c1e9a04bd", "0a2f6e11c9");
        assertThat(codes("Orbitly \u2013 your backup code: K7PQ2M9XWR4T")).containsExactly("K7PQ2M9XWR4T");
        assertThat(codes("Note for the team: keep these somewhere safe")).isEmpty();
    }

    @Test
    void loneCodeOfLettersOnly_isTakenWhenItsLabelCallsItACode_butNeverAWordOrAnotherValue() {
        assertThat(codes("Emergency code (one use): QZKWTRBXHMPL")).containsExactly("QZKWTRBXHMPL");
        assertThat(codes("Backup code for ops@ (admin login): qzkw-trbx-hmpl-vcds"))
                .containsExactly("qzkw-trbx-hmpl-vcds");
        assertThat(codes("Workspace: qzkwtrbxhm"))
                .as("a label of something else")
                .isEmpty();
        assertThat(codes("Recovery code: Regenerated")).as("a word").isEmpty();
        assertThat(codes("Backup code: QzkWtrBxHm")).as("letters in mixed case").isEmpty();
        assertThat(codes("Backup code: QZKWTRB")).as("too short to be alone").isEmpty();
    }

    @Test
    void codeBrokenAtADash_isJoinedWithTheNextLine() {
        assertThat(codes("Recovery key\nK7PQ-2M9X-WR4T-\nH8JD-3NVC\nDone")).containsExactly("K7PQ-2M9X-WR4T-H8JD-3NVC");
        assertThat(codes("ab12-cd34-\nef56\nzz90-yy81-\nxx72")).containsExactly("ab12-cd34-ef56", "zz90-yy81-xx72");
        assertThat(codes("ZX81K-P3B9B\n-QQ7R2-9LO1A")).containsExactly("ZX81K-P3B9B-QQ7R2-9LO1A");
        assertThat(codes("a well-\nknown trick")).isEmpty();
    }

    @Test
    void slashBetweenSpaces_separatesCodes_butASlashInALinkOrWordDoesNot() {
        assertThat(codes("spare codes - 4KD9PW / 7HNM2Q / X8RT3B")).containsExactly("4KD9PW", "7HNM2Q", "X8RT3B");
        assertThat(codes("see https://example.com/a1b2c3d4e5/settings")).isEmpty();
    }

    @Test
    void slashOrDashWithASpaceOnEachSide_separatesCodes_butLetterSpacingKeepsItsDashes() {
        assertThat(codes("qk29vm3x / 7tbc81wd / h4ne0rs6")).containsExactly("qk29vm3x", "7tbc81wd", "h4ne0rs6");
        assertThat(codes("Zulip codes - qk29vm3x - 7tbc81wd \u2013 h4ne0rs6"))
                .containsExactly("qk29vm3x", "7tbc81wd", "h4ne0rs6");
        assertThat(codes("4471 0926 / 3315 8842")).containsExactly("4471 0926", "3315 8842");
        assertThat(codes("K 7 Q 2 - M 9 X D - 4 T P L - 8 W 3 C")).containsExactly("K7Q2-M9XD-4TPL-8W3C");
        assertThat(codes("see https://example.org/a1b2c3d4e5/settings")).isEmpty();
        assertThat(codes("REQ4417209 - account locked, phone stolen"))
                .as("a ticket's number before its title")
                .isEmpty();
    }

    @Test
    void labelEndingInAnArrow_orWordsBeforeTheLastColon_isLeftAside() {
        assertThat(codes("Backup code -> 7KQ2 M9XD 4TPL")).containsExactly("7KQ2 M9XD 4TPL");
        assertThat(codes("Acme recovery \u2192 p3x8wq2n4m")).containsExactly("p3x8wq2n4m");
        assertThat(codes("from @kim: codes for kim@example.org (keep): 3f9a21bc07 8e44d1a2c9"))
                .containsExactly("3f9a21bc07", "8e44d1a2c9");
        assertThat(codes("from @kim: these are not codes: 3f9a21bc07 maybe")).isEmpty();
    }

    @Test
    void namesWithANumber_orADashedWord_areNoCodes() {
        assertThat(codes("Vault: 1Password\nSuite: Office365\nhost: web42-primary\nnas: storage-b7x\nphone: Pixel7a"))
                .isEmpty();
        assertThat(codes("k3m9-x2p7q\n7tbc81wd-qk29\n4fresh2go\nsecond-2222-bbbb"))
                .as("a code's blocks are not words, and lower-case letters after a digit are no name")
                .containsExactly("k3m9-x2p7q", "7tbc81wd-qk29", "4fresh2go", "second-2222-bbbb");
    }

    @Test
    void digitsTypedInGroupsOfTheirOwn_areCodes_onlyAsAListInOneGrouping() {
        assertThat(codes("codes from the card\n481 226 09\n730 518 44\n902 667 13"))
                .containsExactly("481 226 09", "730 518 44", "902 667 13");
        assertThat(codes("481 226 09\n730 518 44")).as("two are no list").isEmpty();
        assertThat(codes("481 226 09\n73 0518 44\n902 667 13"))
                .as("no one grouping")
                .isEmpty();
        assertThat(codes("12 05 2026\n14 06 2026\n15 07 2026\nab12cd34ef\nk3m9x2p7q4\n7tbc81wdqk\nzz91xk22mm"))
                .as("fewer than the other codes")
                .containsExactly("ab12cd34ef", "k3m9x2p7q4", "7tbc81wdqk", "zz91xk22mm");
    }

    @Test
    void mixedCaseKeyWrappedOverLines_isOneKey_butSingleCaseKeysStayApart() {
        assertThat(codes("Security key\nQw3R tY7u Pk2M nB8v Xc4Z\nLm6N hJ9g Fd5S aE1w"))
                .containsExactly("Qw3RtY7uPk2MnB8vXc4ZLm6NhJ9gFd5SaE1w");
        assertThat(codes("qw3r ty7u pk2m nb8v xc4z\nlm6n hj9g fd5s ae1w zr2t"))
                .containsExactly("qw3rty7upk2mnb8vxc4z", "lm6nhj9gfd5sae1wzr2t");
    }

    @Test
    void wordsOfLettersAndDigitsSideBySide_areCodes_notTheBlocksOfOneKey() {
        assertThat(codes("mdmd3v 9gd88r\npj7leu fubu4d")).containsExactly("mdmd3v", "9gd88r", "pj7leu", "fubu4d");
        assertThat(codes("1sm5t3km 9xniqrg8 s3ksxxb5 o9k4lvhq"))
                .containsExactly("1sm5t3km", "9xniqrg8", "s3ksxxb5", "o9k4lvhq");
        assertThat(codes("b695 e5b2\n4283 fefc 63f0 cd0e")).containsExactly("b695 e5b2", "4283fefc63f0cd0e");
    }

    @Test
    void codeWrappedAtOneOfItsDashes_isJoinedWithTheNextLine() {
        assertThat(codes("Your key\nQK2M-9XD4-TPL8-W3CZ-\n7RHF-B6NY\nContinue"))
                .containsExactly("QK2M-9XD4-TPL8-W3CZ-7RHF-B6NY");
        assertThat(codes("k3m9x-\n2p7q4\n7tbc8-\n1wdqk")).containsExactly("k3m9x-2p7q4", "7tbc8-1wdqk");
        assertThat(codes("Backup codes -\nk3m9x2p7q4")).as("a label's dash").containsExactly("k3m9x2p7q4");
    }

    @Test
    void fullStopAfterACode_endsTheSentence() {
        assertThat(codes("Backup code for the admin: 4471-0926-3315 (one left)."))
                .containsExactly("4471-0926-3315");
        assertThat(codes("Use qk29vm3x!")).isEmpty();
        assertThat(codes("Codes: qk29vm3x, ab12cd34.")).containsExactly("qk29vm3x", "ab12cd34");
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
    @Test
    void listOfLetterBlocks_inOneLayout_isAListOfCodes_butNotWordsOrAFewOfThem() {
        assertThat(codes("Backup codes\n1. mcct pwoz tzqs\n2. hkjy frzv miib\n3. pxqs nxjt lpoi"))
                .containsExactly("mcct pwoz tzqs", "hkjy frzv miib", "pxqs nxjt lpoi");
        assertThat(codes("wweu hlxw wfxf mhns ; tfoc hvjq uihr zhsv ; qfob hcls yvbj zmcs ; goyt xgcc dsqp gpff ; "
                        + "hcjr azbt euaf wnxy"))
                .as("five need no word that names codes")
                .hasSize(5);
        assertThat(codes("Backup codes\nmcct pwoz tzqs\nhkjy frzv miib"))
                .as("two are no list")
                .isEmpty();
        assertThat(codes("Backup codes\nsave them here\nkeep them safe\nkeep them dry"))
                .isEmpty();
        assertThat(codes("mcct pwoz tzqs\nhkjy frzv miib\npxqs nxjt lpoi"))
                .as("three need a word for codes")
                .isEmpty();
    }

    @Test
    void codesInASentenceThatNamesThem_whenNothingElseIsACode() {
        assertThat(codes("Store your scratch token (qcug6ba32kbb) in a safe place, as it is only shown once."))
                .containsExactly("qcug6ba32kbb");
        assertThat(codes("outlook recovery code 1AMJT-RG452-IA3KE-W8STE-CCJF8 (new one)"))
                .containsExactly("1AMJT-RG452-IA3KE-W8STE-CCJF8");
        assertThat(codes("msg from @dana: codes are ee6ca-5fa00 5063a-56d3f and a0966-48362. delete this!"))
                .containsExactly("ee6ca-5fa00", "5063a-56d3f", "a0966-48362");
        assertThat(codes("Ticket INC0012345 about the recovery codes of team42, host web01.example.org"))
                .as("a number and its name, a host")
                .isEmpty();
        assertThat(codes("Your recovery codes were viewed (event ID 4c7d2f9e1a, session 9f8a7b6c5d) from Chrome"))
                .as("identifiers named as such")
                .isEmpty();
    }

    @Test
    void blocksUnderANameOfOneKey_areThatKey_butNotUnderCodes() {
        assertThat(codes("Emergency key (keep offline):\n4ced 7fc9 c129 061c\n0a29 783c 2a4a 762e\n\nPage 1/2\n"
                        + "d9fb cdc4 e403 5c0f\n1ac5 4d90 199b 76ef"))
                .containsExactly("4ced7fc9c129061c 0a29783c2a4a762e d9fbcdc4e4035c0f 1ac54d90199b76ef");
        assertThat(codes("break-glass recovery code\nfcfe45f0 19d758a5 f6b3142b 3b2017f7"))
                .containsExactly("fcfe45f0 19d758a5 f6b3142b 3b2017f7");
        assertThat(codes("Recovery codes\nfcfe45f0 19d758a5 f6b3142b 3b2017f7")).hasSize(4);
        assertThat(codes("Recovery key\nfcfe45f0\nsee the wiki for the rest\n19d758a5"))
                .as("a sentence between is no grid")
                .hasSize(2);
    }

    @Test
    void loneLettersOnlyCode_setApartUnderAHeadingAndASentenceThatNameIt_isTheCode() {
        assertThat(
                        codes(
                                "Your backup code\n\nIf you lose your phone, use this code to sign in.\n\nytnq-uagp-ujcp-qmvo-jbcg"))
                .containsExactly("ytnq-uagp-ujcp-qmvo-jbcg");
        assertThat(codes("X gives one backup code. Here it is:\n\n    xogiktyhhsma\n\nThanks,\nInes"))
                .containsExactly("xogiktyhhsma");
        assertThat(codes("Your backup code\n\nOne.\nTwo.\nThree.\n\nytnqxuagpujcp"))
                .as("three lines of text between")
                .isEmpty();
    }

    @Test
    void printedColumnOfCodesInBlocks_oneALine_splitsIntoCodes_whenThePasteSpeaksOfCodes() {
        assertThat(codes("GitLab recovery codes\nPage 1 of 1\n520eb\n48071\nf361b\ndeea8\n845df\n6e787"))
                .containsExactly("520eb 48071", "f361b deea8", "845df 6e787");
        assertThat(codes("Zoho Backup Verification Codes\nuu22\n6k74\nv2uk\n2qtn\nljtb\n5g36\nsgl4\nritf\nc1a6"))
                .as("nine blocks of four: three to a code")
                .containsExactly("uu22 6k74 v2uk", "2qtn ljtb 5g36", "sgl4 ritf c1a6");
        assertThat(codes("Recovery key\nuu22\n6k74\nv2uk\n2qtn\nljtb\n5g36"))
                .as("one key")
                .hasSize(1);
    }

    @Test
    void manyCodesOfOneLayoutInARow_needNoWordThatCallsThemCodes() {
        assertThat(codes("slack backup en68iwz8 4rfnj3eb 0vwsiuyt qzpx823b 34v43uc0"))
                .containsExactly("en68iwz8", "4rfnj3eb", "0vwsiuyt", "qzpx823b", "34v43uc0");
        assertThat(codes("build a1b2c3d4 for team 9f8e7d6c5b and then x1y2z3w4"))
                .isEmpty();
    }

    @Test
    void germanNameOfOneRecoveryCode_joinsItsBlocks() {
        assertThat(codes("Wiederherstellungscode\n\n72d3 d71a d3f7 d486 b30c ee73 9f0b 2ebf\n"
                        + "578d 1e72 aee8 7694 4ba7 fc0d 11c6 ad6a"))
                .hasSize(1);
    }

    @Test
    void codeInGroupsWithSpacedDashes_orDigitsWithUnderscores_isOneCode() {
        assertThat(codes("Fastmail recovery code\n\nASSS - EDFD - NHOL - AEGD\n\nPrint this."))
                .containsExactly("ASSS-EDFD-NHOL-AEGD");
        assertThat(codes("8675_0573\n4311_0301")).containsExactly("8675 0573", "4311 0301");
    }

    @Test
    void andBetweenTwoCodesOfARow_separatesThem_andALongHexKeyMayHoldDashes() {
        assertThat(codes("slack backup codes: ha0wttwh, u72qzmes, 4v43uc06 and ltldfu86."))
                .containsExactly("ha0wttwh", "u72qzmes", "4v43uc06", "ltldfu86");
        assertThat(codes("Recovery code: 2836eabd-6b881479-70879fc3-9ef1fb24-ed8bcaaf-8d10fa45-c1ce1d5f-ec7c9b18"))
                .hasSize(1);
        assertThat(codes("backup and restore")).isEmpty();
    }

    @Test
    void codeRetypedWithADotBetweenItsGroups_isACode_butAHostIsNot() {
        assertThat(codes("slack backup codes (typed by Ben):\nam1l.rji5\n5ef0.geg5"))
                .containsExactly("am1l rji5", "5ef0 geg5");
        assertThat(codes("web1.prod\nweb2.prod\nversion 1.2.3")).isEmpty();
    }

    @Test
    void twoCodesOfDigits_withOneSpaceBetween_areTwoCodes() {
        assertThat(codes("73211131, 99750651; 01755272 | 04335042 99843809"))
                .containsExactly("73211131", "99750651", "01755272", "04335042", "99843809");
        assertThat(codes("b695 e5b2")).as("short blocks are one code").containsExactly("b695 e5b2");
        assertThat(codes("867866 640892\n789094 412285"))
                .as("alone on their lines")
                .hasSize(2);
    }

    @Test
    void codeRetypedInFours_withAShorterLastBlock_isACode_butNotANameWithItsNumber() {
        assertThat(codes("1. 6ltl-dfu8-6e\n2. csn6-c7l0-kz")).containsExactly("6ltl-dfu8-6e", "csn6-c7l0-kz");
        assertThat(codes("backup-laptop-01")).isEmpty();
    }

    @Test
    void lettersThatReadLikeAWord_betweenCodesOfTheirLayout_areACode() {
        assertThat(codes("U91ZRNDF\nXSDC6WLO\nEMWODAOP\nGQWRAAC6\n0HQ6F2GQ"))
                .containsExactly("U91ZRNDF", "XSDC6WLO", "EMWODAOP", "GQWRAAC6", "0HQ6F2GQ");
        assertThat(codes("U91ZRNDF\nXSDC6WLO\nGQWRAAC6\n0HQ6F2GQ\nEMWODAOP"))
                .as("at the foot of the list, the full guard")
                .hasSize(4);
        assertThat(codes("Recovery codes:\nL2V4X0\nIW2MN4\nEGUTGI\nZOQTVI\n\nLast modified: today"))
                .as("a letters-only neighbour counts as a code beside it")
                .containsExactly("L2V4X0", "IW2MN4", "EGUTGI", "ZOQTVI");
        assertThat(codes("Notion backup codes \u2192 o3e1-zcsy / 1dgj-ib67 / tiyf-juzy / ct73-ydv1"))
                .as("in a row of codes")
                .containsExactly("o3e1-zcsy", "1dgj-ib67", "tiyf-juzy", "ct73-ydv1");
    }

    private List<String> codes(String text) {
        Paste paste = PasteReader.read(text);
        return CodeOrder.codes(paste, format.read(paste));
    }

    private static Paste paste(String text) {
        return new Paste(List.of(new PasteLine(0, OptionalInt.empty(), text, text)));
    }
}
