package dev.breakglass.formats;

import dev.breakglass.plugin.FormatFacts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar breakglass.jar new-plugin ID --name NAME --example CODE [--codes N] [--settings-page URL]}: writes a
 * new format plugin module under {@code plugins/ID} (POM, the format class with {@code @Extension}, package-info, a
 * README with a sources section to fill in, two fixtures of random codes in the example's shape, and a test with the
 * test kit) and registers it where Breakglass bundles it: {@code plugins/pom.xml}'s modules, {@code app/pom.xml}'s
 * dependencies and bundle copy, and the apps table of {@code plugins/README.md}. With {@code --outside DIR} it writes a
 * stand-alone plugin project instead, built against the installed SDK and registered nowhere. Exit 0 when written, 1
 * when it cannot write (the module exists, a file to register in is missing), 64 on bad arguments. No Spring context.
 */
public final class NewPluginCommand {

    /** The first argument that selects this command. */
    public static final String NAME = "new-plugin";

    static final int FAILED = 1;
    static final int USAGE = 64;
    private static final String USAGE_TEXT = "Usage: java -jar breakglass.jar new-plugin ID --name NAME --example CODE"
            + " [--codes N] [--settings-page URL] [--root DIR | --outside DIR]\n"
            + "  ID             the plugin and format id: lower case letters, digits, dashes (such as epic-games)\n"
            + "  --name         the app's name as users know it (such as \"Epic Games\")\n"
            + "  --example      one code exactly as the app shows it (such as k3f9-2m7x or \"1234 5678\"); random\n"
            + "                 codes of its shape fill the fixtures\n"
            + "  --codes        how many codes one set holds, if the app's help page says (default: not fixed)\n"
            + "  --settings-page  the app's backup-code page (https)\n"
            + "  --root         the Breakglass checkout to add the module to (default: the current folder)\n"
            + "  --outside      write a stand-alone plugin project in this folder instead (nothing registered)";
    private static final Pattern VERSION = Pattern.compile("<parent>.*?<version>([^<]+)</version>", Pattern.DOTALL);

    private NewPluginCommand() {}

    /** Whether the arguments select this command. */
    public static boolean handles(String[] args) {
        return args.length > 0 && NAME.equals(args[0]);
    }

