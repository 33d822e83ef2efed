package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.formats.misbehaving.ThrowingFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin authors' command: paste on standard input, JSON on standard output. */
class ParseCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void useTemporaryDataDirectory() {
        System.setProperty("breakglass.data-dir", data.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("breakglass.data-dir");
    }

    @Test
    void paste_printsTheAppFormatCodesAndUnreadableLines() {
        int exit = run(
                "GitHub recovery codes\n0a1b2-c3d4e\nf5a6b-7c8d9\n".getBytes(StandardCharsets.UTF_8),
                "--app",
                "github");

        assertThat(exit).isZero();
        assertThat(output())
                .isEqualTo("{\"app\": \"github\", \"format\": \"github\", \"codes\": [\"0a1b2-c3d4e\", "
                        + "\"f5a6b-7c8d9\"], \"unreadable\": [\"GitHub recovery codes\"]}\n");
    }

    @Test
    void withoutApp_theAppIsNull() {
        run("ab12-cd34\n".getBytes(StandardCharsets.UTF_8));

        assertThat(output()).startsWith("{\"app\": null, \"format\": \"generic\", \"codes\": [\"ab12-cd34\"]");
    }

    @Test
    void utf16WithByteOrderMark_isDecoded() {
        byte[] utf16 = "\uFEFF1234 5678\r\n2345 6789".getBytes(StandardCharsets.UTF_16LE);

        assertThat(run(utf16, "--app", "google")).isZero();
        assertThat(output()).contains("\"codes\": [\"12345678\", \"23456789\"]");
    }

    @Test
    void refusedPaste_printsTheErrorAndExitsWith2() {
        assertThat(run(new byte[0])).isEqualTo(2);
        assertThat(output())
                .isEqualTo(
                        "{\"error\": \"empty\", \"message\": \"Paste the backup codes first: the field is empty.\"}\n");

        assertThat(run("no codes here".getBytes(StandardCharsets.UTF_8))).isEqualTo(2);
        assertThat(output()).contains("\"error\": \"no_codes\"");
    }

    @Test
    void undecodableBytes_areNotText() {
        assertThat(run(new byte[] {'a', 'b', (byte) 0xC3, (byte) 0x28, '1', '2', '3', '4'}))
                .isEqualTo(2);
        assertThat(output()).contains("\"error\": \"not_text\"");
    }

