package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.breakglass.formats.misbehaving.SlowFormat;
import dev.breakglass.formats.misbehaving.SpinningFormat;
import dev.breakglass.formats.misbehaving.ThrowingFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading real plugin jars with PF4J: the bundled ones, and jars built here that misbehave. */
class FormatPluginsTest {

    private static final String GITHUB_CODES = "github-recovery-codes.txt\n0a1b2-c3d4e\nf5a6b-7c8d9\n";

    @TempDir
    Path data;

    @Test
    void bundledPlugins_areUnpackedLoadedAndStarted() {
        try (FormatPlugins plugins = PluginLocations.of(null, data).load(Clock.systemUTC())) {
            assertThat(plugins.statuses()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(status -> {
                assertThat(status.state()).isEqualTo(PluginStatus.State.STARTED);
                assertThat(status.origin()).isEqualTo("bundled");
                assertThat(status.errors()).isEmpty();
            });
            assertThat(plugins.formats())
                    .extracting(loaded -> loaded.info().id())
                    .contains("google", "github", "slack", "aws", "microsoft", "gitlab");
            assertThat(data.resolve("bundled-plugins")).isDirectoryContaining("glob:**/breakglass-plugin-github-*.jar");
        }
    }

    @Test
    void pluginBuiltForAnotherSdk_isRefusedWithASentenceSayingWhy() throws Exception {
        PluginJars.build(data.resolve("plugins"), "future", ">=2.0.0 & <3.0.0", ThrowingFormat.class);

        try (FormatPlugins plugins = installed()) {
            PluginStatus future = plugins.statuses().get(0);
            assertThat(future.state()).isEqualTo(PluginStatus.State.REFUSED);
            assertThat(future.errors())
                    .singleElement()
                    .asString()
                    .contains("built for plugin SDK >=2.0.0 & <3.0.0", "offers SDK 1.1.0", "Rebuild");
            assertThat(plugins.formats()).isEmpty();
        }
    }

    @Test
    void pluginThatDoesNotNameItsSdk_isRefused() throws Exception {
        PluginJars.build(data.resolve("plugins"), "unversioned", null, ThrowingFormat.class);

        try (FormatPlugins plugins = installed()) {
            assertThat(plugins.statuses().get(0).state()).isEqualTo(PluginStatus.State.REFUSED);
            assertThat(plugins.statuses().get(0).errors().get(0)).contains("does not say which plugin SDK");
        }
    }

    @Test
    void installedPlugin_replacesTheBundledOneWithTheSameId() throws Exception {
        PluginJars.build(data.resolve("plugins"), "github", PluginJars.CURRENT_SDK, ThrowingFormat.class);

        try (FormatPlugins plugins = PluginLocations.of(
                        data.resolve("plugins"), data, PluginJars.hashesIn(data.resolve("plugins")))
                .load(Clock.systemUTC())) {
            PluginStatus github = plugins.statuses().stream()
                    .filter(status -> status.pluginId().equals("github"))
                    .findFirst()
                    .orElseThrow();
            assertThat(github.origin()).isEqualTo("installed");
            assertThat(github.formats()).containsExactly("Throwing");
            assertThat(github.errors()).anySatisfy(error -> assertThat(error).contains("was ignored"));
        }
    }

    @Test
    void throwingPlugin_isContained_theGenericReaderAnswers_andTheAdminSeesTheErrorWithoutTheCodes() throws Exception {
        PluginJars.build(data.resolve("plugins"), "throwing", PluginJars.CURRENT_SDK, ThrowingFormat.class);

        try (FormatPlugins plugins = installed();
                CodeReader reader = new CodeReader(plugins, Duration.ofSeconds(1))) {
            ParsedCodes parsed = reader.read("ALPHA-1111-AAAA\nqxzvw-2222-bbbb", "throwing-app");

            assertThat(parsed.formatId()).isEqualTo("generic");
            assertThat(parsed.codes()).containsExactly("ALPHA-1111-AAAA", "qxzvw-2222-bbbb");
            assertThat(parsed.notice())
                    .hasValueSatisfying(notice -> assertThat(notice).contains("Throwing format failed"));
            List<String> errors = plugins.statuses().get(0).errors();
            assertThat(errors)
                    .isNotEmpty()
                    .allSatisfy(error -> assertThat(error)
                            .contains("java.lang.IllegalStateException")
                            .doesNotContain("1111")
                            .doesNotContain("ALPHA"));
            assertThat(plugins.statuses().get(0).state()).isEqualTo(PluginStatus.State.STARTED);
        }
    }

    @Test
    void slowPlugin_isCutOffAtTheTimeLimit_andSuspendedUntilRestart() throws Exception {
        PluginJars.build(data.resolve("plugins"), "slow", PluginJars.CURRENT_SDK, SlowFormat.class);

        try (FormatPlugins plugins = installed();
                CodeReader reader = new CodeReader(plugins, Duration.ofMillis(200))) {
            ParsedCodes parsed = reader.read("abcd-1234\nefgh-5678", "slow-app");

            assertThat(parsed.formatId()).isEqualTo("generic");
            assertThat(parsed.notice())
                    .hasValueSatisfying(notice -> assertThat(notice).contains("Slow format took too long"));
            assertThat(plugins.statuses().get(0).state()).isEqualTo(PluginStatus.State.SUSPENDED);
            assertThat(plugins.formats()).isEmpty();
            assertThat(reader.read("abcd-1234", "slow-app").notice()).isEmpty();
        }
    }

    @Test
    void aPluginThatIgnoresItsInterrupt_isStopped_afterAGracePeriod() throws Exception {
        PluginJars.build(data.resolve("plugins"), "spinning", PluginJars.CURRENT_SDK, SpinningFormat.class);

        try (FormatPlugins plugins = installed();
                CodeReader reader = new CodeReader(plugins, Duration.ofMillis(200))) {
            assertThat(reader.read("abcd-1234\nefgh-5678", "spinning-app").formatId())
                    .isEqualTo("generic");
            assertThat(spinningThreads()).as("right after the time limit").isNotEmpty();

            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!spinningThreads().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(spinningThreads()).as("a core is no longer kept busy").isEmpty();
        }
    }

    /** Threads whose stack is inside the spinning plugin. */
    private static List<Thread> spinningThreads() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> java.util.Arrays.stream(entry.getValue())
                        .anyMatch(frame -> frame.getClassName().endsWith("SpinningFormat")))
                .map(java.util.Map.Entry::getKey)
                .toList();
    }

    @Test
    void notAPluginJar_isRefused_andTheOthersStillLoad() throws Exception {
        java.nio.file.Files.createDirectories(data.resolve("plugins"));
        java.nio.file.Files.writeString(data.resolve("plugins").resolve("broken.jar"), "not a zip");
        PluginJars.build(data.resolve("plugins"), "throwing", PluginJars.CURRENT_SDK, ThrowingFormat.class);

        try (FormatPlugins plugins = installed()) {
            assertThat(plugins.statuses())
                    .extracting(PluginStatus::state)
                    .containsExactly(PluginStatus.State.REFUSED, PluginStatus.State.STARTED);
        }
    }

    @Test
    void anInstalledJarNobodyTrusted_isRefused_withItsHashAndWhy_andRunsNoCode() throws Exception {
        Path jar = PluginJars.build(data.resolve("plugins"), "throwing", PluginJars.CURRENT_SDK, ThrowingFormat.class);
        String sha256 = PluginAdmission.sha256(jar);

        try (FormatPlugins plugins =
                PluginLocations.of(data.resolve("plugins"), data, List.of()).load(Clock.systemUTC())) {
            PluginStatus untrusted = plugins.statuses().get(0);
            assertThat(untrusted.state()).isEqualTo(PluginStatus.State.REFUSED);
            assertThat(untrusted.origin()).isEqualTo("installed");
            assertThat(untrusted.sha256()).hasSize(64).isEqualTo(sha256);
            assertThat(untrusted.errors())
                    .singleElement()
                    .asString()
                    .contains("not trusted", "all of Breakglass's rights", "breakglass.plugins.trusted-sha256", sha256);
            assertThat(plugins.formats())
                    .extracting(loaded -> loaded.info().id())
                    .doesNotContain("throwing");
            assertThat(plugins.statuses())
                    .filteredOn(status -> status.origin().equals("bundled"))
                    .isNotEmpty()
                    .allSatisfy(status -> assertThat(status.state()).isEqualTo(PluginStatus.State.STARTED));
        }
    }

    @Test
    void theTrustList_acceptsHashesAsOperatorsPasteThem() throws Exception {
        Path jar = PluginJars.build(data.resolve("plugins"), "throwing", PluginJars.CURRENT_SDK, ThrowingFormat.class);
        String pasted = "  " + PluginAdmission.sha256(jar).toUpperCase(java.util.Locale.ROOT) + " ";

        try (FormatPlugins plugins = PluginLocations.of(data.resolve("plugins"), data, List.of(pasted))
                .load(Clock.systemUTC())) {
            assertThat(plugins.statuses().get(0).state()).isEqualTo(PluginStatus.State.STARTED);
        }
    }

    @Test
    void close_unloadsEveryPluginWithoutThrowing() {
        FormatPlugins plugins = PluginLocations.of(null, data).load(Clock.systemUTC());
        assertThatCode(plugins::close).doesNotThrowAnyException();
    }

    /** The plugins built into this test's plugins folder, each trusted by its hash. */
    private FormatPlugins installed() {
        return FormatPlugins.load(
                data.resolve("plugins"), List.of(), Clock.systemUTC(), PluginJars.hashesIn(data.resolve("plugins")));
    }
}
