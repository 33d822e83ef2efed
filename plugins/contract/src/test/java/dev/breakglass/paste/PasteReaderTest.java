package dev.breakglass.paste;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.plugin.FormatFacts;
import dev.breakglass.plugin.LineCodeFormat;
import dev.breakglass.plugin.Paste;
import dev.breakglass.plugin.PasteLine;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The shared parsing contract, through a format that reads 8-digit codes with an optional space in the middle. */
class PasteReaderTest {

    private static final class EightDigits extends LineCodeFormat {
        EightDigits() {
            super(FormatFacts.of("eight", "Eight").expectedCodes(3), Pattern.compile("\\d{4} ?\\d{4}"));
        }

        @Override
        protected String canonical(String matched) {
            return matched.replace(" ", "");
        }
    }

    private final EightDigits format = new EightDigits();

    private List<String> codes(String text) {
        Paste paste = PasteReader.read(text);
        return CodeOrder.codes(paste, format.read(paste));
    }

    private List<String> unreadable(String text) {
        return format.read(PasteReader.read(text)).unreadable().stream()
                .map(PasteLine::original)
                .toList();
    }

    @Test
    void lineBreaks_crlfCrAndLf_allSplitLines() {
        assertThat(codes("1111 1111\r\n2222 2222\r3333 3333\n")).containsExactly("11111111", "22222222", "33333333");
    }

    @Test
    void headingOfSeveralLicenceKeys_labelsEveryLineUpToABlankOne() {
        assertThat(codes("Licence keys (Office 2021)\n1234 5678\n2345 6789\n\n3456 7890"))
                .containsExactly("34567890");
        assertThat(codes("Tracking: 1234 5678\n2345 6789")).containsExactly("23456789");
    }

    @Test
    void usedMarkInARowSplitByCommas_marksOnlyItsCode() {
        assertThat(codes("codes: 1111 1111, 2222 2222 (used), 3333 3333")).containsExactly("11111111", "33333333");
    }

    @Test
    void aWhiteSquareIsNoUsedMark_andARemarkAfterAUsedCodeIsLeftAside() {
        assertThat(codes("\u2705 1111 1111\n\u2B1C 2222 2222\n\u2705 = used")).containsExactly("22222222");
        assertThat(codes("1111 1111\n2222 2222\nUsed so far: 2222 2222 (Feb, when Sam lost his phone)"))
                .containsExactly("11111111");
    }

    @Test
    void listNumberWithADash_isTheItemsNumber() {
        assertThat(PasteReader.read("1- 7064 8968\n02 - 3726 2507").lines())
                .extracting(line -> line.number().getAsInt() + ":" + line.text())
                .containsExactly("1:7064 8968", "2:3726 2507");
    }

    @Test
    void markdownBoldAroundACode_isLeftOut() {
        assertThat(codes("1. **1111 1111** \u2713 used\n2. **2222 2222**\n3. __3333 3333__"))
                .containsExactly("22222222", "33333333");
    }

    @Test
    void enDashOrUnicodeHyphenInsideACode_isItsDash() {
        assertThat(PasteReader.read("3153\u20139437\nab12\u2010cd34 \u2013 spare")
                        .lines())
                .extracting(PasteLine::text)
                .containsExactly("3153-9437", "ab12-cd34 \u2013 spare");
    }

    @Test
    void byteOrderMark_isIgnored() {
        assertThat(codes("\uFEFF1111 1111")).containsExactly("11111111");
    }

    @Test
    void fullWidthDigitsAndNoBreakSpaces_areNormalised() {
        assertThat(codes("\uFF11\uFF11\uFF11\uFF11\u00A0\uFF12\uFF12\uFF12\uFF12"))
                .containsExactly("11112222");
    }

    @Test
    void invisibleCharacters_zeroWidthBidiAndSoftHyphen_areRemoved() {
        assertThat(codes("11\u200B11 \u202E2222\u202C\u00AD\n\u20603333 3333")).containsExactly("11112222", "33333333");
    }

    @Test
    void ansiColourEscapes_areRemoved() {
        assertThat(codes("\u001B[32m1111 1111\u001B[0m\n\u001B[1;31m2222 2222\u001B[m"))
                .containsExactly("11111111", "22222222");
    }