    @Test
    void over64KiB_isTooLarge() {
        assertThat(run("1234 5678\n".repeat(7000).getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(2);
        assertThat(output()).contains("\"error\": \"too_large\"");
    }

    @Test
    void unknownArgument_printsUsage() {
        assertThat(run(new byte[0], "--verbose")).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage");
    }

    @Test
    void quote_escapesWhatJsonRequires() {
        assertThat(ParseCommand.quote("a\"b\\c\nd\u0001")).isEqualTo("\"a\\\"b\\\\c\\nd\\u0001\"");
    }

    @Test
    void aFolderNamedWithPluginsDir_isTrusted_butTheSameFolderFromASettingIsNot() throws Exception {
        Path folder = data.resolve("my-build");
        PluginJars.build(folder, "throwing", PluginJars.CURRENT_SDK, ThrowingFormat.class);
        byte[] paste = "abcd-1234\nefgh-5678\n".getBytes(StandardCharsets.UTF_8);

        run(paste, "--app", "throwing-app", "--plugins-dir", folder.toString());
        assertThat(errors()).doesNotContain("not trusted").contains("Throwing");

        err.reset();
        System.setProperty("breakglass.plugins.dir", folder.toString());
        try {
            run(paste, "--app", "throwing-app");
        } finally {
            System.clearProperty("breakglass.plugins.dir");
        }
        assertThat(errors()).contains("throwing", "not trusted", "breakglass.plugins.trusted-sha256");
    }

    @Test
    void explain_printsEveryFormatsConfidenceAndWhyTheWinnerWon_onStandardError() {
        int exit =
                run("GitHub recovery codes\n0a1b2-c3d4e\nf5a6b-7c8d9\n".getBytes(StandardCharsets.UTF_8), "--explain");

        assertThat(exit).isZero();
        assertThat(output()).startsWith("{\"app\": null, \"format\": \"github\"");
        assertThat(errors())
                .contains("* github", "confidence 0.", "codes 2", "google", "slack", "gitlab")
                .contains("winner: github: no app format was named, and it was the most confident format");
    }

    @Test
    void explainWithApp_marksTheAppsFormatAsTheReason() {
        run("1234 5678\n2345 6789\n".getBytes(StandardCharsets.UTF_8), "--app", "google", "--explain");

        assertThat(errors()).contains("google", "(serves --app)", "winner: google: it serves the app 'google'");
    }

    @Test
    void explainOfAPasteWithoutCodes_saysNoFormatReadOne() {
        assertThat(run("nothing to see".getBytes(StandardCharsets.UTF_8), "--explain"))
                .isEqualTo(2);
        assertThat(errors()).contains("winner: none: no format read a code: no_codes");
    }

    @Test
    void listFormats_listsEveryRunningFormatAndTheGenericReader() {
        assertThat(run(new byte[0], "--list-formats")).isZero();

        assertThat(output().lines().map(line -> line.split(" +")[0]))
                .contains("format", "google", "github", "microsoft", "aws", "generic");
        assertThat(output()).containsPattern("google +Google +10 +google +gmail, google, google-workspace");
        assertThat(output()).containsPattern("aws +AWS +none");
    }

    @Test
    void unknownApp_warnsOnStandardErrorAndExitsWith3() {
        int exit = run("ab12-cd34\n".getBytes(StandardCharsets.UTF_8), "--app", "newapp");

        assertThat(exit).isEqualTo(3);
        assertThat(output()).startsWith("{\"app\": \"newapp\", \"format\": \"generic\"");
        assertThat(errors()).contains("warning: no plugin serves the app 'newapp'", "--list-formats");
    }

    @Test
    void knownApp_givesNoWarning() {
        assertThat(run("1234 5678\n".getBytes(StandardCharsets.UTF_8), "--app=google"))
                .isZero();
        assertThat(errors()).doesNotContain("warning");
    }

    @Test
    void pluginsFolderAsTheAppsSetting_onTheCommandLineOrInTheEnvironment_isLoadedAndTrustedByHash() throws Exception {
        Path folder = data.resolve("installed");
        PluginJars.build(folder, "throwing", PluginJars.CURRENT_SDK, ThrowingFormat.class);
        byte[] paste = "abcd-1234\nefgh-5678\n".getBytes(StandardCharsets.UTF_8);
        String hash = PluginJarHashes.in(folder).get(0);

        run(paste, "--app", "throwing-app", "--breakglass.plugins.dir=" + folder);
        assertThat(errors()).contains("throwing", "not trusted");

        err.reset();
        run(paste, new String[] {"--app", "throwing-app"}, name -> switch (name) {
            case "BREAKGLASS_PLUGINS_DIR" -> folder.toString();
            case "BREAKGLASS_PLUGINS_TRUSTED_SHA256" -> hash;
            default -> null;
        });
        assertThat(errors()).doesNotContain("not trusted").contains("Throwing");

        err.reset();
        run(
                paste,
                "--app",
                "throwing-app",
                "--breakglass.plugins.dir=" + folder,
                "--breakglass.plugins.trusted-sha256=" + hash);
        assertThat(errors()).doesNotContain("not trusted").contains("Throwing");
    }

    @Test
    void dataDirectorySetting_onTheCommandLine_isWhereBundledPluginsAreUnpacked() {
        Path elsewhere = data.resolve("elsewhere");

        run("1234 5678\n".getBytes(StandardCharsets.UTF_8), "--app", "google", "--breakglass.data-dir=" + elsewhere);

        assertThat(elsewhere.resolve("bundled-plugins")).isDirectoryContaining("glob:**breakglass-plugin-google-*.jar");
    }

    @Test
    void settingWithoutValueOrFlagWithValue_printsUsage() {
        assertThat(run(new byte[0], "--breakglass.plugins.dir")).isEqualTo(64);
        assertThat(run(new byte[0], "--explain=yes")).isEqualTo(64);
        assertThat(run(new byte[0], "--app")).isEqualTo(64);
        assertThat(errors()).contains("Usage", "--app needs a value");
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(byte[] stdin, String... args) {
        return run(stdin, args, name -> null);
    }

    private int run(byte[] stdin, String[] args, UnaryOperator<String> environment) {
        out.reset();
        return ParseCommand.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