    /** Runs the command: {@code args} are those after {@code new-plugin}. Returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, new SecureRandom());
    }

    static int run(String[] args, PrintStream out, PrintStream err, RandomGenerator random) {
        Request request;
        try {
            request = Request.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE_TEXT);
            return USAGE;
        }
        try {
            List<Path> written = request.outside().isPresent()
                    ? writeOutside(request, request.outside().get(), random)
                    : writeInside(request, random);
            written.forEach(file -> out.println("wrote " + file));
            out.println(nextSteps(request));
            return 0;
        } catch (CannotWrite e) {
            err.println(e.getMessage());
            return FAILED;
        } catch (IOException e) {
            err.println("Could not write the plugin: " + e.getClass().getSimpleName() + " on " + e.getMessage());
            return FAILED;
        }
    }

    private static List<Path> writeInside(Request request, RandomGenerator random) throws IOException {
        Path root = request.root();
        Path pluginsPom = root.resolve("plugins/pom.xml");
        Path appPom = root.resolve("app/pom.xml");
        Path readme = root.resolve("plugins/README.md");
        for (Path needed : List.of(pluginsPom, appPom, readme)) {
            if (!Files.isRegularFile(needed)) {
                throw new CannotWrite("No " + needed + ": run new-plugin from a Breakglass checkout, or name one with "
                        + "--root, or use --outside DIR for a plugin of your own.");
            }
        }
        Path module = root.resolve("plugins").resolve(request.id());
        if (Files.exists(module)) {
            throw new CannotWrite(module + " exists already: pick another id, or remove it first.");
        }
        String version = version(Files.readString(pluginsPom));
        String plugins = register(
                Files.readString(pluginsPom),
                "    </modules>",
                "        <module>" + request.id() + "</module>\n",
                pluginsPom);
        String app = register(Files.readString(appPom), "    </dependencies>", """
                        <dependency>
                            <groupId>dev.breakglass.plugins</groupId>
                            <artifactId>breakglass-plugin-%s</artifactId>
                            <version>${project.version}</version>
                            <scope>provided</scope>
                        </dependency>
                """.formatted(request.id()), appPom);
        app = register(app, "                            </resources>", """
                                                <resource>
                                                    <directory>${project.basedir}/../plugins/%1$s/target</directory>
                                                    <includes>
                                                        <include>breakglass-plugin-%1$s-*.jar</include>
                                                    </includes>
                                                </resource>
                """.formatted(request.id()), appPom);
        String table = addAppRow(Files.readString(readme), request, readme);
        List<Path> written = writeModule(module, request, insidePom(request, version), random);
        Files.writeString(pluginsPom, plugins, StandardCharsets.UTF_8);
        Files.writeString(appPom, app, StandardCharsets.UTF_8);
        Files.writeString(readme, table, StandardCharsets.UTF_8);
        written.addAll(List.of(pluginsPom, appPom, readme));
        return written;
    }

    private static List<Path> writeOutside(Request request, Path folder, RandomGenerator random) throws IOException {
        if (Files.exists(folder.resolve("pom.xml"))) {
            throw new CannotWrite(folder.resolve("pom.xml") + " exists already: pick an empty folder.");
        }
        return writeModule(folder, request, outsidePom(request), random);
    }

    private static List<Path> writeModule(Path module, Request request, String pom, RandomGenerator random)
            throws IOException {
        CodeShapeExample shape = request.shape();
        String pkg = "dev.breakglass.plugins." + request.id().replace("-", "");
        Path main = module.resolve("src/main/java").resolve(pkg.replace('.', '/'));
        Path test = module.resolve("src/test/java").resolve(pkg.replace('.', '/'));
        Path fixtures = module.resolve("src/test/resources/fixtures");
        int count = request.codes().orElse(10);
        List<String> shown = new ArrayList<>();
        while (shown.size() < count) {
            String code = shape.randomShown(random);
            if (!shown.contains(code)) {
                shown.add(code);
            }
        }
        String expected = String.join("\n", shown.stream().map(shape::saved).toList()) + "\n";
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(module.resolve("pom.xml"), pom);
        files.put(main.resolve(request.className() + ".java"), formatClass(request, pkg));
        files.put(main.resolve("package-info.java"), packageInfo(request, pkg));
        files.put(test.resolve(request.className() + "Test.java"), testClass(request, pkg, shown.get(0)));
        files.put(
                fixtures.resolve("download.txt"),
                request.name() + " backup codes\n\n" + String.join("\n", shown) + "\n\nEach code works once.\n");
        files.put(
                fixtures.resolve("download.expected"),
                "# the codes as saved, in order\n" + expected + "unreadable: 2\nrecognised: yes\n");
        files.put(fixtures.resolve("codes-only.txt"), String.join("\n", shown) + "\n");
        files.put(
                fixtures.resolve("codes-only.expected"),
                "# no line names the app: Breakglass reads it with this format only when the account is for it\n"
                        + expected + "unreadable: 0\nrecognised: no\n");
        files.put(module.resolve("README.md"), readme(request, shown.get(0)));
        List<Path> written = new ArrayList<>();
        for (Map.Entry<Path, String> file : files.entrySet()) {
            Files.createDirectories(file.getKey().getParent());
            Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
            written.add(file.getKey());
        }
        return written;
    }

    /** Inserts a block before the line that closes a list, after the list's last entry. */
    private static String register(String file, String closing, String block, Path where) {
        int at = file.indexOf(closing + "\n");
        if (at < 0) {
            throw new CannotWrite("Could not find '" + closing.strip() + "' in " + where + " to register the plugin.");
        }
        return file.substring(0, at) + block + file.substring(at);
    }

    /** A row at the end of the README's apps table. */
    private static String addAppRow(String readme, Request request, Path where) {
        int table = readme.indexOf("## The apps");
        int end = table < 0 ? -1 : readme.indexOf("\n\n", readme.indexOf("\n|", table));
        if (end < 0) {
            throw new CannotWrite("Could not find the apps table in " + where + " to add the plugin to.");
        }
        String row = "\n| [%s](%s/README.md) | `%s` | %s | `%s` | 2 |"
                .formatted(
                        request.name(),
                        request.id(),
                        request.id(),
                        request.codes().map(String::valueOf).orElse("not fixed"),
                        request.example());
        return readme.substring(0, end) + row + readme.substring(end);
    }