    @Test
    void html_elementsCount_scriptAndStyleBodiesDoNot() {
        String html = "<html><head><title>1234 5678</title></head><body><script>var c = '9999 9999';</script>"
                + "<style>.x{content:'8888 8888'}</style><ul><li>1111 1111</li><li><code>2222&nbsp;2222</code></li></ul>"
                + "<!-- 7777 7777 --></body></html>";
        assertThat(codes(html)).containsExactly("11111111", "22222222");
    }

    @Test
    void json_codesInStringsCount_keysAndNumbersDoNot() {
        String json = "{\"1111 1111\": \"label\", \"codes\": [\"2222 2222\", \"3333 3333\"], \"count\": 44444444}";
        assertThat(codes(json)).containsExactly("22222222", "33333333");
    }

    @Test
    void csv_quotedFieldsCount() {
        String csv =
                "name,code,note\n\"Acme\",\"1111 1111\",\"first, of three\"\n\"Acme\",\"2222 2222\",\"\"\"quoted\"\"\"\n";
        assertThat(codes(csv)).containsExactly("11111111", "22222222");
    }

    @Test
    void textIsNeverExecuted_sqlAndScriptsAreJustText() {
        assertThat(codes("'; DROP TABLE backup_code; --\n<img src=x onerror=alert(1)>\n1111 1111"))
                .containsExactly("11111111");
    }

    @Test
    void usedCodes_struckThroughWithCombiningStroke_areLeftOut() {
        String struck = "1\u03361\u03361\u03361\u0336 \u03361\u03361\u03361\u03361\u0336";
        assertThat(codes(struck + "\n2222 2222")).containsExactly("22222222");
    }

    @Test
    void usedCodes_markdownStrikeAndHtmlStrike_areLeftOut() {
        assertThat(codes("~~1111 1111~~\n2222 2222")).containsExactly("22222222");
        assertThat(codes("<p><s>1111 1111</s></p><p><del>3333 3333</del></p><p>2222 2222</p>"))
                .containsExactly("22222222");
    }

    @Test
    void usedCodes_tickedOrMarkedUsed_areLeftOut() {
        String text =
                "\u2611 1111 1111\n2222 2222 \u2713\n\u2714 3333 3333\n[x] 4444 4444\n5555 5555 (used)\n[ ] 6666 6666\n\u2610 7777 7777";
        assertThat(codes(text)).containsExactly("66666666", "77777777");
    }

    @Test
    void usedCodes_inTwoColumns_onlyTheMarkedCellIsLeftOut() {
        assertThat(codes("1. 1111 1111 \u2713    3. 3333 3333\n2. 2222 2222      4. 4444 4444 (used)"))
                .containsExactly("22222222", "33333333");
    }

    @Test
    void eachCode_onlyOnce() {
        assertThat(codes("1111 1111\n2222 2222\n11111111")).containsExactly("11111111", "22222222");
    }

    @Test
    void twoNumberedColumns_readByNumber() {
        String columns = "1. 1111 1111    4. 4444 4444\n2. 2222 2222    5. 5555 5555\n3. 3333 3333    6. 6666 6666";
        assertThat(codes(columns))
                .containsExactly("11111111", "22222222", "33333333", "44444444", "55555555", "66666666");
    }

    @Test
    void numberedWithTabsOrParentheses_readByNumber() {
        assertThat(codes(" 2) 2222 2222\t 1) 1111 1111")).containsExactly("11111111", "22222222");
    }

    @Test
    void unnumbered_readInOrderOfAppearance() {
        assertThat(codes("3333 3333\t1111 1111\n2222 2222")).containsExactly("33333333", "11111111", "22222222");
    }

    @Test
    void numbersThatAreNotCodes_datesPhonesAndTimes_areNotCodes() {
        String text =
                "Generated 2026-11-28 at 14:05, or 28/11/2026, or Nov 28, 2026\nCall +1 415 555 0100 or (415) 555-0100\n1111 1111";
        assertThat(codes(text)).containsExactly("11111111");
        assertThat(unreadable(text)).hasSize(2);
    }

