package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.breakglass.paste.CodeOrder;
import dev.breakglass.paste.PasteBytes;
import dev.breakglass.paste.PasteReader;
import dev.breakglass.plugin.CodeFormat;
import dev.breakglass.plugin.Paste;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.Extension;

/** The generator writes a plugin module that compiles, passes the strict test kit, and is registered for bundling. */
class NewPluginCommandTest {

    @TempDir
    Path root;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void copyTheFilesItRegistersIn() throws Exception {
        for (String file : List.of("plugins/pom.xml", "app/pom.xml", "plugins/README.md")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.copy(Path.of("..").resolve(file), root.resolve(file));
        }
    }

    @Test
    void newPlugin_writesTheModuleAndRegistersItInEveryPlace() throws Exception {
        int exit = run(
                "epic-games",
                "--name",
                "Epic Games",
                "--example",
                "KX12C-D34EZ",
                "--codes",
                "10",
                "--settings-page",
                "https://www.epicgames.com/account/password",
                "--root",
                root.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path module = root.resolve("plugins/epic-games");
        Path main = module.resolve("src/main/java/dev/breakglass/plugins/epicgames");
        assertThat(main.resolve("EpicGamesFormat.java"))
                .content()
                .contains("@Extension", "FormatFacts.of(\"epic-games\", \"Epic Games\")", ".expectedCodes(10)")
                .contains("CodeShape.lettersAndDigits(10).groups(5, 5).separator(\"-\").upperCase()");
        assertThat(main.resolve("package-info.java")).content().contains("package dev.breakglass.plugins.epicgames;");
        assertThat(module.resolve("src/test/java/dev/breakglass/plugins/epicgames/EpicGamesFormatTest.java"))
                .content()
                .contains("FormatTestKit.of(format)", "kit.fixtureTests()");
        assertThat(module.resolve("README.md")).content().contains("# Epic Games format plugin", "| fact | source |");
        assertThat(module.resolve("pom.xml"))
                .content()
                .contains("<artifactId>breakglass-plugin-epic-games</artifactId>", "<plugin.id>epic-games</plugin.id>");
        List<String> codes = Files.readAllLines(module.resolve("src/test/resources/fixtures/download.expected"));
        assertThat(codes.stream().filter(line -> line.matches("[A-Z0-9]{10}"))).hasSize(10);

        assertThat(root.resolve("plugins/pom.xml")).content().contains("<module>epic-games</module>\n    </modules>");
        assertThat(root.resolve("app/pom.xml"))
                .content()
                .contains("<artifactId>breakglass-plugin-epic-games</artifactId>")
                .contains("<directory>${project.basedir}/../plugins/epic-games/target</directory>");
        assertThat(root.resolve("plugins/README.md"))
                .content()
                .contains("| [Epic Games](epic-games/README.md) | `epic-games` | 10 | `KX12C-D34EZ` | 2 |");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote ", "-pl epic-games -am test");
    }

    /**
     * Compiled with PF4J's processor as the plugins' POM does, and read as Breakglass reads a paste. (The generated
     * test, which runs the test kit, is built and run by OutsidePluginBuildTest: the kit is not on the app's class
     * path, where its package would join the app's module slices.)
     */
    @Test
    void generatedFormat_compilesIsIndexedAndReadsItsFixtures() throws Exception {
        run("acme", "--name", "Acme", "--example", "1234 5678", "--codes", "8", "--root", root.toString());
        Path module = root.resolve("plugins/acme");

        CodeFormat format = compileAndLoad(module, "dev.breakglass.plugins.acme.AcmeFormat");

        assertThat(format.getClass().isAnnotationPresent(Extension.class)).isTrue();
        Path fixtures = module.resolve("src/test/resources/fixtures");
        for (String name : List.of("download", "codes-only")) {
            Paste paste = PasteReader.read(PasteBytes.decode(Files.readAllBytes(fixtures.resolve(name + ".txt"))));
            List<String> expected = Files.readAllLines(fixtures.resolve(name + ".expected")).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.contains(":"))
                    .toList();
            assertThat(CodeOrder.codes(paste, format.read(paste)))
                    .as(name)
                    .hasSize(8)
                    .isEqualTo(expected);
        }
        assertThat(format.display("12345678")).isEqualTo("1234 5678");
        Paste retyped = PasteReader.read("acme codes\n1234-5678\n2345 6789");
        assertThat(CodeOrder.codes(retyped, format.read(retyped))).containsExactly("12345678", "23456789");
    }