    private static String version(String pluginsPom) {
        Matcher version = VERSION.matcher(pluginsPom);
        if (!version.find()) {
            throw new CannotWrite("Could not read the version from plugins/pom.xml.");
        }
        return version.group(1);
    }

    private static String insidePom(Request request, String version) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                    <modelVersion>4.0.0</modelVersion>
                    <parent>
                        <groupId>dev.breakglass</groupId>
                        <artifactId>breakglass-plugins</artifactId>
                        <version>%s</version>
                    </parent>

                    <groupId>dev.breakglass.plugins</groupId>
                    <artifactId>breakglass-plugin-%s</artifactId>
                    <name>Breakglass plugin: %s</name>
                    <description>Reads %s backup codes.</description>

                    <properties>
                        <plugin.id>%s</plugin.id>
                    </properties>
                </project>
                """.formatted(version, request.id(), request.name(), request.name(), request.id());
    }

    /**
     * A plugin project of its own: the SDK and PF4J provided by Breakglass, the test kit for tests, PF4J's annotation
     * processor named, and the manifest PF4J reads. The versions are those this Breakglass was built with.
     */
    private static String outsidePom(Request request) {
        String sdk = Optional.ofNullable(NewPluginCommand.class.getPackage().getImplementationVersion())
                .orElse("0.1.0-SNAPSHOT");
        return OUTSIDE_POM
                .replace("{{ID}}", request.id())
                .replace("{{NAME}}", request.name())
                .replace("{{SDK}}", sdk)
                .replace(
                        "{{REQUIRES}}",
                        "&gt;=" + dev.breakglass.plugin.SdkVersion.CURRENT + " &amp; &lt;"
                                + (Integer.parseInt(
                                                dev.breakglass.plugin.SdkVersion.CURRENT
                                                        .split("\\.")[0])
                                        + 1) + ".0.0");
    }

    private static final String OUTSIDE_POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project xmlns="http://maven.apache.org/POM/4.0.0"
                     xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                     xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                <modelVersion>4.0.0</modelVersion>
                <!-- A Breakglass format plugin built outside the Breakglass repository, against the installed SDK. -->
                <groupId>dev.breakglass.plugins</groupId>
                <artifactId>breakglass-plugin-{{ID}}</artifactId>
                <version>1.0.0</version>
                <name>Breakglass plugin: {{NAME}}</name>
                <description>Reads {{NAME}} backup codes.</description>

                <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <breakglass.sdk.version>{{SDK}}</breakglass.sdk.version>
                    <pf4j.version>3.15.0</pf4j.version>
                    <junit.version>5.12.2</junit.version>
                    <plugin.id>{{ID}}</plugin.id>
                </properties>

                <dependencies>
                    <!-- Provided: Breakglass brings both; a copy inside the plugin would be a different class. -->
                    <dependency>
                        <groupId>dev.breakglass</groupId>
                        <artifactId>breakglass-plugin-api</artifactId>
                        <version>${breakglass.sdk.version}</version>
                        <scope>provided</scope>
                    </dependency>
                    <dependency>
                        <groupId>org.pf4j</groupId>
                        <artifactId>pf4j</artifactId>
                        <version>${pf4j.version}</version>
                        <scope>provided</scope>
                    </dependency>
                    <dependency>
                        <groupId>dev.breakglass</groupId>
                        <artifactId>breakglass-plugin-testkit</artifactId>
                        <version>${breakglass.sdk.version}</version>
                        <scope>test</scope>
                    </dependency>
                    <dependency>
                        <groupId>org.junit.jupiter</groupId>
                        <artifactId>junit-jupiter</artifactId>
                        <version>${junit.version}</version>
                        <scope>test</scope>
                    </dependency>
                </dependencies>

                <build>
                    <plugins>
                        <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-compiler-plugin</artifactId>
                            <version>3.14.1</version>
                            <configuration>
                                <!-- From Java 23 on, processors are no longer found on the class path: name it. -->
                                <annotationProcessorPaths>
                                    <path>
                                        <groupId>org.pf4j</groupId>
                                        <artifactId>pf4j</artifactId>
                                        <version>${pf4j.version}</version>
                                    </path>
                                </annotationProcessorPaths>
                                <annotationProcessors>
                                    <annotationProcessor>org.pf4j.processor.ExtensionAnnotationProcessor</annotationProcessor>
                                </annotationProcessors>
                            </configuration>
                        </plugin>
                        <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-resources-plugin</artifactId>
                            <version>3.3.1</version>
                        </plugin>
                        <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-surefire-plugin</artifactId>
                            <version>3.5.4</version>
                        </plugin>
                        <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-jar-plugin</artifactId>
                            <version>3.4.2</version>
                            <configuration>
                                <archive>
                                    <manifestEntries>
                                        <Plugin-Id>${plugin.id}</Plugin-Id>
                                        <Plugin-Version>${project.version}</Plugin-Version>
                                        <Plugin-Class>org.pf4j.Plugin</Plugin-Class>
                                        <Plugin-Provider>You</Plugin-Provider>
                                        <Plugin-Description>${project.description}</Plugin-Description>
                                        <Plugin-Requires>{{REQUIRES}}</Plugin-Requires>
                                    </manifestEntries>
                                </archive>
                            </configuration>
                        </plugin>
                    </plugins>
                </build>
            </project>
            """;