    @Test
    void productKeyTotpSetupKeyAndSmsCode_areNotCodes() {
        String text =
                "Product key: 1234 5678\nSecret key: 2345 6789 JBSW Y3DP\notpauth://totp/Acme?secret=JBSWY3DP&digits=8 3456 7890\n"
                        + "Your verification code is 4567 8901\nG-567890 is your Google verification code\n1111 1111";
        assertThat(codes(text)).containsExactly("11111111");
    }

    @Test
    void unreadableLines_areTheLinesWithTextButNoCode_decorationIsIgnored() {
        assertThat(unreadable("Your backup codes\n=========\n1111 1111\n\n- Keep them safe -"))
                .containsExactly("Your backup codes", "Keep them safe -");
    }

    @Test
    void confidence_isHigherWhenTheAppIsNamedAndTheCountIsRight() {
        Paste named = PasteReader.read("Eight backup codes\n1111 1111\n2222 2222\n3333 3333");
        Paste anonymous = PasteReader.read("1111 1111\n2222 2222");
        assertThat(format.confidence(named)).isGreaterThanOrEqualTo(0.65);
        assertThat(format.confidence(anonymous)).isBetween(0.01, 0.64);
        assertThat(format.confidence(PasteReader.read("no codes here"))).isZero();
    }

    @Test
    void cells_areKeptApartByATab_soNoFormatJoinsTwoCells() {
        PasteLine line = PasteReader.read("1234\t5678   9012 3456").lines().get(0);

        assertThat(line.text()).isEqualTo("1234\t5678\t9012 3456");
        assertThat(line.original()).isEqualTo("1234 5678 9012 3456");
        assertThat(codes("1234\t5678   9012 3456")).containsExactly("90123456");
    }

    @Test
    void apiTokensAndPasswordManagerKeys_areBlankedWherever_theyAppear() {
        String text = "token ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8 and 1111 1111\n"
                + "A3-ABC123-DEF456-GHJ78-KLM90-NPQ12-RST34\nsk-proj-12345678901234567890abcd 2222 2222";
        assertThat(codes(text)).containsExactly("11111111", "22222222");
        assertThat(LookAlikes.in(PasteReader.read("ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8")
                        .text()))
                .contains(LookAlikes.Kind.API_TOKEN);
    }

    @Test
    void lineAfterALoneKeyLabel_holdsTheKey_notCodes() {
        assertThat(codes("Setup key\n1234 5678\nBackup codes\n2345 6789")).containsExactly("23456789");
        assertThat(codes("Licence key:\n1234 5678")).isEmpty();
    }

    @Test
    void pasteWithoutLookAlikes_namesNone() {
        assertThat(LookAlikes.in("Your backup codes\n1234 5678")).isEmpty();
    }

    @Test
    void bareTotpSecret_isBase32OfASecretsLength_withALetterBeyondFAndADigit() {
        assertThat(LookAlikes.isBareTotpSecret("JBSW Y3DP EHPK 3PXP")).isTrue();
        assertThat(LookAlikes.isBareTotpSecret("jbswy3dpehpk3pxpkrsxg5ctmvrxezlu"))
                .isTrue();
        assertThat(LookAlikes.isBareTotpSecret("JBSW Y3DP EHPK 3PXP KRSX G5CT MV"))
                .isTrue();

        assertThat(LookAlikes.isBareTotpSecret("IEQH 524Y NG5B Y1A2"))
                .as("1 is not base32")
                .isFalse();
        assertThat(LookAlikes.isBareTotpSecret("4283fefc63f0cd0e"))
                .as("hexadecimal")
                .isFalse();
        assertThat(LookAlikes.isBareTotpSecret("JBSWYDPEHPKPXPAB"))
                .as("no digit")
                .isFalse();
        assertThat(LookAlikes.isBareTotpSecret("JBSW Y3DP EHPK 3PXP KRSX G5CT"))
                .as("24: not a secret's length")
                .isFalse();
        assertThat(LookAlikes.isBareTotpSecret("2345 6723")).isFalse();
        assertThat(LookAlikes.isBareTotpSecret("OUXT-WNT4-VAGQ-AL5W-Q5VR-7FWJ-5JWA-WM3V"))
                .as("a recovery key printed with dashes")
                .isFalse();
    }

