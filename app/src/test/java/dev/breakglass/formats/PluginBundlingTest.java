package dev.breakglass.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every plugin module in {@code plugins/} ships with Breakglass, so that a new plugin cannot be left out silently: it
 * must be a module of {@code plugins/pom.xml}, a dependency of the app (so the reactor builds it first) and copied into
 * {@code bundled-plugins/} (app/pom.xml's {@code bundle-plugins}); and its jar must be there on the class path. The
 * {@code new-plugin} command does all of it.
 */
class PluginBundlingTest {

    private static final Path APP_POM = Path.of("pom.xml");
    private static final Path PLUGINS_POM = PluginModules.ROOT.resolve("pom.xml");

    @Test
    void everyPluginModule_isBuiltDeclaredCopiedAndOnTheClassPath() throws Exception {
        String appPom = PluginModules.read(APP_POM);
        String pluginsPom = PluginModules.read(PLUGINS_POM);
        List<String> jars = bundledJars();
        List<String> missing = new ArrayList<>();
        List<PluginModules> modules = PluginModules.bundled();
        for (PluginModules module : modules) {
            String name = module.name();
            if (!pluginsPom.contains("<module>" + name + "</module>")) {
                missing.add("plugins/" + name + ": add <module>" + name + "</module> to plugins/pom.xml");
            }
            if (!appPom.contains("<artifactId>" + module.artifactId() + "</artifactId>")) {
                missing.add("plugins/" + name + ": add a dependency on " + module.artifactId()
                        + " (scope provided) to app/pom.xml");
            }
            if (!appPom.contains("<directory>${project.basedir}/../plugins/" + name + "/target</directory>")) {
                missing.add("plugins/" + name + ": add its target folder to the bundle-plugins copy in app/pom.xml");
            }
            if (jars.stream().noneMatch(jar -> jar.startsWith(module.artifactId() + "-"))) {
                missing.add("plugins/" + name + ": no " + module.artifactId() + " jar in bundled-plugins/");
            }
        }

        assertThat(modules).as("plugin modules found under plugins/").hasSizeGreaterThan(20);
        assertThat(missing)
                .as("plugin modules not bundled (the new-plugin command registers all four)")
                .isEmpty();
    }

    @Test
    void everyBundledJar_comesFromAPluginModule() throws Exception {
        List<String> artifacts =
                PluginModules.bundled().stream().map(PluginModules::artifactId).toList();

        assertThat(bundledJars())
                .allSatisfy(jar -> assertThat(artifacts)
                        .anySatisfy(artifact -> assertThat(jar).startsWith(artifact + "-")));
    }

    private static List<String> bundledJars() throws IOException, URISyntaxException {
        URL folder = PluginBundlingTest.class.getClassLoader().getResource(BundledPlugins.FOLDER);
        assertThat(folder).as("bundled-plugins/ on the class path").isNotNull();
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }
}