    private static String formatClass(Request request, String pkg) {
        CodeShapeExample shape = request.shape();
        StringBuilder facts = new StringBuilder();
        facts.append("FormatFacts.of(\"")
                .append(request.id())
                .append("\", \"")
                .append(request.name())
                .append("\")");
        request.settingsPage()
                .ifPresent(page -> facts.append("\n                        .settingsPage(\"")
                        .append(page)
                        .append("\")"));
        request.codes()
                .ifPresent(count -> facts.append("\n                        .expectedCodes(")
                        .append(count)
                        .append(")"));
        facts.append("\n                        .keywords(\"")
                .append(request.name().toLowerCase(Locale.ROOT))
                .append("\", \"")
                .append(request.id())
                .append("-backup-codes\")");
        return """
                package %1$s;

                import dev.breakglass.plugin.CodeShape;
                import dev.breakglass.plugin.FormatFacts;
                import dev.breakglass.plugin.ShapedCodeFormat;
                import org.pf4j.Extension;

                /**
                 * %2$s backup codes, shown as {@code %3$s}. See this plugin's README for the sources.
                 */
                @Extension
                public final class %4$s extends ShapedCodeFormat {

                    public %4$s() {
                        super(
                                %5$s,
                                %6$s);
                    }
                }
                """.formatted(pkg, request.name(), request.example(), request.className(), facts, shape.javaShape());
    }

    private static String packageInfo(Request request, String pkg) {
        return "/** The " + request.name() + " code format plugin. */\npackage " + pkg + ";\n";
    }

    private static String testClass(Request request, String pkg, String shown) {
        return """
                package %1$s;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import dev.breakglass.plugin.testkit.FormatTestKit;
                import java.util.stream.Stream;
                import org.junit.jupiter.api.DynamicTest;
                import org.junit.jupiter.api.Test;
                import org.junit.jupiter.api.TestFactory;

                class %2$sTest {

                    private final %2$s format = new %2$s();
                    private final FormatTestKit kit = FormatTestKit.of(format);

                    /** One test per src/test/resources/fixtures/NAME.* with its NAME.expected beside it. */
                    @TestFactory
                    Stream<DynamicTest> fixtures_readAsTheExpectedCodes() {
                        return kit.fixtureTests();
                    }

                    @Test
                    void facts_holdForEveryFormat() {
                        kit.assertFacts();
                    }

                    @Test
                    void display_showsTheCodeAsTheAppDoes() {
                        assertEquals("%3$s", format.display("%4$s"));
                    }

                    @Test
                    void textWithoutCodes_readsNothing() {
                        kit.assertReadsNothing("Two-factor authentication is on.\\nCall +1 415 555 0100 before 2026-12-01.");
                    }
                }
                """.formatted(pkg, request.className(), shown, request.shape().saved(shown));
    }