    @Test
    void everyPhraseThatBlanksALine_namesTheLookAlikeItIs_fromOneVocabulary() {
        for (String phrase : List.of(
                "Secret key",
                "Secret",
                "Setup key",
                "Set-up key",
                "Text key",
                "Manual entry",
                "Enter this key",
                "Can't scan",
                "Authenticator key",
                "Product key",
                "Licence number",
                "License code",
                "Activation code",
                "Serial no.",
                "Registration key",
                "Licence ID",
                "Product ID",
                "Download code",
                "Gift card code",
                "Voucher code",
                "Promo code",
                "Gift card",
                "Voucher")) {
            String line = phrase + ": 1234 5678";
            assertThat(NotCodes.blank(line)).as(phrase).isEmpty();
            assertThat(LookAlikes.in(line)).as(phrase).isPresent();
            assertThat(NotCodes.labelsTheNextLine(phrase + ":")).as(phrase).isTrue();
        }
    }

    @Test
    void apiCredentialsPasswordsGameKeysAndIdentifiers_areNotCodes_andSayWhatTheyAre() {
        assertThat(codes("client_id: user.1234-5678\nclient_secret: 2345 6789\n1111 1111"))
                .containsExactly("11111111");
        assertThat(codes("NIC handle: 1234 5678\nUsername: 2345 6789\n1111 1111"))
                .containsExactly("11111111");
        // OVH's customer handle, labelled "nic:" alone; a clinic's number is another matter
        assertThat(codes("nic: 1234 5678\nClinic: 2345 6789")).containsExactly("23456789");
        assertThat(codes("SIM PIN: 1234 5678\nPUK: 2345 6789\nSteam Wallet code: 3456 7890\n1111 1111"))
                .containsExactly("11111111");
        // A web address's path and query (a webhook's secret) are no codes; a code after it on its line is one.
        assertThat(codes("https://discord.com/api/webhooks/9572042034838655841/mxCAaPO-Zk43j0 1111 1111"))
                .containsExactly("11111111");
        assertThat(codes("Identifier: 1234 5678\nPortal ID: 2345 6789\nAccount ID: 3456 7890\n1111 1111"))
                .containsExactly("11111111");
        assertThat(codes("Password: 1234 5678\nWi-Fi password: 2345 6789\n1111 1111"))
                .containsExactly("11111111");
        assertThat(NotCodes.blank("FBB60099-E155-5C2F-F5E5-6B68789CC97B").strip())
                .isEmpty();

        assertThat(LookAlikes.in("Security token (case-sensitive): I0kBdMU3VjJL"))
                .contains(LookAlikes.Kind.API_TOKEN);
        assertThat(LookAlikes.in("SSID: Guest\nPassword: z3ja-qns6")).contains(LookAlikes.Kind.PASSWORD);
        assertThat(LookAlikes.in("Steam key from the bundle: GKHW2-C4AYZ")).contains(LookAlikes.Kind.LICENCE_KEY);
        assertThat(LookAlikes.in("Enter your password to see your codes")).isEmpty();
    }

    @Test
    void usedMarkInACellWithoutACode_marksTheWholeRow() {
        assertThat(
                        codes(
                                "| 1 | 1111 1111 | unused |\n| 2 | 2222 2222 | \u2713 used 2026-09-02 |\n| 3 | 3333 3333 | (used) |"))
                .containsExactly("11111111");
        assertThat(codes("1111 1111   # used 2026-07-14\n2222 2222")).containsExactly("22222222");
        assertThat(codes("\u2611 1111 1111    2222 2222"))
                .as("a marked code cell: only that cell")
                .containsExactly("22222222");
    }

    @Test
    void rowWithAYesInItsUsedColumn_isAUsedCode() {
        assertThat(codes("account,code,used\nme,1111 1111,\nme,2222 2222,yes\nme,3333 3333,"))
                .containsExactly("11111111", "33333333");
        assertThat(codes("| code | used? |\n|:--|:-:|\n| 1111 1111 |  |\n| 2222 2222 | \u2713 |"))
                .containsExactly("11111111");
    }