    @Test
    void lowerCaseLettersAndDigits_areDeclaredAsALettersAndDigitsShapeSavedInLowerCase() throws Exception {
        run("acme", "--name", "Acme", "--example", "k3f92m7x", "--root", root.toString());

        assertThat(root.resolve("plugins/acme/src/main/java/dev/breakglass/plugins/acme/AcmeFormat.java"))
                .content()
                .contains("extends ShapedCodeFormat", "CodeShape.lettersAndDigits(8));")
                .doesNotContain("upperCase");
        assertThat(Files.readAllLines(root.resolve("plugins/acme/src/test/resources/fixtures/download.expected")))
                .filteredOn(line -> line.matches("[a-z0-9]{8}"))
                .hasSize(10)
                .allMatch(code -> code.matches(".*\\d.*"), "holds a digit");
    }

    @Test
    void existingModule_isNotOverwritten() throws Exception {
        Files.createDirectories(root.resolve("plugins/acme"));

        assertThat(run("acme", "--name", "Acme", "--example", "1234-5678", "--root", root.toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already");
        assertThat(root.resolve("plugins/pom.xml")).content().doesNotContain("<module>acme</module>");
    }

    @Test
    void outsideARepository_withoutRoot_saysWhatToDo() {
        assertThat(run(
                        "acme",
                        "--name",
                        "Acme",
                        "--example",
                        "1234-5678",
                        "--root",
                        root.resolve("nowhere").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--outside DIR");
    }

    @Test
    void outside_writesAStandAloneProjectAgainstTheInstalledSdk() throws Exception {
        Path project = root.resolve("my-plugin");

        assertThat(run("acme", "--name", "Acme", "--example", "1234-5678", "--outside", project.toString()))
                .isZero();

        assertThat(project.resolve("pom.xml"))
                .content()
                .doesNotContain("<parent>")
                .contains("<artifactId>breakglass-plugin-api</artifactId>", "ExtensionAnnotationProcessor")
                .contains("<Plugin-Requires>&gt;=1.1.0 &amp; &lt;2.0.0</Plugin-Requires>");
        assertThat(root.resolve("plugins/pom.xml")).content().doesNotContain("<module>acme</module>");
    }

    @Test
    void badArguments_printUsage() {
        assertThat(run("Acme", "--name", "Acme", "--example", "1234-5678")).isEqualTo(64);
        assertThat(run("acme", "--name", "Acme", "--example", "12-34")).isEqualTo(64);
        assertThat(run("acme", "--name", "Acme", "--example", "1234-5678 9012.3456"))
                .isEqualTo(64);
        assertThat(run("acme", "--name", "Acme", "--example", "1234.5678")).isEqualTo(64);
        assertThat(run("acme", "--name", "Acme", "--example", "1234-5678", "--codes", "0"))
                .isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Usage", "mixes separators", "write a LineCodeFormat", "--codes is a number");
    }

    @Test
    void shape_isGuessedFromTheExample() {
        assertThat(CodeShapeExample.of("1234 5678").javaShape())
                .isEqualTo("CodeShape.digits(8).groups(4, 4).separator(\" \")");
        assertThat(CodeShapeExample.of("4283f-efc63").javaShape())
                .isEqualTo("CodeShape.hex(10).groups(5, 5).separator(\"-\")");
        assertThat(CodeShapeExample.of("IEQH 524Y NG5B").javaShape())
                .isEqualTo("CodeShape.lettersAndDigits(12).groups(4, 4, 4).separator(\" \").upperCase()");
        assertThat(CodeShapeExample.of("aBc123xyz").javaShape()).isEqualTo("CodeShape.lettersAndDigits(9).caseKept()");
        assertThat(CodeShapeExample.of("4283f-efc63").saved("4283F-EFC63")).isEqualTo("4283fefc63");
    }

    private CodeFormat compileAndLoad(Path module, String className) throws Exception {
        Path classes = module.resolve("target/classes");
        Files.createDirectories(classes);
        List<String> sources;
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            sources = files.filter(file -> file.toString().endsWith(".java"))
                    .map(Path::toString)
                    .toList();
        }
        String classPath =
                String.join(java.io.File.pathSeparator, location(CodeFormat.class), location(Extension.class));
        List<String> options = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                classPath,
                "-processorpath",
                location(Extension.class),
                "-processor",
                "org.pf4j.processor.ExtensionAnnotationProcessor",
                "-Xlint:all,-processing",
                "-Werror",
                "--release",
                "17"));
        options.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int compiled = javac.run(null, diagnostics, diagnostics, options.toArray(String[]::new));
        assertThat(compiled).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(classes.resolve("META-INF/extensions.idx")).content().contains(className);
        URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
        return (CodeFormat) loader.loadClass(className).getConstructor().newInstance();
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }

    private int run(String... args) {
        return NewPluginCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new Random(15));
    }
}
