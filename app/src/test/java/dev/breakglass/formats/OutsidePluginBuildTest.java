package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin author outside this repository, as plugins/README.md tells them: install the SDK, contract and test kit
 * ({@code ./mvnw install -pl plugins/api,plugins/contract,plugins/testkit -am}), write a stand-alone project with
 * {@code new-plugin --outside}, and build it with Maven, tests included. Both Maven runs use a fresh local repository
 * of their own in front of the build's own (Maven's {@code maven.repo.local.tail}), so the SDK is really installed
 * and resolved, and nothing lands in the developer's repository. Then {@code parse} loads the jar it built.
 */
class OutsidePluginBuildTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path work;

    @Test
    void pluginProjectOutsideTheRepository_buildsAgainstTheInstalledSdk_andParseLoadsIt() throws Exception {
        String repository = System.getProperty("breakglass.test.maven-repository", "");
        assumeTrue(
                !repository.isBlank() && !repository.contains("${"), "run by Maven, which names its local repository");
        Path head = work.resolve("repository");
        Path project = work.resolve("acme-plugin");

        run(
                maven(head, repository, "-f", ROOT.resolve("pom.xml").toString()),
                "-pl",
                "plugins/api,plugins/contract,plugins/testkit",
                "-am",
                "install",
                "-DskipTests",
                "-Dspotless.check.skip=true");
        assertThat(head.resolve("dev/breakglass/breakglass-plugin-testkit")).isDirectory();

        int generated = NewPluginCommand.run(
                new String[] {
                    "acme", "--name", "Acme", "--example", "1234-5678", "--codes", "8", "--outside", project.toString()
                },
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                System.err);
        assertThat(generated).isZero();

        String log =
                run(maven(head, repository, "-f", project.resolve("pom.xml").toString()), "package");
        assertThat(log).contains("Tests run: 6, Failures: 0, Errors: 0");
        Path jar = project.resolve("target/breakglass-plugin-acme-1.0.0.jar");
        try (JarFile built = new JarFile(jar.toFile())) {
            assertThat(built.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("acme");
            assertThat(new String(
                            built.getInputStream(built.getEntry("META-INF/extensions.idx"))
                                    .readAllBytes(),
                            StandardCharsets.UTF_8))
                    .contains("dev.breakglass.plugins.acme.AcmeFormat");
        }

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setProperty("breakglass.data-dir", work.resolve("data").toString());
        try {
            int exit = ParseCommand.run(
                    new String[] {
                        "--app", "acme", "--plugins-dir", jar.getParent().toString()
                    },
                    new ByteArrayInputStream(
                            "Acme backup codes\n1234-5678\n2345 6789\n".getBytes(StandardCharsets.UTF_8)),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            assertThat(exit).isZero();
        } finally {
            System.clearProperty("breakglass.data-dir");
        }
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("\"format\": \"acme\"", "\"codes\": [\"12345678\", \"23456789\"]");
    }

    /** The Maven wrapper with a fresh local repository in front of the build's own. */
    private static List<String> maven(Path head, String tail, String... more) {
        List<String> command = new ArrayList<>(List.of(
                ROOT.resolve("mvnw").toString(),
                "-B",
                "-ntp",
                "-Dmaven.repo.local=" + head,
                "-Dmaven.repo.local.tail=" + tail));
        if ("offline=true".equals(System.getProperty("breakglass.test.maven-offline"))) {
            command.add("-o");
        }
        command.addAll(List.of(more));
        return command;
    }

    private String run(List<String> command, String... goals) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(goals));
        Path log = Files.createTempFile(work, "maven", ".log");
        Process maven = new ProcessBuilder(all)
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = maven.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            maven.destroyForcibly();
        }
        String output = Files.readString(log);
        assertThat(finished && maven.exitValue() == 0)
                .as("%s failed:%n%s", String.join(" ", all), tail(output))
                .isTrue();
        return output;
    }

    private static String tail(String output) {
        return output.length() > 6000 ? output.substring(output.length() - 6000) : output;
    }
}
