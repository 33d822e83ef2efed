package dev.breakglass.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ShapedCodeFormatTest {

    private static final class Shaped extends ShapedCodeFormat {
        Shaped(CodeShape shape) {
            super(FormatFacts.of("acme", "Acme"), shape);
        }
    }

    private static List<String> codes(CodeShape shape, String text) {
        return new Shaped(shape)
                .read(paste(text)).codes().stream().map(FoundCode::code).toList();
    }

    private static Paste paste(String text) {
        List<PasteLine> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            lines.add(new PasteLine(lines.size(), OptionalInt.empty(), line, line));
        }
        return new Paste(lines);
    }

    @Test
    void groupedDigits_areReadWithAnySeparator_andShownInGroups() {
        CodeShape shape = CodeShape.digits(8).groups(4, 4).separator(" ");
        assertThat(codes(shape, "1234 5678\n2345-6789\n34567890")).containsExactly("12345678", "23456789", "34567890");
        assertThat(new Shaped(shape).display("12345678")).isEqualTo("1234 5678");
    }

    @Test
    void letterSpacedCode_isOneCode() {
        CodeShape shape = CodeShape.digits(8).groups(4, 4);
        assertThat(codes(shape, "1 2 3 4 5 6 7 8")).containsExactly("12345678");
        assertThat(codes(shape, "1 2 3 4\t5 6 7 8\t2 3 4 5\t6 7 8 9")).containsExactly("12345678", "23456789");
        assertThat(codes(CodeShape.hex(10).groups(5, 5), "4 2 8 3 f - e f c 6 3"))
                .containsExactly("4283fefc63");
    }

    @Test
    void codeSplitOverTwoLines_isJoined_onlyAtGroups() {
        CodeShape shape = CodeShape.digits(8).groups(4, 4);
        assertThat(codes(shape, "1234\n5678\n2345\n6789")).containsExactly("12345678", "23456789");
        assertThat(codes(shape, "123\n45678")).isEmpty();
        assertThat(codes(CodeShape.lettersAndDigits(16).groups(4, 4, 4, 4), "11111111\n22222222"))
                .isEmpty();
        assertThat(codes(CodeShape.hex(16), "4283f\nefc63f0cd0e")).isEmpty();
    }

    @Test
    void codeInEqualPartsOneALine_isJoined_butNeverPartsThatAreCodesThemselves() {
        assertThat(codes(CodeShape.lettersAndDigits(8).upperCase(), "3VGV\nKYU3\nRM8Z\nHUOZ"))
                .containsExactly("3VGVKYU3", "RM8ZHUOZ");
        assertThat(codes(CodeShape.hex(16), "4283fefc\n63f0cd0e")).containsExactly("4283fefc63f0cd0e");
        assertThat(codes(CodeShape.hex(64), "0d1b8dad522ac96c\nfcbb84a935825ed7\ne1363139d3302a1e\n38f29ebe53b11f7c"))
                .containsExactly("0d1b8dad522ac96cfcbb84a935825ed7e1363139d3302a1e38f29ebe53b11f7c");
        assertThat(codes(CodeShape.hex(8).orLength(16), "4283fefc\n63f0cd0e")).containsExactly("4283fefc", "63f0cd0e");
        assertThat(codes(CodeShape.lettersAndDigits(6), "ab1\n2cd")).isEmpty();
    }

    @Test
    void lineWithADashInside_isAWholeCode_neverAPieceOfOne_inAnAppThatGivesAList() {
        CodeShape shape = CodeShape.lettersAndDigits(16).groups(4, 4, 4, 4).separator("-");
        ShapedCodeFormat list =
                new ShapedCodeFormat(FormatFacts.of("acme", "Acme").expectedCodes(10), shape) {};
        assertThat(list.read(paste("7mec-7al9\nbys4-ntyl\nhy4g-9ubz\nmc26-04te"))
                        .codes())
                .isEmpty();
        assertThat(list.read(paste("7mec 7al9\nbys4 ntyl")).codes())
                .extracting(FoundCode::code)
                .as("halves printed without their dash")
                .containsExactly("7mec7al9bys4ntyl");
        ShapedCodeFormat key =
                new ShapedCodeFormat(FormatFacts.of("acme", "Acme").expectedCodes(1), shape) {};
        assertThat(key.read(paste("7mec-7al9\nbys4-ntyl")).codes())
                .as("an app's one key")
                .hasSize(1);
    }

    @Test
    void lettersThatReadLikeAWord_inARowOfCodesWithDigits_areACode() {
        CodeShape shape = CodeShape.lettersAndDigits(8).groups(4, 4).separator("-");
        assertThat(codes(shape, "codes \u2192 o3e1-zcsy / tiyf-juzy / ct73-ydv1"))
                .containsExactly("o3e1zcsy", "tiyfjuzy", "ct73ydv1");
        assertThat(codes(shape, "tiyf-juzy")).as("alone, it reads like a word").isEmpty();
        assertThat(codes(CodeShape.lettersAndDigits(6).upperCase(), "m7avkg, ascata, njglya, 7xp3ae"))
                .as("a shape without groups")
                .containsExactly("M7AVKG", "ASCATA", "NJGLYA", "7XP3AE");
    }

    @Test
    void linesOfSixDigits_areNoHalvesOfACodeOfLettersAndDigits() {
        assertThat(codes(CodeShape.lettersAndDigits(12).upperCase(), "022005\n151485\n805975\n630415"))
                .isEmpty();
        assertThat(codes(CodeShape.lettersAndDigits(12).upperCase(), "K3F92M\n7XP0Q4"))
                .containsExactly("K3F92M7XP0Q4");
        assertThat(codes(CodeShape.digits(12), "022005\n151485"))
                .as("a shape of digits")
                .containsExactly("022005151485");
    }

    @Test
    void linesAreNotJoined_intoMoreThanTwiceTheCodesTheAppsSetHolds() {
        CodeShape key = CodeShape.lettersAndDigits(16);
        FormatFacts oneKey = FormatFacts.of("acme", "Acme").expectedCodes(1);
        ShapedCodeFormat format = new ShapedCodeFormat(oneKey, key) {};
        String list = "4mute79r\ntlpxznm8\nlzvos0qm\n31ikw2v0\nk9quiemp\n0wk6qd55";
        assertThat(format.read(paste(list)).codes())
                .as("six codes of 8 are no three keys of 16")
                .isEmpty();
        assertThat(format.read(paste("4mute79r\ntlpxznm8")).codes())
                .as("the one key of the set, printed in halves")
                .extracting(FoundCode::code)
                .containsExactly("4mute79rtlpxznm8");
        assertThat(codes(key, list)).as("a set of no stated size").hasSize(3);
    }

    @Test
    void codeThatIsPartOfALongerKeyInTheSameBlocks_isNoCode() {
        assertThat(codes(CodeShape.lettersAndDigits(16).groups(4, 4, 4, 4), "bimh dl8q y5tq 9zzy pnq6"))
                .isEmpty();
        assertThat(codes(
                        CodeShape.lettersAndDigits(24).groups(4, 4, 4, 4, 4, 4),
                        "F 9 R Y - X M 9 P - G Y Y X - 3 7 E 5 - 4 2 C J - 2 E X V - N 6 E L"))
                .isEmpty();
        assertThat(codes(CodeShape.digits(8).groups(4, 4), "1234 5678 2345 6789"))
                .containsExactly("12345678", "23456789");
        assertThat(codes(CodeShape.lettersAndDigits(8).groups(4, 4), "Backup code: ab12 cd34 keep it safe"))
                .containsExactly("ab12cd34");
    }

    @Test
    void codeOfLettersOnly_aloneInItsTableCell_orLetterSpaced_isACode() {
        CodeShape shape = CodeShape.lettersAndDigits(8).upperCase();
        assertThat(codes(shape, "M1UUNGPQ\tavailable\nCVKTGLIM\tavailable")).containsExactly("M1UUNGPQ", "CVKTGLIM");
        assertThat(codes(shape, "codes typed from printout CVKTGLIM")).isEmpty();
        assertThat(codes(CodeShape.lettersAndDigits(8).groups(4, 4), "n q s y v w e p\ts p e b 1 0 2 2"))
                .containsExactly("nqsyvwep", "speb1022");
    }

    @Test
    void longKeyInBlocksOrGrid_isOneKey() {
        CodeShape shape = CodeShape.lettersAndDigits(32).upperCase();
        assertThat(codes(shape, "ieqh 524y ng5b y1a2 rogu bbb8 ayn1 b7o2"))
                .containsExactly("IEQH524YNG5BY1A2ROGUBBB8AYN1B7O2");
        assertThat(codes(shape, "IEQH 524Y NG5B Y1A2\nROGU BBB8 AYN1 B7O2"))
                .containsExactly("IEQH524YNG5BY1A2ROGUBBB8AYN1B7O2");
    }

    @Test
    void groupsTheShapeDoesNotCallFor_areNeverGlued() {
        assertThat(codes(CodeShape.digits(6), "123 456")).isEmpty();
        assertThat(codes(CodeShape.hex(16), "4283fefc 63f0cd0e 873a")).containsExactly("4283fefc63f0cd0e");
    }

    @Test
    void retypedCase_isSavedInTheShapesCase_withItsSeparator() {
        CodeShape shape = CodeShape.hex(10).groups(5, 5).separator("-").savedWithSeparator();
        assertThat(codes(shape, "4283F EFC63\n4283fefc63")).containsExactly("4283f-efc63", "4283f-efc63");
    }

    @Test
    void englishWords_areNotLettersAndDigitsCodes() {
        CodeShape shape = CodeShape.lettersAndDigits(8);
        assertThat(codes(shape, "Download recovery codes\nieqh524y\nqzxwvtkp")).containsExactly("ieqh524y", "qzxwvtkp");
        assertThat(codes(shape, "banana")).isEmpty();
        assertThat(codes(shape, "remember")).isEmpty();
        assertThat(codes(shape, "codes typed from the printout")).isEmpty();
        assertThat(codes(CodeShape.lettersAndDigits(8).groups(4, 4), "Keep them safe"))
                .isEmpty();
    }

    @Test
    void shapeDeclarationMistakes_areRefused() {
        assertThatThrownBy(() -> CodeShape.digits(8).groups(4, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeShape.digits(8).separator("-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CodeShape.digits(8).groups(4, 4).orLength(10))
                .isInstanceOf(IllegalArgumentException.class);
        // No app found prints its codes with a dot or an underscore between groups: only a space or a dash.
        assertThatThrownBy(() -> CodeShape.digits(8).groups(4, 4).separator("."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("space or a dash");
    }

    @Test
    void theAppsOwnName_isNeverACode() {
        ShapedCodeFormat format =
                new ShapedCodeFormat(FormatFacts.of("zentrobe", "Zentrobe Cloud"), CodeShape.lettersAndDigits(8)) {};
        List<String> codes = format.read(paste("Zentrobe\nZENTROBE\nkqfbmxzt\nk3f92m7x")).codes().stream()
                .map(FoundCode::code)
                .toList();

        assertThat(codes).containsExactly("kqfbmxzt", "k3f92m7x");
    }

    @Test
    void splitCode_afterAStrayPiece_isStillJoined() {
        CodeShape shape = CodeShape.digits(8).groups(4, 4);
        assertThat(codes(shape, "123\n4567\n8901")).containsExactly("45678901");
    }

    @Test
    void keyOneCharacterALine_isOneKey_evenInALongRun() {
        String key = "4283fefc63f0cd0e873a0000c6d07ef7b77e90d3593ad699fc1f7cd5bb2e35cb";
        String oneALine = String.join("\n", key.split(""));
        String paste = (oneALine + "\n\n").repeat(200);

        assertThat(codes(CodeShape.hex(64), paste)).hasSize(200).containsOnly(key);
    }

    @Test
    void gridWithWideGapsBetweenGroups_isOneKey() {
        CodeShape shape =
                CodeShape.lettersAndDigits(28).groups(4, 4, 4, 4, 4, 4, 4).separator("-");
        assertThat(codes(shape, "AHJ9\tH88W\tUP9A\tFLEX\nKP2M\tAYD4\tUJ76"))
                .containsExactly("ahj9h88wup9aflexkp2mayd4uj76");
        assertThat(codes(CodeShape.hex(16).groups(4, 4, 4, 4), "a 3 a 5\tc a e 8\n6 c 3 a\t7 c 2 0"))
                .containsExactly("a3a5cae86c3a7c20");
    }

    @Test
    void codeWithoutGroups_retypedInHalves_isOneCode_butNotWithAWordForAHalf() {
        assertThat(codes(CodeShape.lettersAndDigits(10), "JF248 M147M\nSJI87-QXFCW"))
                .containsExactly("jf248m147m", "sji87qxfcw");
        assertThat(codes(CodeShape.lettersAndDigits(8), "2026 acme\n2026 save")).isEmpty();
    }

    @Test
    void separatorsOnSomeGroupBoundariesOnly_areNoCodeOfTheShape() {
        CodeShape shape =
                CodeShape.lettersAndDigits(32).groups(4, 4, 4, 4, 4, 4, 4, 4).separator(" ");
        assertThat(codes(shape, "client_id: user.2e99aa03-c52d-dba9-bf36-ec0a6df03663"))
                .isEmpty();
        assertThat(codes(shape, "wcvg-6zlj-c9xc-vao7-zwzc-r5mf-kn8y-ncoj")).hasSize(1);
    }

    @Test
    void codeOfLettersOnly_inARowOfCodes_isACode() {
        CodeShape shape = CodeShape.lettersAndDigits(8).upperCase();
        assertThat(codes(shape, "Acme recovery: IWZ84RFN \u2022 IUYTQZPX \u2022 823B34V4"))
                .containsExactly("IWZ84RFN", "IUYTQZPX", "823B34V4");
        assertThat(codes(shape, "Acme: please download quickly")).isEmpty();
    }

    @Test
    void codeWrappedAtADash_byAMailClient_isJoined() {
        CodeShape shape = CodeShape.lettersAndDigits(25)
                .groups(5, 5, 5, 5, 5)
                .separator("-")
                .upperCase();
        assertThat(codes(shape, "the recovery code is X2QEX-P3B9B-5FZIC\n-ZN5XT-9LO1A please store it"))
                .containsExactly("X2QEXP3B9B5FZICZN5XT9LO1A");
        assertThat(codes(shape, "the recovery code is X2QEX-P3B9B-5FZIC\nZN5XT 9LO1A please store it"))
                .isEmpty();
    }

    @Test
    void codeOfLettersOnlyInBlocks_inAListOfCodesInTheSameBlocks_isACode_butNotAlone() {
        CodeShape shape = CodeShape.lettersAndDigits(10).upperCase();
        assertThat(codes(shape, "K2WQX 7TPLM\nZRVQM HXKTB\n9MNBV C4XZQ\nSAVED NOTES"))
                .containsExactlyInAnyOrder("K2WQX7TPLM", "ZRVQMHXKTB", "9MNBVC4XZQ");
        assertThat(codes(shape, "ZRVQM HXKTB\n9MNBV C4XZQ"))
                .as("one code to take the layout from")
                .containsExactly("9MNBVC4XZQ");
        assertThat(codes(shape, "k2wqx 7tplm\n9mnbv c4xzq\nZRVQM HXKTB"))
                .as("another case")
                .hasSize(2);
    }

    @Test
    void codeBrokenAfterADash_neitherStartsNorEndsAtTheBreak() {
        CodeShape shape = CodeShape.lettersAndDigits(16).groups(4, 4, 4, 4).separator("-");
        assertThat(codes(shape, "ab12-cd34-\nef56\ngh78-ij90-\nkl12")).isEmpty();
        assertThat(codes(shape, "ab12-cd34-\nef56-gh78")).containsExactly("ab12cd34ef56gh78");
    }

    @Test
    void lettersThatReadLikeAWord_betweenCodesOfTheirLayout_areACode_butNotAWordThePageUses() {
        CodeShape shape = CodeShape.lettersAndDigits(6).upperCase();
        assertThat(codes(shape, "Recovery codes:\nIW2MN4\nEGUTGI\nZOQT4I\nACCESS\nL2V4X0"))
                .as("the reader puts them in the paste's order")
                .containsExactlyInAnyOrder("IW2MN4", "EGUTGI", "ZOQT4I", "L2V4X0");
        assertThat(codes(shape, "IW2MN4\nZOQT4I\nEGUTGI"))
                .as("not between codes")
                .containsExactly("IW2MN4", "ZOQT4I");
    }

    @Test
    void fieldNameInCamelCase_isNoCode() {
        assertThat(codes(CodeShape.lettersAndDigits(10), "passwdHist\nqzkwtrbxhm"))
                .containsExactly("qzkwtrbxhm");
    }

    @Test
    void codeOfLettersOnly_afterALabelThatCallsItACode_isNoWordOfASentence() {
        CodeShape shape = CodeShape.lettersAndDigits(12);
        assertThat(codes(shape, "Acme backup code: VQPNWXSKTJLB")).containsExactly("vqpnwxsktjlb");
        assertThat(codes(shape, "Acme team name: VQPNWXSKTJLB")).isEmpty();
        assertThat(codes(CodeShape.lettersAndDigits(8), "Code 6: NWHLMH8X\nCode 7: MBUVJKPY\nCode #8: SN7A3F3V"))
                .containsExactly("nwhlmh8x", "mbuvjkpy", "sn7a3f3v");
    }

    @Test
    void groupsWithADashBetweenSpaces_areOneCode() {
        CodeShape shape = CodeShape.lettersAndDigits(12).groups(4, 4, 4).separator("-");
        assertThat(codes(shape, "Key: K7QD - 4MZP - 9XWN\nr8bv-5jle-t2hc"))
                .containsExactly("k7qd4mzp9xwn", "r8bv5jlet2hc");
        assertThat(codes(shape, "K7QD - 4MZP9XWN"))
                .as("separators on some group boundaries only")
                .isEmpty();
    }

    @Test
    void itemsOfANumberedList_areNeverJoined_intoOneCode() {
        CodeShape shape = CodeShape.lettersAndDigits(12);
        List<PasteLine> lines = List.of(
                new PasteLine(0, OptionalInt.of(1), "4kq9zt", "1. 4kq9zt"),
                new PasteLine(1, OptionalInt.of(2), "m2x7pw", "2. m2x7pw"));

        assertThat(new Shaped(shape).read(new Paste(lines)).codes()).isEmpty();
        assertThat(codes(shape, "4kq9zt\nm2x7pw")).as("unnumbered halves").containsExactly("4kq9ztm2x7pw");
    }

    @Test
    void codeOfLettersOnlyTypedInBlocks_isTaken_inTheLayoutOfTheOtherCodes_butNeverWords() {
        CodeShape shape = CodeShape.lettersAndDigits(10);
        assertThat(codes(shape, "P4WQ7 ZT2MX\nRQTVB XKWZN\nK8DNE 3HV9C"))
                .containsExactly("p4wq7zt2mx", "k8dne3hv9c", "rqtvbxkwzn");
        assertThat(codes(shape, "P4WQ7 ZT2MX\nrqtvb xkwzn\nK8DNE 3HV9C"))
                .as("another case: another layout")
                .containsExactly("p4wq7zt2mx", "k8dne3hv9c");
        assertThat(codes(shape, "P4WQ7 ZT2MX\nRQTVB XKWZN"))
                .as("one code to take the layout from")
                .containsExactly("p4wq7zt2mx");
        assertThat(codes(shape, "P4WQ7 ZT2MX\nPRINT THESE\nK8DNE 3HV9C"))
                .as("words")
                .containsExactly("p4wq7zt2mx", "k8dne3hv9c");
    }

    @Test
    void camelCaseFieldName_isNoCodeOfLettersOnly() {
        CodeShape shape = CodeShape.lettersAndDigits(10).caseKept();
        assertThat(codes(shape, "backupCodes\nnotesPlain\nqzVbKtrwmx")).containsExactly("qzVbKtrwmx");
    }

    @Test
    void numberedItems_areEntriesOfTheirOwn_neverHalvesOfOneCode() {
        CodeShape shape = CodeShape.lettersAndDigits(12).upperCase();
        Paste numbered = new Paste(List.of(
                new PasteLine(0, OptionalInt.of(1), "QK4T7M", "QK4T7M"),
                new PasteLine(1, OptionalInt.of(2), "Z2WX9P", "Z2WX9P")));

        assertThat(new Shaped(shape).read(numbered).codes()).isEmpty();
        assertThat(codes(shape, "QK4T7M\nZ2WX9P"))
                .as("a code's halves, one a line")
                .containsExactly("QK4T7MZ2WX9P");
    }
}
