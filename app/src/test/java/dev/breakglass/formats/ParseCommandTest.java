package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.formats.misbehaving.ThrowingFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private int run(byte[] stdin, String... args) {
        out.reset();
        return ParseCommand.run(
                args,
                new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