    @Test
    void rowWithADateInItsUsedOnColumn_isAUsedCode_aDashIsNot() {
        assertThat(codes("| Code | Used on |\n| --- | --- |\n| 1111 1111 |  |\n| 2222 2222 | 2026-06-12 |\n"
                        + "| 3333 3333 | \u2014 |"))
                .containsExactly("11111111", "33333333");
        assertThat(codes("code;date used\n1111 1111;12/03/2026\n2222 2222;")).containsExactly("22222222");
    }

    @Test
    void codesUnderAHeadingThatRetiresThem_areLeftOut_untilABlankLine() {
        assertThat(codes("OLD SET (regenerated 12 Nov, no longer valid):\n1111 1111\n2222 2222\n\nNEW SET:\n3333 3333"))
                .containsExactly("33333333");
        assertThat(codes("OLD SET (revoked):\n1111 1111\nNEW SET:\n3333 3333")).containsExactly("33333333");
        assertThat(codes("Old codes (revoked):\nPersonal:\n1111 1111\n\n3333 3333"))
                .as("a sub-heading does not end them")
                .containsExactly("33333333");
        assertThat(codes("1111 1111\nGenerating new codes invalidates the old ones.\n2222 2222"))
                .containsExactly("11111111", "22222222");
    }

    @Test
    void chatExportPrefix_dateTimeAndSender_isNotPartOfTheMessage() {
        assertThat(codes("[03/12/2026, 18:22:10] Ayo: 1111 1111\n03/12/2026, 18:23 - Ayo: 2222 2222\n"
                        + "[2026-12-03 6:24 PM] Me: 3333 3333"))
                .containsExactly("11111111", "22222222", "33333333");
        assertThat(PasteReader.read("[03/12/2026, 18:22:10] Ayo: Notion backup codes")
                        .lines()
                        .get(0)
                        .original())
                .isEqualTo("Notion backup codes");
    }

    @Test
    void usedNoteInParenthesesWithADate_marksTheCodeBeforeIt() {
        assertThat(codes("- 1111 1111 (used 2026-03-10)\n- 2222 2222 [used on 4 May]\n- 3333 3333"))
                .containsExactly("33333333");
    }

    @Test
    void customerNumbersAfterAGermanFrenchOrSpanishLabel_areNotCodes() {
        assertThat(codes("Kundennummer: 1234 5678\nIdentifiant : 2345 6789\nNuméro client : 3456 7890\n"
                        + "Número de cliente: 4567 8901\n1111 1111"))
                .containsExactly("11111111");
    }

    @Test
    void quoteInsideACsvField_isACharacter_neverGluesTheTextAroundIt() {
        assertThat(codes("1111\"1111,note")).isEmpty();
        assertThat(codes("\"1111 1111\",note")).containsExactly("11111111");
    }

    @Test
    void codesListedAsUsedAfterTheList_areLeftOut_whereverTheListIs() {
        assertThat(codes("1111 1111\n2222 2222\n3333 3333\nUsed so far: 2222 2222"))
                .containsExactly("11111111", "33333333");
        assertThat(codes("Already used: 1111-1111, 33333333\n1111 1111\n2222 2222\n3333 3333"))
                .containsExactly("22222222");
        assertThat(codes("Used codes:\n1111 1111\n\n2222 2222")).containsExactly("22222222");
        assertThat(codes("1111 1111\nUsed: none yet")).containsExactly("11111111");
    }

    @Test
    void keyFingerprintsAndHandles_afterTheirLabel_areNotCodes() {
        assertThat(codes("Key fingerprint: 1234 5678 9012 3456\nNIC handle: 2345 6789\n3456 7890"))
                .containsExactly("34567890");
        assertThat(codes("      Key fingerprint = 1234 5678 9012 3456  7890 1234 5678 9012"))
                .isEmpty();
    }