    private static String readme(Request request, String shown) {
        CodeShapeExample shape = request.shape();
        return """
                # %1$s format plugin

                Reads the %1$s backup codes a user pastes into Breakglass: plugin id `%2$s`, app key `%2$s`.

                - Settings page: %3$s
                - Codes per set: %4$s
                - Shown as: `%5$s`; saved as: `%6$s`

                ## Format facts

                | fact | source |
                |---|---|
                | TODO: how many codes a set holds, and that each works once. | TODO: the vendor's help page (URL) |
                | TODO: what one code looks like (%7$d characters%8$s). | TODO: the vendor's help page, or a third-party page |

                **Inferred (not confirmed by the app's own help pages):**

                - TODO: say what rests on third-party pages or on the example alone.

                ## Fixtures

                - `src/test/resources/fixtures/download.txt`
                - `src/test/resources/fixtures/codes-only.txt`

                The codes in the fixtures are random, never real.
                """.formatted(
                        request.name(),
                        request.id(),
                        request.settingsPage().map(page -> "<" + page + ">").orElse("TODO"),
                        request.codes().map(String::valueOf).orElse("not fixed (TODO: check)"),
                        shown,
                        shape.saved(shown),
                        shape.length(),
                        shape.groups().size() > 1
                                ? " in groups of " + shape.groups() + " separated by '" + shape.separator() + "'"
                                : "");
    }

    private static String nextSteps(Request request) {
        String build = request.outside().isPresent()
                ? "./mvnw -o -q -f " + request.outside().get() + "/pom.xml package"
                : "./mvnw -o -q -f plugins/pom.xml -pl " + request.id() + " -am test";
        return """
                Next: check the shape against %s's help page and fill the README's sources, add fixtures of real \
                layouts (random codes), then:
                  %s""".formatted(request.name(), build);
    }

    /** What to write, from the command line. */
    private record Request(
            String id,
            String name,
            String example,
            CodeShapeExample shape,
            Optional<Integer> codes,
            Optional<String> settingsPage,
            Path root,
            Optional<Path> outside) {

        static Request parse(String[] args) {
            String id = null;
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (!arg.startsWith("--")) {
                    if (id != null) {
                        throw new IllegalArgumentException("One id only: " + arg);
                    }
                    id = arg;
                    continue;
                }
                int equals = arg.indexOf('=');
                String name = equals > 0 ? arg.substring(2, equals) : arg.substring(2);
                if (!List.of("name", "example", "codes", "settings-page", "root", "outside")
                        .contains(name)) {
                    throw new IllegalArgumentException("Unknown argument: " + arg);
                }
                if (equals > 0) {
                    options.put(name, arg.substring(equals + 1));
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("--" + name + " needs a value.");
                }
            }
            if (!FormatFacts.isValidId(id)) {
                throw new IllegalArgumentException(
                        "Give the plugin id first: lower case letters, digits and dashes, such as epic-games.");
            }
            String name = options.get("name");
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("Give the app's name: --name \"Epic Games\".");
            }
            String example = options.get("example");
            if (example == null) {
                throw new IllegalArgumentException("Give one code as the app shows it: --example k3f9-2m7x.");
            }
            CodeShapeExample shape = CodeShapeExample.of(example);
            Optional<Integer> codes = Optional.ofNullable(options.get("codes")).map(Request::count);
            Optional<String> page = Optional.ofNullable(options.get("settings-page"));
            if (page.isPresent() && !page.get().startsWith("https://")) {
                throw new IllegalArgumentException("The settings page is an https:// address.");
            }
            if (options.containsKey("root") && options.containsKey("outside")) {
                throw new IllegalArgumentException(
                        "Either --root (add to Breakglass) or --outside (a project of its " + "own), not both.");
            }
            return new Request(
                    id,
                    name.strip(),
                    example.strip(),
                    shape,
                    codes,
                    page,
                    Path.of(options.getOrDefault("root", ".")),
                    Optional.ofNullable(options.get("outside")).map(Path::of));
        }

        private static int count(String value) {
            try {
                int count = Integer.parseInt(value);
                if (count >= 1 && count <= 100) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException("--codes is a number from 1 to 100, not " + value + ".");
        }

        /** {@code EpicGamesFormat} for "Epic Games". */
        String className() {
            StringBuilder name = new StringBuilder();
            for (String word : this.name.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
            if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
                name.insert(0, "App");
            }
            return name + "Format";
        }
    }

    /** A file the command cannot write or change, with a sentence that says what to do. */
    private static final class CannotWrite extends RuntimeException {
        CannotWrite(String message) {
            super(message);
        }
    }
}