    @Test
    void headingThatRetiresOtherCodes_keepsItsOwn() {
        assertThat(codes("Recovery codes (made today; the old ones are no longer valid):\n1111 1111\n2222 2222"))
                .containsExactly("11111111", "22222222");
        assertThat(codes("Printed 3 May (previous one revoked):\n1111 1111")).containsExactly("11111111");
    }

    @Test
    void bareNumbersBeforeAWideGap_numberTheItems_soColumnsReadInTheirNumbering() {
        assertThat(codes("1   1111 1111      3   3333 3333\n2   2222 2222      4   4444 4444"))
                .containsExactly("11111111", "22222222", "33333333", "44444444");
    }

    @Test
    void codesThatANoteSaysWereUsed_areLeftOutWhereverTheyStand() {
        assertThat(codes("11111111\n22222222\n33333333\n\n> used the middle one on 2026-05-01 (22222222)"))
                .containsExactly("11111111", "33333333");
        assertThat(codes("11111111\n22222222\n33333333\nUsed so far:\n33333333\n11111111\n\n44444444"))
                .containsExactly("22222222", "44444444");
        assertThat(codes("11111111\n22222222\nEach code can be used once.")).containsExactly("11111111", "22222222");
        assertThat(codes("Used:\n11111111\nUnused:\n22222222\n33333333"))
                .as("the next heading ends the used ones")
                .containsExactly("22222222", "33333333");
    }

    @Test
    void usedNoteAfterACodeAndADash_marksThatCode() {
        assertThat(codes("1. 1111 1111 \u2014 used (2026-10-20)\n2. 2222 2222 - used on 3 May\n3. 3333 3333"))
                .containsExactly("33333333");
        assertThat(codes("4444 4444 - used once, then void")).containsExactly("44444444");
    }

    @Test
    void xmlDocument_isReadAsItsText_eachElementEndALineBreak_itsNameALabel() {
        String xml = "<?xml version=\"1.0\"?>\n<Entry><Key>Notes</Key><Value>Codes:\n1111 1111\n2222 2222</Value>"
                + "<Value>3333 3333</Value></Entry>";
        assertThat(codes(xml)).containsExactly("11111111", "22222222", "33333333");
        String keepass = "<Entry><String><Key>Password</Key><Value ProtectInMemory=\"True\">4444 4444</Value></String>"
                + "<String><Key>Notes</Key><Value>1111 1111</Value></String><Pin>5555 5555</Pin></Entry>";
        assertThat(codes(keepass)).as("a field's name labels its value").containsExactly("11111111");
    }

    @Test
    void armouredKeyOrLicenceBlock_holdsNoCode() {
        assertThat(
                        codes(
                                "-----BEGIN PGP PUBLIC KEY BLOCK-----\n1111 1111\n-----END PGP PUBLIC KEY BLOCK-----\n2222 2222"))
                .containsExactly("22222222");
        assertThat(codes("--- BEGIN LICENCE ---\nSite licence, 5 seats\n1111 2222 3333 4444\n--- END LICENCE ---"))
                .isEmpty();
    }

    @Test
    void oneTimeCodeAnnouncedOnTheLineBefore_isNoCode() {
        String mail = "Hi Sam,\nYour Orbitly sign-in code is:\n1234 5678\nIt stops working in 15 minutes.";
        assertThat(codes(mail)).isEmpty();
        assertThat(LookAlikes.in(PasteReader.read(mail).text())).contains(LookAlikes.Kind.ONE_TIME_CODE);
        assertThat(codes("Backup codes:\n1234 5678")).containsExactly("12345678");
    }

    @Test
    void wikiBlockInBraces_isNoJson_itsCodesAreRead() {
        assertThat(codes("{noformat}\n1111 1111\n2222 2222\n{noformat}")).containsExactly("11111111", "22222222");
        assertThat(unreadable("Codes:\n{noformat}\n1111 1111\n{noformat}")).containsExactly("Codes:");
        assertThat(codes("{code:none}\n1111 1111\n{code}")).containsExactly("11111111");
        assertThat(codes("{ \"codes\": [\"3333 3333\"] }")).containsExactly("33333333");
    }

    @Test
    void usedNoteAfterADashOnTheCodesLine_marksThatCode() {
        assertThat(codes("1111 1111 - used 2026-10-01\n2222 2222 \u2013 used\n3333 3333 # used on 3 May\n4444 4444"))
                .containsExactly("44444444");
        assertThat(codes("1111 1111 - unused\n2222 2222")).containsExactly("11111111", "22222222");
    }

    @Test
    void quotedLines_ofAMailReplyOrABlockquote_areReadAsTheLinesTheyQuote() {
        assertThat(codes("> Codes below\n> - 1111 2222\n>> 3333 4444\n> > * 5555 6666"))
                .containsExactly("11112222", "33334444", "55556666");
        assertThat(codes("> 2. 3333 4444\n> 1. 1111 2222")).containsExactly("11112222", "33334444");
    }

    @Test
    void bareListNumbers_beforeAWideGap_numberTheCodes_aNumberBeforeOneSpaceDoesNot() {
        assertThat(codes("1  1111 1111    3  3333 3333\n2  2222 2222    4  4444 4444"))
                .containsExactly("11111111", "22222222", "33333333", "44444444");
        assertThat(codes("1\t1111 1111\n2\t2222 2222")).containsExactly("11111111", "22222222");
        assertThat(codes("1 JFIH 1111 1111   3 KQPD 3333 3333\n2 XMVB 2222 2222   4 LTRW 4444 4444"))
                .as("one space before a word with a letter")
                .containsExactly("11111111", "22222222", "33333333", "44444444");
        assertThat(PasteReader.read("12 3456 78").lines().get(0).number()).isEmpty();
        assertThat(PasteReader.read("1 2 3 4 f e f c").lines().get(0).number()).isEmpty();
        assertThat(PasteReader.read("1234  5678").lines().get(0).number()).isEmpty();
    }

    @Test
    void markdownTableRow_losesTheBarsAtItsEdges_soItsCellsReadAsCells() {
        PasteLine row = PasteReader.read("| 4a7c | 91ee | 0b3d |").lines().get(0);

        assertThat(row.text()).isEqualTo("4a7c\t91ee\t0b3d");
    }

    @Test
    void usedNoteAfterADash_marksTheCodeBeforeIt() {
        assertThat(codes("1111 1111 \u2014 used on 2026-03-02\n2222 2222 - used\n3333 3333 -- USED\n4444 4444"))
                .containsExactly("44444444");
    }

    @Test
    void pythonListWithSingleQuotes_readsLikeJson_andBracketsWithoutStringsAsText() {
        assertThat(codes("['1111 2222', '3333 4444']")).containsExactly("11112222", "33334444");
        assertThat(codes("{'primary': '5555 6666'}")).containsExactly("55556666");
        assertThat(codes("[1111 2222, 3333 4444]")).containsExactly("11112222", "33334444");
    }

    @Test
    void licenceIdsAndCodesThatBuySomething_areNotCodes_andSayWhatTheyAre() {
        assertThat(codes("License ID: 1234 5678\nDownload code: 2345 6789\nRedeem this gift card code: 3456 7890"
                        + "\n1111 1111"))
                .containsExactly("11111111");
        assertThat(LookAlikes.in("Your download code: 2345 6789")).contains(LookAlikes.Kind.LICENCE_KEY);
        assertThat(LookAlikes.in("Download codes")).isEmpty();
    }

    @Test
    void tableWhoseHeaderNumbersItsColumnsWithRanges_isReadByNumber_downEachColumn() {
        assertThat(codes("| 1-2 | 3-4 |\n|---|---|\n| 1111 1111 | 3333 3333 |\n| 2222 2222 | ~~4444 4444~~ |"))
                .containsExactly("11111111", "22222222", "33333333");
        assertThat(codes("Codes 1\u20133\tCodes 4\u20136\n1111 1111\t4444 4444\n2222 2222\t5555 5555"))
                .containsExactly("11111111", "22222222", "44444444", "55555555");
        assertThat(codes("| 1-2 | 7-9 |\n| 1111 1111 | 3333 3333 |\n| 2222 2222 | 4444 4444 |"))
                .as("ranges that do not follow on number nothing")
                .containsExactly("11111111", "33333333", "22222222", "44444444");
    }

    @Test
    void fingerprintsHandlesReferencesAndOtherIdentifiers_afterTheirLabel_areNotCodes() {
        assertThat(codes("Fingerprint: 1234 5678 9012 3456\nNIC handle: 2345 6789\nTicket ID: 3456 7890\n"
                        + "Device ID: 4567 8901\nReference: 5678 9012\n1111 1111"))
                .containsExactly("11111111");
    }

    @Test
    void lineAnnouncingAOneTimeCode_holdsNoCodeOnTheLineAfterIt_butABackupCodeLabelDoes() {
        assertThat(codes("Your Acme verification code is:\n1234 5678\nIt expires in 10 minutes."))
                .isEmpty();
        assertThat(LookAlikes.in("Your Acme verification code is:\n1234 5678")).contains(LookAlikes.Kind.ONE_TIME_CODE);
        assertThat(codes("Backup verification code:\n1234 5678")).containsExactly("12345678");
    }

    @Test
    void settingsNamedForASecret_inAConfigFileOrScript_areNotCodes_butRecoverySettingsAre() {
        assertThat(codes("aws_secret_access_key = 1234 5678\nGITHUB_TOKEN=2345 6789\ndb-password: 3456 7890\n"
                        + "recovery_codes = 1111 1111\nbackup_key: 2222 2222"))
                .containsExactly("11111111", "22222222");
        assertThat(LookAlikes.in("client_api_key: 2345 6789")).contains(LookAlikes.Kind.API_TOKEN);
        assertThat(codes("a_".repeat(30_000) + "secret_key= 1234 5678\n1111 1111"))
                .as("a name too long for a setting costs no deep recursion")
                .contains("11111111");
    }

    @Test
    void sentenceThatGivesAOneTimeCodeBelow_blanksTheCode_andSaysSo() {
        String mail = "We noticed a new sign-in. If it was you, please enter this verification code to continue:\n\n"
                + "1234 5678\n\nThanks";
        assertThat(codes(mail)).isEmpty();
        assertThat(LookAlikes.in(PasteReader.read(mail).text())).contains(LookAlikes.Kind.ONE_TIME_CODE);
        assertThat(codes("Please use the following backup codes:\n1234 5678")).containsExactly("12345678");
        assertThat(codes("Hello,\nYour Acme login code is:\n1234 5678\nIt expires soon."))
                .isEmpty();
    }

    @Test
    void keyLabelWithAVersionNumberAndARemark_stillLabelsTheNextLine() {
        assertThat(codes("Office 2021 licence key (on the box)\n1234 5678")).isEmpty();
        assertThat(NotCodes.labelsTheNextLine("Product key 12345678"))
                .as("holds its value")
                .isFalse();
    }

    @Test
    void keyFingerprintsAndGpgKeyLines_areNotCodes() {
        assertThat(codes("Key fingerprint = 1111 2222 3333 4444 5555  6666 7777 8888 9999 0000"))
                .isEmpty();
        assertThat(codes("      1111 2222 3333 4444 5555  6666 7777 8888 9999 0000"))
                .isEmpty();
        assertThat(NotCodes.blank("sub\tcv25519 2025-01-02 [E]")).isEmpty();
    }

    @Test
    void backupCodeNamedOnItsLineOrTheLineBefore_isLabelled_butNotWhenASetupKeyIsNamed() {
        Paste paste = PasteReader.read("Restore code: ABCD\nThe recovery code below opens the account\nEFGH\n\nIJKL");
        assertThat(LookAlikes.namedABackupCode(paste, 0)).isTrue();
        assertThat(LookAlikes.namedABackupCode(paste, 2)).isTrue();
        assertThat(LookAlikes.namedABackupCode(paste, 3)).isFalse();
        assertThat(LookAlikes.namedABackupCode(PasteReader.read("Backup key\nABCD"), 1))
                .isFalse();
        assertThat(LookAlikes.namedABackupCode(PasteReader.read("\"backup code\" (setup key), keep it safe:\nABCD"), 1))
                .isFalse();
    }
}
